// Runs the CLI as a learner would (a child process) and checks output and exit codes.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'eventbridge.ts');
let dir = '';
const file = (name: string, text: string) => {
  const f = path.join(dir, name);
  writeFileSync(f, text);
  return f;
};
const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'eb-cli-'));
});

// Each case starts Node one or more times; allow for a busy machine.
describe('eventbridge CLI', { timeout: 90_000 }, () => {
  it('prints match and exits 0', () => {
    const p = file('p.json', '{"source":["shop"],"detail":{"total":[{"numeric":[">=",300]}]}}');
    const e = file('e.json', '{"source":"shop","detail":{"total":350}}');
    const r = run('test-pattern', '--pattern', p, '--event', e);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('match');
    expect(r.out).toContain('✓ detail.total = 350');
  });
  it('prints no match with the reason and exits 1', () => {
    const p = file('p.json', '{"detail":{"total":[{"numeric":[">=",300]}]}}');
    const e = file('e.json', '{"detail":{"total":250}}');
    const r = run('test-pattern', '--pattern', p, '--event', e);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toBe('no match');
    expect(r.out).toContain('detail.total: 250 is not >= 300');
    // Said once: in the summary, not again on the field's line.
    expect(r.out.split('detail.total: 250 is not >= 300').length).toBe(2);
    expect(r.out).toContain('✗ detail.total = 250\n');
  });
  it('lists pattern problems with their paths and exits 2', () => {
    const p = file('bad.json', '{"source":"shop","detail":{"n":[{"numeric":[">"]}]}}');
    const e = file('e.json', '{}');
    const r = run('test-pattern', '--pattern', p, '--event', e);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/invalid pattern \(2 problems\)/);
    expect(r.out).toMatch(/^ {2}source: /m);
    expect(r.out).toMatch(/^ {2}detail\.n\[0\]\.numeric\[1\]: /m);
  });
  it('tests a batch, one line per event', () => {
    const p = file('p.json', '{"source":["shop"]}');
    const all = file('all.jsonl', '{"source":"shop"}\n\n{"source":"shop","x":1}\n');
    const some = file('some.jsonl', '{"source":"shop"}\n{"source":"bank"}\n');
    const r1 = run('test-pattern', '--pattern', p, '--events', all, '--quiet');
    expect(r1.code).toBe(0);
    expect(r1.out).toBe('match\nmatch\n');
    const r2 = run('test-pattern', '--pattern', p, '--events', some);
    expect(r2.code).toBe(1);
    expect(r2.out).toMatch(/^line 1: match/m);
    expect(r2.out).toMatch(/^line 2: no match — .*source/m);
  });
  it('exits 2 with a clear message for usage errors, unreadable files and bad events', () => {
    const p = file('p.json', '{"source":["shop"]}');
    expect(run('test-pattern', '--pattern', path.join(dir, 'missing.json'), '--event', p)).toMatchObject({ code: 2 });
    expect(run('test-pattern', '--pattern', path.join(dir, 'missing.json'), '--event', p).err).toMatch(/cannot read the pattern file/);
    expect(run('frobnicate').err).toMatch(/unknown command/);
    expect(run('test-pattern', '--pattern', p).err).toMatch(/--event/);
    const bad = file('bad-event.json', '[1,2]');
    const r = run('test-pattern', '--pattern', p, '--event', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/JSON object/);
  });
  it('shows help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Usage:/);
    expect(r.out).toMatch(/Exit codes/);
  });
  it('validates a pattern on its own', () => {
    expect(run('validate', '--pattern', file('ok.json', '{"a":["1"]}'))).toMatchObject({ code: 0, out: 'valid pattern\n' });
  });
});
