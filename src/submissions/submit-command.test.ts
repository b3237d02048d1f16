import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/lab.ts';
import { gradeFolder } from '../grading/grade-submissions.ts';
import { LABS_DIR } from '../labs/load-lab.ts';
import { assignmentLink } from '../assignments/assignment.ts';
import { readSubmission } from './read-submission.ts';

describe('npm run lab -- submit', () => {
  it('writes a valid, hashed submission with the local results, which the grader grades the same', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'submit-'));
    cpSync(join(LABS_DIR, '01-first-rule', 'files'), join(tmp, 'work'), { recursive: true });
    const link = join(tmp, 'link.txt');
    writeFileSync(link, assignmentLink('https://c.example/', { version: 1, title: 'W1', labs: ['01-first-rule'], dueAt: '2030-01-01T00:00:00.000Z', timeZone: 'UTC' }));
    const lines: string[] = [];
    const out = join(tmp, 'subs', 'ada.json');
    mkdirSync(join(tmp, 'subs'));
    const code = await main(['submit', '01-first-rule', '--dir', join(tmp, 'work'), '--learner', 'Ada', '--assignment', link, '--out', out], (s) => lines.push(s));
    expect(lines.join('\n')).toMatch(/checks passed\. Wrote/);
    expect(code).toBe(0);
    const read = await readSubmission(readFileSync(out, 'utf8'));
    if (!read.ok) throw new Error(read.error);
    expect(read.hashOk).toBe(true);
    expect(read.submission.assignment?.title).toBe('W1');
    const claimed = read.submission.labs[0]!.results!.checks;
    const grades = await gradeFolder(join(tmp, 'subs'));
    expect(grades.rows[0]!.checks.map((c) => c.status)).toEqual(claimed.map((c) => c.status));
    expect(grades.rows[0]!.claimedMismatch).toEqual([]);
    expect(grades.rows[0]!.late).toBe(false);
  }, 30_000);

  it('says what is missing', async () => {
    const lines: string[] = [];
    expect(await main(['submit', '01-first-rule', '--dir', '.'], (s) => lines.push(s))).toBe(2);
    expect(lines[0]).toMatch(/submit needs --learner/);
  });
});
