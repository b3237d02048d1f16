// The course's total time, as the home page states it, from each lesson's and lab's `minutes`.

/** "3 h 05 min" style, or "45 min" under an hour. */
export function formatMinutes(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, '0')} min`;
}

/** One sentence: the total, then lessons and labs separately. A lesson without `minutes` counts as 0 and is named. */
export function courseTime(lessonMinutes: (number | undefined)[], labMinutes: (number | undefined)[]): string {
  const sum = (xs: (number | undefined)[]) => xs.reduce<number>((n, x) => n + (x ?? 0), 0);
  const lessons = sum(lessonMinutes);
  const labs = sum(labMinutes);
  const unknown = lessonMinutes.filter((m) => m === undefined).length;
  const note = unknown > 0 ? ` (${unknown} without an estimate)` : '';
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `The whole course takes about ${formatMinutes(lessons + labs)}: ${count(lessonMinutes.length, 'lesson')}${note}, about ${formatMinutes(lessons)}, and ${count(labMinutes.length, 'lab')}, about ${formatMinutes(labs)}.`;
}
