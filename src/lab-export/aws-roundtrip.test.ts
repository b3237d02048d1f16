// Every lab, end to end against the emulator with the real SDK clients: export --solution -> deploy ->
// verify exits 0 -> destroy leaves nothing; export --starter -> deploy -> verify exits 1 naming a check.
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { listLabIds, loadLab } from '../labs/load-lab.ts';
import { startServices, type TestStack } from '../emulator/services/services.test-support.ts';
import { DUMMY_CREDENTIALS } from '../emulator/test-clients.ts';
import { clients, leftovers, main as tool } from './course-aws.ts';
import { exportLab, writeProject } from './export-command.ts';
import { notCheckableOnAws } from './project-layout.ts';

let stack: TestStack;
const saved = { ...process.env };
beforeAll(async () => {
  stack = await startServices();
  // The SDK's default chain reads these, as it would a learner's.
  process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
  process.env.AWS_REGION = 'eu-west-1';
  // Lab 12's smoke test waits for its events up to this long (60 s unless set): the emulator delivers at once.
  process.env.READ_DEADLINE_MS = '3000';
});
afterAll(async () => {
  process.env = saved;
  await stack.close();
});

async function roundTrip(id: string, kind: 'solution' | 'starter') {
  const dir = mkdtempSync(join(tmpdir(), `aws-${id}-`));
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  try {
    const files = await exportLab(id, { kind }, filesFor);
    writeProject(files, dir);
    // A script lab's verify runs the learner's script, which imports the SDK from the project's node_modules (npm install there).
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    const meta = JSON.parse(files['course/lab.json']!) as never;
    const common = ['--endpoint', stack.server.url, '--yes', '--stack-name', `t-${kind}-${id}`, '--timeout', '60', '--quiet', '3'];
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
    expect(await leftovers(clients({ endpoint: stack.server.url }), { meta: r.meta }, `t-solution-${id}`)).toEqual([]);
  }, 120_000);
  it('starter: verify exits 1 and names a failing check', async () => {
    const r = await roundTrip(id, 'starter');
    expect(r.deployed, r.lines.join('\n')).toBe(0);
    expect(r.verified, r.lines.join('\n')).toBe(1);
    expect(r.lines.some((l) => l.startsWith('✗ '))).toBe(true);
    expect(r.destroyed, r.lines.join('\n')).toBe(0);
  }, 120_000);
});

// The labs' own wrong handlers (and wrong scripts, which verify runs), deployed as the learner wrote them: on AWS (here the emulator's Lambda) each fails the
// check that catches it in the browser, from what the function really did. Checks AWS cannot show are left out.
const wrongHandlers = listLabIds().flatMap((id) => {
  const lab = loadLab(id);
  // What a function is deployed from (its code and its asynchronous invocation settings), or the script verify runs.
  const handlerFiles = new Set([...Object.values(lab.definition.bus.functions ?? {}).flatMap((f) => [f.file, ...(f.invokeConfig ? [f.invokeConfig.file] : [])]), ...(lab.definition.script ? [lab.definition.script.file] : [])]);
  const checkable = (id: string) => { const c = lab.definition.checks.find((x) => x.id === id); return c !== undefined && !notCheckableOnAws(c); };
  return lab.wrongAnswers
    .filter((w) => Object.keys(w.files).some((f) => handlerFiles.has(f)) && checkable(w.expect.failsFirst))
    .map((w) => ({ id, name: w.name, files: w.files, failsFirst: w.expect.failsFirst }));
});

describe('wrong handlers on AWS', () => {
  it('there are some to deploy', () => expect(wrongHandlers.length).toBeGreaterThanOrEqual(5));
  it.each(wrongHandlers)('$id $name: verify exits 1 and fails $failsFirst', async ({ id, name, files, failsFirst }) => {
    const work = mkdtempSync(join(tmpdir(), `aws-${name}-`));
    const dir = mkdtempSync(join(tmpdir(), `aws-${name}-project-`));
    const lines: string[] = [];
    const out = (s: string) => lines.push(s);
    try {
      cpSync(join('labs', id, 'solution'), work, { recursive: true });
      for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
      writeProject(await exportLab(id, { kind: 'dir', path: work }, filesFor), dir);
      symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
      const common = ['--endpoint', stack.server.url, '--yes', '--stack-name', `t-wrong-${name}`.slice(0, 41), '--timeout', '60', '--quiet', '3'];
      expect(await tool(['deploy', ...common], dir, out), lines.join('\n')).toBe(0);
      expect(await tool(['verify', ...common], dir, out), lines.join('\n')).toBe(1);
      expect(lines.some((l) => l.startsWith('✗ ') && l.endsWith(`[${failsFirst}]`)), lines.join('\n')).toBe(true);
      expect(await tool(['destroy', ...common], dir, out)).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
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
      const common = ['--endpoint', stack.server.url, '--yes', '--stack-name', 't-bad-pattern'];
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
    const common = ['--endpoint', stack.server.url, '--yes', '--stack-name', 't-update', '--timeout', '30', '--quiet', '2'];
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
