// The grader's boundary, tried as an attacker would: every attack runs as a learner's handler, and the
// test asserts that it is stopped, that the verdict stays what the bus saw, and that nothing is left over.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabDefinition } from '../lab-definition.ts';
import type { LabCheckReport } from '../lab-types.ts';
import { SandboxedLabRunner, type SandboxedRunnerOptions } from './sandboxed-runner.ts';
import { planSpawn } from './sandbox-spawn.ts';
import { useTrapServer } from './trap-server.test-support.ts';

const LAB_ID = 'sandbox-attack';

// The handler puts {ok: true} only when its attack worked; the check passes only if that event reached the bus.
const definition = parseLabDefinition({
  bus: {
    rules: [{ name: 'all', pattern: { inline: { source: ['s'] } }, targets: [{ id: 'fn', function: 'fn' }] }],
    functions: { fn: { file: 'fn.ts', timeoutMs: 1500 } },
  },
  events: { one: { source: 's', 'detail-type': 'D', detail: { n: 1 } } },
  checks: [
    { id: 'attack-worked', type: 'emitted', events: ['one'], event: { source: 'attack', detail: { ok: true } }, title: 'attack worked', failure: 'the attack was stopped' },
    { id: 'called', type: 'handler-called', events: ['one'], function: 'fn', with: { detail: { n: 1 } }, title: 'called', failure: 'not called' },
  ],
});

// Every handler file starts with the real SDK client a learner would write; `await won();` puts the winning event.
const PRELUDE = `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
const won = () => new EventBridgeClient({}).send(new PutEventsCommand({ Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'attack', DetailType: 'X', Detail: JSON.stringify({ ok: true }) }] }));
`;
const WON = 'await won();';

async function grade(code: string, opts: SandboxedRunnerOptions = {}, files: Record<string, string> = {}): Promise<LabCheckReport> {
  const runner = new SandboxedLabRunner({ loadLimitMs: 3000, ...opts });
  await runner.mount({ id: LAB_ID, definition, files: { 'fn.ts': PRELUDE + code, ...files } });
  return runner.check();
}

function text(report: LabCheckReport): string {
  return JSON.stringify(report);
}

/** The attack check failed, and the check that only needs the call still passed. */
function expectStopped(report: LabCheckReport, why: RegExp): void {
  expect(report.passed).toBe(false);
  expect(report.results[0]?.status).toBe('failed');
  expect(text(report)).toMatch(why);
}

const trap = useTrapServer();

