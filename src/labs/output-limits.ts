// How much handler output one run or check keeps. A handler that logs in a loop must not fill the
// page's memory or the grader's report: after these limits one notice says the rest was dropped.
export const MAX_OUTPUT_LINES = 1000;
export const MAX_OUTPUT_BYTES = 256 * 1024;
export const OUTPUT_TRUNCATED = `Output truncated: handlers wrote more than ${MAX_OUTPUT_LINES} lines or ${MAX_OUTPUT_BYTES / 1024} KB; the rest was dropped.`;

/** Counts output and says whether the next line may be kept ('keep'), is the notice ('notice') or is dropped. */
export function outputBudget(maxLines = MAX_OUTPUT_LINES, maxBytes = MAX_OUTPUT_BYTES): (text: string) => 'keep' | 'notice' | 'drop' {
  let lines = 0;
  let bytes = 0;
  let over = false;
  return (text) => {
    if (over) return 'drop';
    lines++;
    bytes += text.length;
    if (lines <= maxLines && bytes <= maxBytes) return 'keep';
    over = true;
    return 'notice';
  };
}
