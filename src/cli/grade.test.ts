import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignmentLink, type Assignment } from '../assignments/assignment.ts';
import { loadLab } from '../labs/load-lab.ts';
import { makeSubmission } from '../submissions/make-submission.ts';
import { main } from './grade.ts';

describe('npm run grade', () => {
  it('grades against an assignment link file, says what it flagged, and exits 1 when a file could not be graded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-cli-'));
    const lab = loadLab('01-first-rule');
    const a: Assignment = { version: 1, title: 'W', labs: ['01-first-rule'], dueAt: '2026-01-01T00:00:00.000Z', timeZone: 'UTC' };
    const s = await makeSubmission({ learner: 'Ada', assignment: a, commit: 'unknown', createdAt: '2026-02-01T00:00:00.000Z', labs: [{ id: '01-first-rule', files: lab.solution, results: null }] });
    writeFileSync(join(dir, 'ada.json'), JSON.stringify(s));
    writeFileSync(join(dir, 'notes.json'), '[]');
    const link = join(mkdtempSync(join(tmpdir(), 'link-')), 'assignment.txt');
    writeFileSync(link, assignmentLink('https://c.example/', a));
    const out = join(dir, 'out');
    const lines: string[] = [];
    const progress: string[] = [];
    const code = await main([dir, '--assignment', link, '--out', out, '--jobs', '1'], (l) => lines.push(l), { write: (t) => progress.push(t) });
    expect(code).toBe(1);
    expect(lines).toContain('late: Ada 01-first-rule (submitted 2026-02-01T00:00:00.000Z)');
    expect(lines.some((l) => l.startsWith('could not grade notes.json: not a submission file'))).toBe(true);
    expect(progress.join('')).toContain('1 of 1 labs re-run');
    expect(readdirSync(join(out, 'feedback'))).toEqual(['ada.md']);
    expect(readFileSync(join(out, 'grades.csv'), 'utf8')).toMatch(/\r\nAda,01-first-rule,7,7,1,late,/);
  }, 30_000);

  it('explains its usage and bad options', async () => {
    const lines: string[] = [];
    expect(await main([], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^Usage: npm run grade/);
    expect(await main(['x', '--jobs', '0'], (l) => lines.push(l))).toBe(2);
    expect(lines.at(-1)).toMatch(/--jobs needs a whole number/);
  });
});
