import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../assignments/assignment.ts';
import { loadLab } from '../labs/load-lab.ts';
import { makeSubmission } from '../submissions/make-submission.ts';
import { gradeFolder } from './grade-submissions.ts';
import { CSV_COLUMNS, csvCell } from './grades-csv.ts';
import type { Grades } from './grades-shape.ts';
import { writeGrades } from './write-grades.ts';

const lab1 = loadLab('01-first-rule');
const lab3 = loadLab('03-first-handler');
const allPassed = (lab: typeof lab1) => ({ checkedAt: '2026-12-01T10:00:00.000Z', checks: lab.definition.checks.map((c) => ({ title: c.title, status: 'passed' as const })) });
const assignment: Assignment = { version: 1, title: 'Week 1', labs: ['01-first-rule', '03-first-handler'], dueAt: '2026-12-05T17:00:00.000Z', timeZone: 'Europe/Paris' };

async function write(dir: string, name: string, learner: string, labs: Parameters<typeof makeSubmission>[0]['labs'], createdAt = '2026-12-01T10:00:00.000Z') {
  const s = await makeSubmission({ learner, assignment, labs, commit: 'e4ab2f0', createdAt });
  writeFileSync(join(dir, name), JSON.stringify(s, null, 2));
  return s;
}

const looping = `export async function handler() { while (true) {} }`;
// Tries the grader's disk and network; whatever either gives, it never does the lab's work.
const prying = (secret: string) => `import { readFileSync } from 'node:fs';
export async function handler(input, context) {
  let seen = '';
  try { seen += readFileSync(${JSON.stringify(secret)}, 'utf8'); } catch (e) { console.error('fs refused: ' + e); }
  try { seen += await (await fetch('http://127.0.0.1:9/')).text(); } catch (e) { console.error('fetch refused: ' + e); }
  throw new Error('prying handler, read ' + seen.length + ' characters');
}`;

