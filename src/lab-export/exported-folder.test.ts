// The exported project on its own: its package.json scripts, run by Node from the folder (with its
// dependencies installed: here the repository's node_modules linked in, as CI has no registry), deploy,
// verify and destroy lab 3 on the emulator. Nothing of the repository is imported by the child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { startServices, type TestStack } from '../emulator/services/services.test-support.ts';
import { DUMMY_CREDENTIALS } from '../emulator/test-clients.ts';
import { exportLab, writeProject } from './export-command.ts';

const run = promisify(execFile);
let stack: TestStack;
beforeAll(async () => {
  stack = await startServices();
});
afterAll(async () => {
  await stack.close();
});

async function script(dir: string, name: string, args: string[]): Promise<{ code: number; out: string }> {
  const scripts = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [cmd, ...rest] = scripts[name]!.split(' ');
  expect(cmd).toBe('node');
  const env = { PATH: process.env.PATH ?? '', HOME: dir, AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId, AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey, AWS_REGION: 'eu-west-1' };
  try {
    const r = await run(process.execPath, [...rest, ...args], { cwd: dir, env, timeout: 90_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

// Lab 11 too: its handler imports the lab's own modules (bundled into index.js) and verify waits for Lambda's retries.
it.each([['03-first-handler', 'solution'], ['03-first-handler', 'starter'], ['11-retries-and-dead-letters', 'solution']] as const)('lab %s %s: npm run deploy, verify, destroy from the exported folder', async (lab, kind) => {
  const dir = mkdtempSync(join(tmpdir(), `exported-${kind}-`));
  try {
    writeProject(await exportLab(lab, { kind }, filesFor), dir);
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
    const common = ['--endpoint', stack.server.url, '--yes', '--stack-name', `folder-${kind}-${lab.slice(0, 2)}`, '--timeout', '30', '--quiet', '2'];
    const deployed = await script(dir, 'deploy', common);
    expect(deployed.code, deployed.out).toBe(0);
    const verified = await script(dir, 'verify', common);
    expect(verified.code, verified.out).toBe(kind === 'solution' ? 0 : 1);
    if (kind === 'starter') expect(verified.out).toMatch(/✗ The handler emits OrderConfirmed/);
    const destroyed = await script(dir, 'destroy', common);
    expect(destroyed.code, destroyed.out).toBe(0);
    expect(destroyed.out).toContain('Nothing of the lab is left');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
