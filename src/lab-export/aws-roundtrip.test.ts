// Every lab, end to end against the emulator with the real SDK clients: export --solution -> deploy ->
// verify exits 0 -> destroy leaves nothing; export --starter -> deploy -> verify exits 1 naming a check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { listLabIds } from '../labs/load-lab.ts';
import { startServices, type TestStack } from '../emulator/services/services.test-support.ts';
import { DUMMY_CREDENTIALS } from '../emulator/test-clients.ts';
import { clients, leftovers, main as tool } from './course-aws.ts';
import { exportLab, writeProject } from './export-command.ts';

let stack: TestStack;
const saved = { ...process.env };
beforeAll(async () => {
  stack = await startServices();
  // The SDK's default chain reads these, as it would a learner's.
  process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
  process.env.AWS_REGION = 'eu-west-1';
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
    // Listed again here with the real SDK clients: the stack, bus, functions, log groups, queue and roles are gone.
    expect(await leftovers(clients({ endpoint: stack.server.url }), { meta: r.meta }, `t-solution-${id}`)).toEqual([]);
  }, 120_000);
  it('starter: verify exits 1 and names a failing check', async () => {
    const r = await roundTrip(id, 'starter');
    expect(r.destroyed, r.lines.join('\n')).toBe(0);
    if (r.deployed === 0) {
      expect(r.verified, r.lines.join('\n')).toBe(1);
      expect(r.lines.some((l) => l.startsWith('✗ '))).toBe(true);
    } else {
      // A starter file AWS refuses (a pattern that is not yet valid) fails the deploy, naming the resource.
      expect(r.lines.some((l) => /FAILED|failed/.test(l))).toBe(true);
    }
  }, 120_000);
});