describe('the grader sandbox (a child process per function)', () => {
  it('grades honest code: the event the handler put reaches the bus and the check passes', async () => {
    const report = await grade(`export async function handler(e: unknown, ctx: any) { console.log('hello'); const r = ${WON} if (r.FailedEntryCount !== 0) throw new Error('rejected'); }`);
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'passed']);
  });

  it('cannot read /etc/passwd or the grader\'s own files', async () => {
    const grader = new URL('./sandboxed-runner.ts', import.meta.url).pathname;
    const report = await grade(`import { readFileSync } from 'node:fs';
      export async function handler(e: unknown, ctx: any) { const a = readFileSync('/etc/passwd', 'utf8'); const b = readFileSync(${JSON.stringify(grader)}, 'utf8'); console.log(a, b); ${WON} }`);
    expectStopped(report, /ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(text(report)).not.toMatch(/root:x:0:0/);
    expect(report.results[1]?.status).toBe('passed');
  });

  it('cannot run programs (id) or start workers', async () => {
    const report = await grade(`import { execSync } from 'node:child_process';
      export async function handler(e: unknown, ctx: any) { let out = ''; try { out = execSync('id').toString(); } catch (err) { const { Worker } = await import('node:worker_threads'); new Worker('1', { eval: true }); } console.log(out); ${WON} }`);
    expectStopped(report, /Access to this API has been restricted/);
    expect(text(report)).not.toMatch(/uid=/);
  });

  it('cannot write files, not even with SQLite', async () => {
    const target = join(tmpdir(), `sandbox-pwned-${process.pid}`);
    const report = await grade(`import { writeFileSync } from 'node:fs';
      export async function handler(e: unknown, ctx: any) {
        const sqlite = process.getBuiltinModule('node:sqlite') as any;
        if (sqlite) new sqlite.DatabaseSync(${JSON.stringify(`${target}.db`)}).exec('create table t (x)');
        writeFileSync(${JSON.stringify(target)}, 'x'); ${WON} }`);
    expectStopped(report, /Access to this API has been restricted/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.db`)).toBe(false);
  });

  it('cannot reach the network: net, http, fetch, dns; the listening server sees no connection', async () => {
    const report = await grade(`import net from 'node:net';
      import http from 'node:http';
      import dns from 'node:dns/promises';
      export async function handler(e: unknown, ctx: any) {
        const tries = [
          () => new Promise((ok, no) => net.connect(${trap.port()}, '127.0.0.1').on('connect', ok).on('error', no)),
          () => new Promise((ok, no) => http.get('http://127.0.0.1:${trap.port()}/', ok).on('error', no)),
          () => (globalThis as any).fetch('http://127.0.0.1:${trap.port()}/'),
          () => dns.lookup('example.com'),
        ];
        const errors: string[] = [];
        for (const t of tries) { try { await t(); ${WON} } catch (err) { errors.push(String(err)); } }
        console.log(errors.join(' | '));
      }`);
    expect(report.results[0]?.status).toBe('failed');
    expect(trap.connections()).toBe(0);
  });

  it('cannot forge the grader\'s messages: a fake "done" or result on its pipe stops the process and fails the check', async () => {
    const report = await grade(`import { writeSync } from 'node:fs';
      export async function handler() {
        writeSync(3, JSON.stringify({ type: 'done', report: { passed: true, results: [], output: [] } }) + '\\n');
        writeSync(3, JSON.stringify({ type: 'result', index: 0, result: { title: 'attack worked', status: 'passed' } }) + '\\n');
      }`);
    expectStopped(report, /sent the grader a message the grader does not accept/);
  });

  it('patching built-ins (Array.prototype.push, every, JSON) changes nothing in the verdict', async () => {
    const report = await grade(`Array.prototype.push = function () { return 0; };
      Array.prototype.every = function () { return true; };
      Array.prototype.some = function () { return true; };
      JSON.stringify = () => '{"passed":true}';
      export async function handler() {}`);
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'passed']);
    expect(report.passed).toBe(false);
  });

  it('an unhandled rejection fails the call it happened in, with a clear message', async () => {
    const report = await grade(`export async function handler() { Promise.reject(new Error('boom')); }`);
    expect(report.results[0]?.status).toBe('failed');
    expect(text(report)).toMatch(/Unhandled promise rejection \(a promise failed and nothing caught it\): Error: boom/);
  });

  it('process.exit() and an uncaught exception in a timer fail the call, and the next call gets a fresh process', async () => {
    const exit = await grade(`export async function handler() { process.exit(0); }`);
    expectStopped(exit, /exited with code 0 before the handler finished \(process\.exit\(\) or a crash\)/);
    const timer = await grade(`export async function handler() { setTimeout(() => { throw new Error('late'); }, 1); await new Promise((r) => setTimeout(r, 50)); }`);
    expectStopped(timer, /Uncaught exception: Error: late/);
    // The emitted and handler-called checks each call the handler: both calls got a process.
    expect(exit.results[1]?.status).toBe('passed');
  });

  it('a loop at the top level of the module is stopped by the load limit (the clock starts at spawn)', async () => {
    const started = Date.now();
    const report = await grade(`for (;;) {}\nexport async function handler() {}`, { loadLimitMs: 1000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.passed).toBe(false);
    expect(text(report)).toMatch(/fn\.ts did not finish loading within 1 s/);
  });

  it('a handler that loops forever is stopped at its timeout; the trace says TIMEOUT', async () => {
    const report = await grade(`export async function handler() { for (;;) {} }`);
    expectStopped(report, /TIMEOUT: Handler did not finish within 1500 ms/);
  });

  it('a memory bomb ends with "ran out of memory", not a crashed grader', async () => {
    const report = await grade(`export async function handler() { const a: unknown[] = []; for (;;) a.push(new Array(1e5).fill({ x: Math.random() })); }`, { limits: { heapMb: 48, dataMb: 1024 } });
    expectStopped(report, /fn\.ts ran out of memory \(the limit is 48 MB\)/);
  });

  it('handler errors point at the learner\'s file and line, without the grader\'s frames', async () => {
    const report = await grade(`export async function handler() {\n  throw new Error('nope');\n}`);
    expect(text(report)).toMatch(/Error: nope\\n\s+at handler \(fn\.ts:4:9\)/);
    expect(text(report)).not.toMatch(/sandbox-child|runtime\//);
  });

  it('sees no environment variables of the grader (no AWS credentials)', async () => {
    process.env.AWS_SECRET_ACCESS_KEY = 'do-not-leak';
    try {
      const report = await grade(`export async function handler(e: unknown, ctx: any) { if (process.env.AWS_SECRET_ACCESS_KEY === 'do-not-leak') ${WON} console.log(JSON.stringify(process.env)); }`);
      expect(report.results[0]?.status).toBe('failed');
      expect(text(report)).not.toMatch(/do-not-leak/);
    } finally {
      delete process.env.AWS_SECRET_ACCESS_KEY;
    }
  });

  it('second layer: without the in-process lock, a child still reaches nothing (empty network namespace on Linux)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-netns-'));
    try {
      writeFileSync(join(dir, 'raw.mjs'), `import net from 'node:net';
        net.connect(${trap.port()}, '127.0.0.1').on('connect', () => console.log('CONNECTED')).on('error', (e) => console.log(e.code));`);
      const plan = planSpawn(join(dir, "raw.mjs"), [`${dir}/`]);
      if (!plan.layers.networkNamespace) {
        // Only where user namespaces are unavailable; the lock above is then the boundary.
        expect(spawnSync('unshare', ['--map-root-user', '--net', 'true']).status).not.toBe(0);
        return;
      }
      const child = spawn(plan.command, plan.args, { stdio: ['ignore', 'pipe', 'inherit'], env: {} });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await new Promise((r) => child.on('exit', r));
      expect(out.trim()).toMatch(/^(ENETUNREACH|ECONNREFUSED|EACCES)$/);
      expect(trap.connections()).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('removes its temporary folders', () => {
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith(`lab-${LAB_ID}-`))).toEqual([]);
  });
});
