// Every lab: the solution passes every check, the starter fails at least one. Plus the CLI spawned once.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLab, filesFor, listLabs, main, runLabEvents } from './lab.ts';
import { loadLab } from '../labs/load-lab.ts';

const labs = listLabs();

describe('lab CLI functions', () => {
  it('lists the labs with ids and titles', () => {
    expect(labs.map((l) => l.id)).toEqual(expect.arrayContaining(['01-first-rule', '02-content-filtering', '03-first-handler']));
    for (const l of labs) expect(l.title.length).toBeGreaterThan(0);
  });

  for (const { id } of labs) {
    it(`${id}: the solution passes every check`, async () => {
      const report = await checkLab(id, { kind: 'solution' });
      const failing = report.results.filter((r) => r.status !== 'passed');
      expect(failing, JSON.stringify(failing, null, 2)).toEqual([]);
      expect(report.passed).toBe(true);
    });

    it(`${id}: the starter fails at least one check`, async () => {
      const report = await checkLab(id, { kind: 'starter' });
      expect(report.passed).toBe(false);
      expect(report.results.some((r) => r.status === 'failed')).toBe(true);
    });
  }

  it('reports an unknown lab clearly', async () => {
    const lines: string[] = [];
    expect(await main(['check', '99-nope'], (s) => lines.push(s))).toBe(2);
    expect(lines.join('\n')).toMatch(/There is no lab "99-nope"/);
  });

  it('stops a handler stuck in an endless loop and reports it, in its own process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-loop-'));
    writeFileSync(join(dir, 'handler.ts'), 'export async function handler() {\n  while (true) {}\n}\n');
    const started = Date.now();
    const report = await checkLab('03-first-handler', { kind: 'dir', path: dir });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(report.passed).toBe(false);
    const messages = report.results.map((r) => r.message ?? '').join('\n');
    expect(messages).toMatch(/TIMEOUT: Handler did not finish within 3000 ms/);
    expect(report.results.find((r) => /OrderConfirmed for the order/.test(r.title))?.status).toBe('failed');
  });

  it('takes read-only files from the lab, never from --dir', async () => {
    const lab = loadLab('04-stop-the-pinball');
    const dir = mkdtempSync(join(tmpdir(), 'lab-readonly-'));
    for (const [path, text] of Object.entries(lab.solution)) writeFileSync(join(dir, path), text);
    // A kitchen that never answers would hide the loop the learner is meant to fix.
    writeFileSync(join(dir, 'kitchen.ts'), 'export async function handler() {}\n');
    expect(filesFor(lab, { kind: 'dir', path: dir })['kitchen.ts']).toBe(lab.starter['kitchen.ts']);
    writeFileSync(join(dir, 'to-kitchen.json'), lab.starter['to-kitchen.json']!);
    const report = await checkLab('04-stop-the-pinball', { kind: 'dir', path: dir });
    expect(report.passed).toBe(false);
  });

  it('refuses symbolic links in --dir and still writes the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lab-link-'));
    symlinkSync('/etc/passwd', join(dir, 'handler.ts'));
    const out = join(mkdtempSync(join(tmpdir(), 'lab-report-')), 'report.json');
    const lines: string[] = [];
    expect(await main(['check', '03-first-handler', '--dir', dir, '--report', out], (s) => lines.push(s))).toBe(2);
    expect(lines.join('\n')).toMatch(/handler\.ts .* is a symbolic link/);
    const report = JSON.parse(readFileSync(out, 'utf8')) as { passed: boolean; error: string };
    expect(report).toMatchObject({ passed: false, error: expect.stringMatching(/symbolic link/) });
  });

  it('runs a lab and returns the trace of every event', async () => {
    const report = await runLabEvents('01-first-rule', { kind: 'solution' });
    expect(report.trace.filter((t) => t.kind === 'event.put')).toHaveLength(6);
    expect(report.trace.filter((t) => t.kind === 'target.input')).toHaveLength(1);
  });
});

describe('npm run lab (spawned)', () => {
  it('prints JSON for list --json and exits 0/1 for check', () => {
    const node = process.execPath;
    const cli = new URL('./lab.ts', import.meta.url).pathname;
    const list = spawnSync(node, [cli, 'list', '--json'], { encoding: 'utf8' });
    expect(list.status).toBe(0);
    const parsed = JSON.parse(list.stdout) as { id: string; title: string }[];
    expect(parsed[0]).toEqual({ id: '01-first-rule', title: 'Your first rule' });
    const pass = spawnSync(node, [cli, 'check', '01-first-rule', '--solution'], { encoding: 'utf8', timeout: 60_000 });
    expect(pass.stdout).toMatch(/PASS\s+Euro orders over 100 reach notify-sales/);
    expect(pass.status).toBe(0);
    const fail = spawnSync(node, [cli, 'check', '01-first-rule', '--starter'], { encoding: 'utf8', timeout: 60_000 });
    expect(fail.stdout).toMatch(/FAIL\s+An order of 40 EUR stays out/);
    expect(fail.stdout).toMatch(/why: small-eur-order vs rule big-orders/);
    expect(fail.status).toBe(1);
  });
});
