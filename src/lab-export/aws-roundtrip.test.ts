// Every lab, end to end against the emulator with the real SDK clients: export --solution -> deploy ->
// verify exits 0 -> destroy leaves nothing; export --starter -> deploy -> verify exits 1 naming a check.
// The labs' wrong handlers go the same way in aws-wrong-handlers.test.ts.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { listLabIds, loadLab } from '../labs/load-lab.ts';
import { linkNodeModules, useEmulator } from './aws-roundtrip.test-support.ts';
import { clients, leftovers, main as tool } from './course-aws.ts';
import { exportLab, writeProject } from './export-command.ts';
import { notCheckableOnAws } from './project-layout.ts';

const emulator = useEmulator();

async function roundTrip(id: string, kind: 'solution' | 'starter') {
  const dir = mkdtempSync(join(tmpdir(), `aws-${id}-`));
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  try {
    const files = await exportLab(id, { kind }, filesFor);
    writeProject(files, dir);
    linkNodeModules(dir);
    const meta = JSON.parse(files['course/lab.json']!) as never;
    const common = ['--endpoint', emulator(), '--yes', '--stack-name', `t-${kind}-${id}`, '--timeout', '60', '--quiet', '3'];
    const deployed = await tool(['deploy', ...common], dir, out);
    const verified = deployed === 0 ? await tool(['verify', ...common], dir, out) : -1;
    const destroyed = await tool(['destroy', ...common], dir, out);
    if (process.env.SHOW_LINES) console.log(lines.join('\n'));
    return { deployed, verified, destroyed, lines, meta };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(listLabIds())('lab %s on the emulator', (id) => {
  it('solution: deploy, verify passes, destroy leaves nothing', async () => {
    const r = await roundTrip(id, 'solution');
    expect(r.deployed, r.lines.join('\n')).toBe(0);
    expect(r.verified, r.lines.join('\n')).toBe(0);
    expect(r.destroyed, r.lines.join('\n')).toBe(0);
    // Every check is reported with its id; what AWS cannot show is skipped with its reason, never passed.
    for (const check of loadLab(id).definition.checks) {
      const line = r.lines.find((l) => l.endsWith(`[${check.id}]`) || l.includes(`[${check.id}] (`));
      expect(line, check.id).toBeDefined();
      if (notCheckableOnAws(check)) expect(line).toMatch(/^– .*\(not checkable on AWS: skipped\)$/);
      else expect(line!.startsWith('✓ '), line).toBe(true);
    }
    // Listed again here with the real SDK clients: the stack, bus, functions, log groups, queue and roles are gone.
    expect(await leftovers(clients({ endpoint: emulator() }), { meta: r.meta }, `t-solution-${id}`)).toEqual([]);
  }, 120_000);
  it('starter: verify exits 1 and names a failing check', async () => {
    const r = await roundTrip(id, 'starter');
    expect(r.deployed, r.lines.join('\n')).toBe(0);
    expect(r.verified, r.lines.join('\n')).toBe(1);
    expect(r.lines.some((l) => l.startsWith('✗ '))).toBe(true);
    expect(r.destroyed, r.lines.join('\n')).toBe(0);
  }, 120_000);
});

describe('deploy on failure and on update', () => {
  it('names the failing resource and its reason, then destroy removes the rolled-back stack', async () => {
    const work = mkdtempSync(join(tmpdir(), 'aws-bad-'));
    const dir = mkdtempSync(join(tmpdir(), 'aws-bad-project-'));
    const lines: string[] = [];
    try {
      // Valid JSON, but not an event pattern: EventBridge refuses it, so CloudFormation fails the rule.
      writeFileSync(join(work, 'pattern.json'), '{ "source": "com.example.shop" }');
      writeProject(await exportLab('01-first-rule', { kind: 'dir', path: work }, filesFor), dir);
      const common = ['--endpoint', emulator(), '--yes', '--stack-name', 't-bad-pattern'];
      expect(await tool(['deploy', ...common], dir, (s) => lines.push(s))).toBe(1);
      expect(lines.join('\n')).toMatch(/Deploy failed/);
      expect(lines.some((l) => /^\s+RuleBigOrders \(AWS::Events::Rule\): \S/.test(l))).toBe(true);
      expect(await tool(['destroy', ...common], dir, (s) => lines.push(s))).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('updates the same stack when the work changes, and says when nothing changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-update-'));
    const lines: string[] = [];
    const out = (s: string) => lines.push(s);
    const common = ['--endpoint', emulator(), '--yes', '--stack-name', 't-update', '--timeout', '30', '--quiet', '2'];
    try {
      writeProject(await exportLab('01-first-rule', { kind: 'starter' }, filesFor), dir);
      expect(await tool(['deploy', ...common], dir, out)).toBe(0);
      writeProject(await exportLab('01-first-rule', { kind: 'solution' }, filesFor), dir);
      expect(await tool(['deploy', ...common], dir, out)).toBe(0);
      expect(lines).toContain('Updating t-update…');
      expect(await tool(['deploy', ...common], dir, out)).toBe(0);
      expect(lines).toContain('t-update is already up to date.');
      expect(await tool(['verify', ...common], dir, out)).toBe(0);
      expect(await tool(['destroy', ...common], dir, out)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
