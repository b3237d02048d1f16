import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateEventBusCommand, ListTargetsByRuleCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand, DescribeRuleCommand, DisableRuleCommand } from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { createEmulator } from './emulator.ts';
import { StateFileError } from './state-file.ts';
import { clientsFor } from './test-clients.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'emulator-state-'));
const GROUP_ARN = 'arn:aws:logs:eu-west-1:123456789012:log-group:/kept';

describe('--state file', () => {
  it('keeps buses, rules, targets and log events across a restart', async () => {
    const file = join(tempDir(), 'state.json');
    const first = await createEmulator({ port: 0, stateFile: file, saveDelayMs: 10 });
    const a = clientsFor(first.url);
    await a.events.send(new CreateEventBusCommand({ Name: 'kept' }));
    await a.logs.send(new CreateLogGroupCommand({ logGroupName: '/kept' }));
    await a.events.send(new PutRuleCommand({ Name: 'all', EventBusName: 'kept', EventPattern: '{"source":["s"]}' }));
    await a.events.send(new PutTargetsCommand({ Rule: 'all', EventBusName: 'kept', Targets: [{ Id: 'l', Arn: GROUP_ARN }] }));
    await a.events.send(new DisableRuleCommand({ Name: 'all', EventBusName: 'kept' }));
    await a.events.send(new PutRuleCommand({ Name: 'all', EventBusName: 'kept', EventPattern: '{"source":["s"]}', State: 'ENABLED' }));
    await a.events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'kept', Source: 's', DetailType: 'd', Detail: '{"n":1}' }] }));
    await first.close();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.format).toBe('eventbridge-emulator-state');
    expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await createEmulator({ port: 0, stateFile: file, saveDelayMs: 10 });
    const b = clientsFor(second.url);
    expect((await b.events.send(new DescribeRuleCommand({ Name: 'all', EventBusName: 'kept' }))).State).toBe('ENABLED');
    expect((await b.events.send(new ListTargetsByRuleCommand({ Rule: 'all', EventBusName: 'kept' }))).Targets?.map((t) => t.Arn)).toEqual([GROUP_ARN]);
    await b.events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'kept', Source: 's', DetailType: 'd', Detail: '{"n":2}' }] }));
    const found = await b.logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }));
    expect(found.events?.map((e) => JSON.parse(e.message ?? '{}').detail.n)).toEqual([1, 2]);
    await second.close();

    // a third start sees both events exactly once (restored log content is not duplicated)
    const third = await createEmulator({ port: 0, stateFile: file });
    const c = clientsFor(third.url);
    expect((await c.logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }))).events).toHaveLength(2);
    await third.close();
  });

  it('refuses a corrupt state file and leaves it untouched', async () => {
    const dir = tempDir();
    const cases: [string, RegExp][] = [
      ['{"format": "eventbridge-emulator-state", "version": 1, "regions": ', /not valid JSON/],
      ['{"format": "something-else", "version": 1, "regions": {}}', /"format" must be/],
      ['{"format": "eventbridge-emulator-state", "version": 1, "regions": {"eu-west-1": {"journal": [{"target": 3}], "logs": []}}}', /journal\[0\]/],
      ['{"format": "eventbridge-emulator-state", "version": 1, "regions": {"eu-west-1": {"journal": [{"target": "AWSEvents.PutRule", "input": {"Name": "r", "EventBusName": "missing"}}], "logs": []}}}', /replaying regions\.eu-west-1\.journal\[0\] \(AWSEvents\.PutRule\) failed/],
    ];
    for (const [i, [text, why]] of cases.entries()) {
      const file = join(dir, `bad-${i}.json`);
      writeFileSync(file, text);
      const err = await createEmulator({ port: 0, stateFile: file }).then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(StateFileError);
      expect((err as Error).message).toMatch(why);
      expect((err as Error).message).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
    }
  });
});

/** Runs `node src/emulator/main.ts ...args` and resolves with its output once it exits. */
function runMain(args: string[], onStdout?: (text: string, child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, ['src/emulator/main.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    onStdout?.(stdout, child);
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run emulator (main.ts)', () => {
  it('exits non-zero with a clear message on a corrupt state file', async () => {
    const file = join(tempDir(), 'broken.json');
    writeFileSync(file, 'not json at all');
    const r = await runMain(['--port', '0', '--state', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/state file .*broken\.json cannot be used: it is not valid JSON/);
    expect(readFileSync(file, 'utf8')).toBe('not json at all');
  });

  it('rejects bad options and prints help', async () => {
    const bad = await runMain(['--port', 'abc']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--port must be a whole number/);
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--endpoint-url http:\/\/127\.0\.0\.1:4010/);
  });

  it('serves requests and saves state on SIGTERM', async () => {
    const file = join(tempDir(), 'live.json');
    let started = false;
    const r = await runMain(['--port', '0', '--state', file, '--region', 'eu-west-1'], (out, child) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m && !started) {
        started = true;
        const { events } = clientsFor(m[1] as string);
        events.send(new CreateEventBusCommand({ Name: 'from-child' })).then(() => child.kill('SIGTERM'), () => child.kill('SIGKILL'));
      }
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SIGTERM received/);
    expect(existsSync(file)).toBe(true);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.regions['eu-west-1'].journal).toEqual([{ target: 'AWSEvents.CreateEventBus', input: { Name: 'from-child' } }]);
  });
});