describe('gradeFolder', () => {
  let grades: Grades;
  let progressCalls = 0;
  const row = (learner: string, lab: string) => grades.rows.find((r) => r.learner === learner && r.lab === lab)!;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grade-'));
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'grader secret');
    // Honest and complete.
    await write(dir, 'ada.json', 'Ada', [
      { id: '01-first-rule', files: lab1.solution, results: allPassed(lab1) },
      { id: '03-first-handler', files: lab3.solution, results: allPassed(lab3) },
    ]);
    // Claims every check passed with the starter files.
    await write(dir, 'bob.json', 'Bob', [{ id: '01-first-rule', files: lab1.starter, results: allPassed(lab1) }]);
    // Copies Ada's lab 01, and is late.
    await write(dir, 'cy.json', 'Cy', [{ id: '01-first-rule', files: lab1.solution, results: null }], '2026-12-06T09:00:00.000Z');
    // Edited after it was made: the hash no longer matches.
    const dee = await write(dir, 'dee.json', 'Dee', [{ id: '01-first-rule', files: lab1.starter, results: null }]);
    dee.labs[0]!.files = { 'pattern.json': `${lab1.solution['pattern.json']}\n` };
    writeFileSync(join(dir, 'dee.json'), JSON.stringify(dee));
    // Hostile handlers.
    await write(dir, 'eve.json', 'Eve', [{ id: '03-first-handler', files: { ...lab3.solution, 'handler.ts': looping }, results: allPassed(lab3) }]);
    await write(dir, 'fay.json', 'Fay', [{ id: '03-first-handler', files: { ...lab3.solution, 'handler.ts': prying(secret) }, results: null }]);
    // Not a submission at all.
    writeFileSync(join(dir, 'junk.json'), '{"hello": ');
    grades = await gradeFolder(dir, { assignment, concurrency: 2, onProgress: () => progressCalls++ });
  }, 60_000);

  it('grades every learner and lab of the assignment, reporting progress for each, despite a broken file', () => {
    expect(grades.files.find((f) => f.file === 'junk.json')?.error).toMatch(/not JSON/);
    expect(grades.rows).toHaveLength(6 * 2);
    expect(progressCalls).toBe(grades.rows.length);
  });

  it('passes honest, complete work', () => {
    const ada1 = row('Ada', '01-first-rule');
    expect([ada1.passed, ada1.total, ada1.score, ada1.late, ada1.hashMatches, ada1.claimedMismatch]).toEqual([7, 7, 1, false, true, []]);
    expect(row('Ada', '03-first-handler').passed).toBe(lab3.definition.checks.length);
  });

  it('flags a file that claims every check passed but whose files fail, and scores a missing lab 0', () => {
    const bob = row('Bob', '01-first-rule');
    expect(bob.passed).toBeLessThan(bob.total);
    expect(bob.claimedMismatch.length).toBe(bob.total - bob.passed);
    expect(row('Bob', '03-first-handler')).toMatchObject({ missing: true, passed: 0 });
  });

  it('flags identical submissions on both sides (never untouched starters), and late ones', () => {
    expect(row('Cy', '01-first-rule')).toMatchObject({ late: true, passed: 7, identicalTo: ['ada.json'] });
    expect(row('Ada', '01-first-rule').identicalTo).toEqual(['cy.json']);
    expect(row('Bob', '01-first-rule').identicalTo).toEqual([]);
  });

  it('flags a changed hash and grades the file as it is now', () => {
    expect(grades.files.find((f) => f.file === 'dee.json')?.hash?.matches).toBe(false);
    expect(row('Dee', '01-first-rule')).toMatchObject({ hashMatches: false, passed: 7 });
  });

  it('a handler that loops forever fails its own lab and is stopped', () => {
    const eve = row('Eve', '03-first-handler');
    expect(eve.passed).toBeLessThan(eve.total);
    expect(eve.checks.some((c) => /timeout|terminated|stopped/i.test(c.message ?? ''))).toBe(true);
    expect(eve.claimedMismatch.length).toBeGreaterThan(0);
  });

  it('a handler that tries fs and fetch fails the checks that run it, and only those', () => {
    const fay = row('Fay', '03-first-handler');
    expect(fay.checks.find((c) => c.title.startsWith('The handler emits'))?.status).not.toBe('passed');
    // The schema check does not run the handler.
    expect(fay.checks.find((c) => c.title.startsWith('The schema accepts'))?.status).toBe('passed');
  });

  it('writes grades.csv, grades.json and feedback in their documented shapes', () => {
    const out = mkdtempSync(join(tmpdir(), 'grade-out-'));
    writeGrades(grades, out);
    const csv = readFileSync(join(out, 'grades.csv'), 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv).toHaveLength(1 + grades.rows.length);
    expect(csv.find((l) => l.startsWith('Cy,01-first-rule'))).toMatch(/^Cy,01-first-rule,7,7,1,late,2026-12-06T09:00:00.000Z,[0-9a-f]{64},true,,ada.json,cy.json$/);
    const json = JSON.parse(readFileSync(join(out, 'grades.json'), 'utf8'));
    expect(json).toMatchObject({ version: 1, assignment: { title: 'Week 1' } });
    expect(Object.keys(json.rows[0]).sort()).toEqual(['checks', 'claimedMismatch', 'contentHash', 'file', 'hashMatches', 'identicalTo', 'lab', 'late', 'learner', 'missing', 'passed', 'score', 'submittedAt', 'total']);
    expect(Object.keys(json.rows[0].checks[0]).sort()).toEqual(['claimed', 'message', 'status', 'title']);
    const bob = row('Bob', '01-first-rule');
    const bobFeedback = readFileSync(join(out, 'feedback', 'bob.md'), 'utf8');
    expect(bobFeedback).toContain('## Lab 01-first-rule');
    expect(bobFeedback).toContain(lab1.definition.checks.find((c) => c.title === bob.checks.find((x) => x.status !== 'passed')!.title)!.failure);
    expect(bobFeedback).toContain('Hints to read');
    expect(readFileSync(join(out, 'feedback', 'ada.md'), 'utf8')).toContain('Every check passed');
  });
});

describe('grades.csv cells', () => {
  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('Smith, "Jo"')).toBe('"Smith, ""Jo"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });
});
