// Credentials: deploy, verify and destroy with fake credentials in the environment (where the SDK's default
// chain finds them). The secret appears in no file, no output line, and the only connections made go to the
// endpoint given (the SDK signs requests there; it never sends the secret itself).
import net from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { startServices, type TestStack } from '../emulator/services/services.test-support.ts';
import { main as tool } from './course-aws.ts';
import { exportCommand } from './export-command.ts';

const KEY_ID = 'AKIAFAKEFORTESTS0001';
const SECRET = 'fake/secret+for-the-credentials-test-7f3a9c';
let stack: TestStack;
const saved = { ...process.env };
const connections: string[] = [];
const realConnect = net.Socket.prototype.connect;

beforeAll(async () => {
  stack = await startServices();
  process.env.AWS_ACCESS_KEY_ID = KEY_ID;
  process.env.AWS_SECRET_ACCESS_KEY = SECRET;
  process.env.AWS_REGION = 'eu-west-1';
  // Every outgoing TCP connection this process opens is recorded.
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    // Node's http client passes its normalised [options, callback] pair as the first argument.
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const o = first as { host?: string; port?: number } | number;
    connections.push(typeof o === 'object' ? `${o.host ?? 'localhost'}:${o.port}` : `localhost:${o}`);
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
});
afterAll(async () => {
  net.Socket.prototype.connect = realConnect;
  process.env = saved;
  await stack.close();
});

function allText(dir: string): string {
  return readdirSync(dir).map((n) => join(dir, n)).map((p) => (statSync(p).isDirectory() ? allText(p) : readFileSync(p, 'utf8'))).join('\n');
}

it('fake credentials reach only the endpoint, and appear in no file or output line', async () => {
  const lines: string[] = [];
  const out = (s: string) => lines.push(s);
  const dir = mkdtempSync(join(tmpdir(), 'aws-creds-'));
  try {
    const common = ['--endpoint', stack.server.url, '--yes', '--stack-name', 'creds-test', '--timeout', '20', '--quiet', '2'];
    expect(await exportCommand('export', ['03-first-handler', '--solution', '--out', dir], out, filesFor)).toBe(0);
    expect(await tool(['deploy', ...common], dir, out)).toBe(0);
    expect(await tool(['verify', ...common], dir, out)).toBe(0);
    expect(await tool(['destroy', ...common], dir, out)).toBe(0);
    const files = allText(dir);
    for (const secret of [SECRET, KEY_ID]) {
      expect(files).not.toContain(secret);
      expect(lines.join('\n')).not.toContain(secret);
    }
    const endpoint = new URL(stack.server.url);
    expect(connections.length).toBeGreaterThan(0);
    // The emulator under test runs in this process and forwards EventBridge/Logs calls to its own loopback
    // port; so: the endpoint, and nothing that leaves the machine.
    expect(connections).toContain(`${endpoint.hostname}:${endpoint.port}`);
    for (const c of connections) expect(c).toMatch(/^127\.0\.0\.1:\d+$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

it('without a terminal and without --yes, deploy refuses before creating anything', async () => {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'aws-refuse-'));
  try {
    await exportCommand('export', ['01-first-rule', '--solution', '--out', dir], () => {}, filesFor);
    const isTTY = process.stdin.isTTY;
    process.stdin.isTTY = false;
    try {
      expect(await tool(['deploy', '--endpoint', stack.server.url, '--stack-name', 'refused'], dir, (s) => lines.push(s))).toBe(2);
    } finally {
      process.stdin.isTTY = isTTY;
    }
    expect(lines.join('\n')).toMatch(/Refusing to continue without a terminal/);
    expect(lines.join('\n')).toMatch(/Account: \d{12}/);
    expect(lines.join('\n')).toMatch(/may cost money/);
    const { clients } = await import('./course-aws.ts');
    const { DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
    await expect(clients({ endpoint: stack.server.url }).cfn.send(new DescribeStacksCommand({ StackName: 'refused' }))).rejects.toThrow(/does not exist/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
