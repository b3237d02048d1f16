// `feedback/<learner>.md`: for each lab, each failed check with its explanation and the hints to read.
import type { GradeRow } from './grades-shape.ts';

export function feedbackFileName(learner: string, taken: Set<string>): string {
  const base = learner.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'learner';
  let name = `${base}.md`;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}.md`;
  taken.add(name);
  return name;
}

export function feedbackMarkdown(learner: string, rows: GradeRow[], hintsFor: (labId: string) => string[]): string {
  const out = [`# Feedback for ${learner.replace(/[\r\n]+/g, ' ')}`, ''];
  for (const r of rows) {
    out.push(`## Lab ${r.lab}: ${r.passed} of ${r.total} checks passed${r.late ? ' (late)' : ''}`, '');
    if (r.missing) out.push('This lab was not in your submission.', '');
    if (!r.hashMatches) out.push('Your submission file was changed after it was made (its hash does not match), so it was graded as it is now.', '');
    const failed = r.checks.filter((c) => c.status !== 'passed');
    if (!failed.length) out.push('Every check passed. Well done.', '');
    for (const c of failed) out.push(`- **${c.title}** (${c.status})`, ...(c.message ? c.message.split('\n').map((l) => `  ${l}`) : []));
    const hints = hintsFor(r.lab);
    if (failed.length && hints.length) out.push('', 'Hints to read, in order (also on the lab page, one at a time):', ...hints.map((h, i) => `${i + 1}. ${h}`));
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
