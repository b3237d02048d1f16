import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIN_WRONG_ANSWERS } from './lab-definition.ts';
import { listLabFolders } from './lab-folders.ts';
import { listLabIds, loadLab } from './load-lab.ts';

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

const checks = {
  bus: { rules: [{ name: 'r', pattern: { file: 'pattern.json' }, targets: [{ id: 't', function: 't' }] }] },
  events: { e: { source: 's', 'detail-type': 'D', detail: {} } },
  checks: [{ id: 'arrives', type: 'routes', events: ['e'], target: 't', expect: 'reach', title: 'T', failure: 'F' }],
};

function brief(id: string, level: string): string {
  return `---\r\nid: ${id}\r\ntitle: "Lab ${id}: a test"\r\nmodule: eventbridge\r\nlevel: ${level}\r\nminutes: 5\r\nlessons:\r\n  - eventbridge/rules-and-patterns\r\n---\r\nBody\r\n`;
}

/** A labs folder; each lab: path -> text. */
function labsDir(labs: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'labs-'));
  dirs.push(root);
  for (const [id, files] of Object.entries(labs)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, id, path)), { recursive: true });
      writeFileSync(join(root, id, path), text);
    }
  }
  return root;
}

function lab(id: string, level: string, wrongAnswers: number, expect = (i: number) => ({ mistake: `m${i}`, failsFirst: 'arrives', mentions: ['e'] })): Record<string, string> {
  const files: Record<string, string> = { 'lab.md': brief(id, level), 'checks.json': JSON.stringify(checks), 'files/pattern.json': '{}', 'solution/pattern.json': '{"source":["s"]}' };
  for (let i = 0; i < wrongAnswers; i++) {
    files[`wrong-answers/w${i}/expect.json`] = JSON.stringify(expect(i));
    files[`wrong-answers/w${i}/pattern.json`] = '{"source":["x"]}';
  }
  return files;
}

describe('the lab lister', () => {
  it('lists labs by level, then id, reading CRLF briefs, and skips folders not named like a lab', () => {
    const root = labsDir({ '01-b': lab('01-b', 'intermediate', 0), '02-a': lab('02-a', 'beginner', 0), '03-c': lab('03-c', 'advanced', 0), notes: { 'x.md': '' } });
    expect(listLabIds(root)).toEqual(['02-a', '01-b', '03-c']);
    expect(listLabFolders(root)[0]!.title).toBe('Lab 02-a: a test');
  });

  it('names the lab whose brief is missing or has no known level', () => {
    expect(() => listLabIds(labsDir({ '01-a': { 'checks.json': '{}' } }))).toThrow('Lab 01-a has no lab.md or lab.mdx.');
    expect(() => listLabIds(labsDir({ '01-a': { 'lab.md': brief('01-a', 'expert') } }))).toThrow("Lab 01-a: the brief's level must be one of beginner, intermediate, advanced.");
  });
});

describe('loadLab', () => {
  it(`reads the wrong answers (at least ${MIN_WRONG_ANSWERS}) with what each must fail`, () => {
    const loaded = loadLab('01-a', labsDir({ '01-a': lab('01-a', 'beginner', MIN_WRONG_ANSWERS) }));
    expect(loaded.wrongAnswers).toHaveLength(MIN_WRONG_ANSWERS);
    expect(loaded.wrongAnswers[0]).toEqual({ name: 'w0', files: { 'pattern.json': '{"source":["x"]}' }, expect: { mistake: 'm0', failsFirst: 'arrives', mentions: ['e'] } });
  });

  it('requires a wrong-answer corpus beside a solution, naming what is wrong', () => {
    const files = lab('01-a', 'beginner', 0);
    expect(() => loadLab('01-a', labsDir({ '01-a': files }))).toThrow(/Lab 01-a has no wrong-answers folder/);
    expect(() => loadLab('01-a', labsDir({ '01-a': lab('01-a', 'beginner', 3) }))).toThrow(`Lab 01-a has 3 wrong answers; every lab keeps at least ${MIN_WRONG_ANSWERS}.`);
    const ghost = lab('01-a', 'beginner', MIN_WRONG_ANSWERS, (i) => ({ mistake: 'm', failsFirst: i === 4 ? 'ghost' : 'arrives', mentions: ['e'] }));
    expect(() => loadLab('01-a', labsDir({ '01-a': ghost }))).toThrow('Lab 01-a, wrong answer w4: failsFirst "ghost" is not a check id (arrives).');
    const stray = { ...lab('01-a', 'beginner', MIN_WRONG_ANSWERS), 'wrong-answers/w2/other.json': '{}' };
    expect(() => loadLab('01-a', labsDir({ '01-a': stray }))).toThrow('Lab 01-a, wrong answer w2: other.json is not a learner file (files/ has pattern.json).');
  });

  it("a learner's copy of a lab (no solution) needs no wrong answers", () => {
    const { 'solution/pattern.json': _, ...copy } = lab('01-a', 'beginner', 0);
    expect(loadLab('01-a', labsDir({ '01-a': copy })).wrongAnswers).toEqual([]);
  });

  it('names the lab and the field when checks.json is wrong', () => {
    const files = { ...lab('01-a', 'beginner', MIN_WRONG_ANSWERS), 'checks.json': JSON.stringify({ ...checks, checks: [{ ...checks.checks[0], id: undefined }] }) };
    expect(() => loadLab('01-a', labsDir({ '01-a': files }))).toThrow(/^Lab 01-a: checks\.json is not valid:\n- checks\[0\]\.id: is required/);
  });
});
