// The --state journal: durable before acknowledged, refused when corrupt or in use, bounded by compaction.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateArchiveCommand, CreateEventBusCommand, DeleteArchiveCommand, DescribeArchiveCommand, DescribeReplayCommand, ListReplaysCommand, StartReplayCommand,
  DescribeRuleCommand, DisableRuleCommand, ListTargetsByRuleCommand, PutEventsCommand,
  ListEventBusesCommand, ListRulesCommand, PutRuleCommand, PutTargetsCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, DeleteLogStreamCommand, FilterLogEventsCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import { createEmulator, StateFileError } from './emulator.ts';
import { JOURNAL_FORMAT } from './journal-file.ts';
import type { EmulatorContext, EndpointFactory } from './service-endpoint.ts';
import { clientsFor } from './test-clients.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'emulator-state-'));
const GROUP_ARN = 'arn:aws:logs:eu-west-1:123456789012:log-group:/kept';
const HEADER = `{"format":"${JOURNAL_FORMAT}","version":2}\n`;

describe('--state journal', () => {
  it('keeps buses, rules, targets and log events across restarts, without repeating events', async () => {
    const file = join(tempDir(), 'state.jsonl');
    const first = await createEmulator({ port: 0, stateFile: file });
    const a = clientsFor(first.url);
    await a.events.send(new CreateEventBusCommand({ Name: 'kept' }));
    await a.logs.send(new CreateLogGroupCommand({ logGroupName: '/kept' }));
    await a.events.send(new PutRuleCommand({ Name: 'all', EventBusName: 'kept', EventPattern: '{"source":["s"]}' }));
    await a.events.send(new PutTargetsCommand({ Rule: 'all', EventBusName: 'kept', Targets: [{ Id: 'l', Arn: GROUP_ARN }] }));
    await a.events.send(new DisableRuleCommand({ Name: 'all', EventBusName: 'kept' }));
    await a.events.send(new PutRuleCommand({ Name: 'all', EventBusName: 'kept', EventPattern: '{"source":["s"]}', State: 'ENABLED' }));
    await a.events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'kept', Source: 's', DetailType: 'd', Detail: '{"n":1}' }] }));
    // Acknowledged means on disk: read the file before closing.
    expect(readFileSync(file, 'utf8')).toContain('"n\\":1');
    await first.close();
    expect(existsSync(`${file}.lock`)).toBe(false);

    const second = await createEmulator({ port: 0, stateFile: file });
    const b = clientsFor(second.url);
    expect((await b.events.send(new DescribeRuleCommand({ Name: 'all', EventBusName: 'kept' }))).State).toBe('ENABLED');
    expect((await b.events.send(new ListTargetsByRuleCommand({ Rule: 'all', EventBusName: 'kept' }))).Targets?.map((t) => t.Arn)).toEqual([GROUP_ARN]);
    await b.events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'kept', Source: 's', DetailType: 'd', Detail: '{"n":2}' }] }));
    const found = await b.logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }));
    expect(found.events?.map((e) => JSON.parse(e.message ?? '{}').detail.n)).toEqual([1, 2]);
    await second.close();

    const third = await createEmulator({ port: 0, stateFile: file });
    expect((await clientsFor(third.url).logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }))).events).toHaveLength(2);
    await third.close();
  });

  it('keeps what archives stored and the records of replays across restarts, and replays them after one', async () => {
    const file = join(tempDir(), 'archive.jsonl');
    const first = await createEmulator({ port: 0, stateFile: file });
    const a = clientsFor(first.url);
    const bus = (await a.events.send(new CreateEventBusCommand({ Name: 'orders' }))).EventBusArn!;
    const archiveArn = (await a.events.send(new CreateArchiveCommand({ ArchiveName: 'all-orders', EventSourceArn: bus, EventPattern: '{"source":["shop"]}' }))).ArchiveArn!;
    await a.events.send(new CreateArchiveCommand({ ArchiveName: 'gone', EventSourceArn: bus }));
    await a.logs.send(new CreateLogGroupCommand({ logGroupName: '/kept' }));
    await a.events.send(new PutRuleCommand({ Name: 'replayed', EventBusName: 'orders', EventPattern: '{"replay-name":[{"exists":true}]}' }));
    await a.events.send(new PutTargetsCommand({ Rule: 'replayed', EventBusName: 'orders', Targets: [{ Id: 'l', Arn: GROUP_ARN }] }));
    const time = new Date(Date.now() - 60_000);
    await a.events.send(new PutEventsCommand({ Entries: [1, 2, 3].map((n) => ({ EventBusName: 'orders', Source: n === 3 ? 'other' : 'shop', DetailType: 'Order', Detail: JSON.stringify({ n }), Time: time })) }));
    const window = { EventSourceArn: archiveArn, EventStartTime: new Date(time.getTime() - 1000), EventEndTime: new Date(), Destination: { Arn: bus } };
    await a.events.send(new StartReplayCommand({ ReplayName: 'before-restart', ...window }));
    await a.events.send(new DeleteArchiveCommand({ ArchiveName: 'gone' }));
    await first.close();

    const second = await createEmulator({ port: 0, stateFile: file });
    const b = clientsFor(second.url);
    const archive = await b.events.send(new DescribeArchiveCommand({ ArchiveName: 'all-orders' }));
    expect(archive.EventCount).toBe(2);
    await expect(b.events.send(new DescribeArchiveCommand({ ArchiveName: 'gone' }))).rejects.toThrow(/does not exist/);
    const before = await b.events.send(new DescribeReplayCommand({ ReplayName: 'before-restart' }));
    expect(before.State).toBe('COMPLETED');
    expect(before.ReplayStartTime).toBeInstanceOf(Date);
    await b.events.send(new StartReplayCommand({ ReplayName: 'after-restart', ...window }));
    expect((await b.events.send(new ListReplaysCommand({}))).Replays?.map((r) => r.ReplayName).sort()).toEqual(['after-restart', 'before-restart']);
    const logged = (await b.logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }))).events?.map((e) => JSON.parse(e.message ?? '{}') as { 'replay-name': string; detail: { n: number } });
    expect(logged?.map((e) => `${e['replay-name']}:${e.detail.n}`).sort()).toEqual(['after-restart:1', 'after-restart:2', 'before-restart:1', 'before-restart:2']);
    await second.close();
  });

  it('compacts the journal to what is retained, and a restart sees the same events once', async () => {
    const file = join(tempDir(), 'compact.jsonl');
    const em = await createEmulator({ port: 0, stateFile: file, compactAfterLines: 50, logCaps: { maxEvents: 30 } });
    const { events, logs } = clientsFor(em.url);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/kept' }));
    await events.send(new PutRuleCommand({ Name: 'all', EventPattern: '{"source":["s"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'all', Targets: [{ Id: 'l', Arn: GROUP_ARN }] }));
    for (let n = 0; n < 20; n++) {
      await events.send(new PutEventsCommand({ Entries: Array.from({ length: 10 }, (_, k) => ({ Source: 's', DetailType: 'd', Detail: JSON.stringify({ n: n * 10 + k }) })) }));
    }
    await em.flush();
    const lines = readFileSync(file, 'utf8').trim().split('\n').length;
    expect(lines).toBeLessThan(1 + 3 + 30 + 60); // header, 3 calls, 30 retained events, lines written since the last compaction
    const kept = (await logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }))).events?.map((e) => e.message);
    expect(kept).toHaveLength(30);
    await em.close();
    const again = await createEmulator({ port: 0, stateFile: file, logCaps: { maxEvents: 30 } });
    expect((await clientsFor(again.url).logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }))).events?.map((e) => e.message)).toEqual(kept);
    await again.close();
  });

  it('refuses a corrupt state file and leaves it untouched', async () => {
    const dir = tempDir();
    const cases: [string, RegExp][] = [
      ['{"format": "eventbridge-emulator-state", "version": 1, "regions": {}}', /does not name the format/],
      ['not json at all', /first line is not a journal header/],
      [`${HEADER}{"e": "events", "v": 3}\n{"e":"events","v":{}}\n`, /replaying line 2 \(events\) failed/],
      [`${HEADER}{"e": "events"\n{"e":"events","v":{}}\n`, /line 2 is not valid JSON/],
      [`${HEADER}{"e":"events","v":{"region":"eu-west-1","op":"PutRule","input":{"Name":"r","EventBusName":"missing"}}}\n`, /replaying line 2 \(events\) failed: Event bus missing does not exist/],
      [`${HEADER}{"e":"nobody","v":{}}\n`, /no endpoint named "nobody"/],
    ];
    for (const [i, [text, why]] of cases.entries()) {
      const file = join(dir, `bad-${i}.jsonl`);
      writeFileSync(file, text);
      const err = await createEmulator({ port: 0, stateFile: file }).then(async (em) => { await em.close(); return undefined; }, (e: unknown) => e);
      expect(err).toBeInstanceOf(StateFileError);
      expect((err as Error).message).toMatch(why);
      expect((err as Error).message).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe(text);
      expect(existsSync(`${file}.lock`)).toBe(false);
    }
  });

  it('drops a line a crash cut off (never acknowledged), and appends after it cleanly', async () => {
    const file = join(tempDir(), 'torn.jsonl');
    const good = `${HEADER}{"e":"events","v":{"region":"eu-west-1","op":"CreateEventBus","input":{"Name":"kept"}}}\n`;
    writeFileSync(file, `${good}{"e":"events","v":{"region":"eu-west-1","op":"CreateEv`);
    const em = await createEmulator({ port: 0, stateFile: file });
    await clientsFor(em.url).events.send(new CreateEventBusCommand({ Name: 'after' }));
    await em.close();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(0, 2).join('\n')).toBe(good.trimEnd());
    expect(lines[2]).toContain('"Name":"after"');
    const again = await createEmulator({ port: 0, stateFile: file });
    const names = (await clientsFor(again.url).events.send(new ListEventBusesCommand({}))).EventBuses?.map((b) => b.Name);
    expect(names).toEqual(['after', 'default', 'kept']);
    await again.close();
  });

  it('refuses a second emulator on the same state file', async () => {
    const file = join(tempDir(), 'shared.jsonl');
    const first = await createEmulator({ port: 0, stateFile: file });
    const err = await createEmulator({ port: 0, stateFile: file }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(StateFileError);
    expect((err as Error).message).toMatch(/this process already has it open/);
    const refused = await runMain(['--port', '0', '--state', file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/another emulator \(process \d+\) is using it/);
    await first.close();
    let stopped = false;
    const child = await runMain(['--port', '0', '--state', file], (out, c) => {
      if (/listening on/.test(out) && !stopped) stopped = c.kill('SIGTERM');
    });
    expect(child.code).toBe(0);
  });

  it('refuses a deeply nested junk field at the edge, and keeps serving and saving', async () => {
    const file = join(tempDir(), 'junk.jsonl');
    const em = await createEmulator({ port: 0, stateFile: file });
    const junk = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const res = await fetch(em.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSEvents.CreateEventBus' },
      body: `{"Name":"junk","Junk":${junk}}`,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).__type).toBe('SerializationException');
    // An unknown but shallow field is dropped at decoding: it is neither stored nor journaled.
    const { events } = clientsFor(em.url);
    await fetch(em.url, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.CreateEventBus' }, body: '{"Name":"ok","Junk":{"deep":[1,2,3]}}' });
    await events.send(new CreateEventBusCommand({ Name: 'after' }));
    await em.close();
    expect(readFileSync(file, 'utf8')).not.toContain('Junk');
    const again = await createEmulator({ port: 0, stateFile: file });
    const buses = await clientsFor(again.url).events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'after', EventPattern: '{"source":["x"]}' }));
    expect(buses.RuleArn).toMatch(/rule\/after\/r$/);
    await again.close();
  });
});

/** Runs `node src/emulator/main.ts ...args` and resolves with its output once it exits (killed after 20 s). */
function runMain(args: string[], onStdout?: (text: string, child: ChildProcess) => void) {
  const child = spawn(process.execPath, ['src/emulator/main.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
    onStdout?.(stdout, child);
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe('npm run emulator (main.ts)', () => {
  it('exits non-zero with a clear message on a corrupt state file', async () => {
    const file = join(tempDir(), 'broken.jsonl');
    writeFileSync(file, 'not json at all');
    const r = await runMain(['--port', '0', '--state', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/state file .*broken\.jsonl cannot be used: its first line is not a journal header/);
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

  it('prints the port --port 0 chose', async () => {
    let stopped = false;
    const r = await runMain(['--port', '0', '--quiet'], (out, c) => {
      if (/port \d+/.test(out) && !stopped) stopped = c.kill('SIGTERM');
    });
    expect(r.code).toBe(0);
    const m = /listening on http:\/\/127\.0\.0\.1:(\d+) \(port (\d+)/.exec(r.stdout);
    expect(m?.[1]).toBe(m?.[2]);
    expect(Number(m?.[1])).toBeGreaterThan(0);
  });

  it('retries a failed write, reports it, answers the call with an error and keeps serving', async () => {
    // A real write failure: the kernel refuses to let the process grow a file past 4 KB (EFBIG).
    const file = join(tempDir(), 'full.jsonl');
    const child = spawn('prlimit', ['--fsize=4096', process.execPath, 'src/emulator/main.ts', '--port', '0', '--state', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    try {
      const url = await new Promise<string>((resolve) => {
        child.stdout?.on('data', () => {
          const m = /listening on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1] as string);
        });
      });
      const { events } = clientsFor(url);
      const acknowledged: string[] = [];
      let refused: { name: string; status?: number } | undefined;
      for (let n = 0; n < 200 && refused === undefined; n++) {
        try {
          await events.send(new PutRuleCommand({ Name: `rule-with-a-longish-name-${n}`, EventPattern: '{"source":["s"]}' }));
          acknowledged.push(`rule-with-a-longish-name-${n}`);
        } catch (e) {
          refused = { name: (e as Error).name, status: (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode };
        }
      }
      expect(refused).toEqual({ name: 'InternalException', status: 500 });
      expect(out).toMatch(/could not write the state file .* \(attempt 1 of 5\): EFBIG/);
      expect(out).toMatch(/\(attempt 5 of 5\)/);
      expect((await events.send(new ListRulesCommand({ Limit: 1 }))).Rules).toHaveLength(1);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const again = await createEmulator({ port: 0, stateFile: file });
      const names = new Set<string>();
      let token: string | undefined;
      do {
        const p = await clientsFor(again.url).events.send(new ListRulesCommand({ NextToken: token }));
        for (const r of p.Rules ?? []) names.add(r.Name ?? '');
        token = p.NextToken;
      } while (token !== undefined);
      expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
      await again.close();
    } finally {
      clearTimeout(guard);
      child.kill('SIGKILL');
    }
  }, 30_000);

  it('loses no acknowledged call when killed with SIGKILL in a burst', async () => {
    const file = join(tempDir(), 'burst.jsonl');
    const acknowledged: string[] = [];
    const r = await runMain(['--port', '0', '--state', file, '--region', 'eu-west-1', '--quiet'], (out, child) => {
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (!m || acknowledged.length > 0 || (child as ChildProcess & { burst?: boolean }).burst) return;
      (child as ChildProcess & { burst?: boolean }).burst = true;
      const url = m[1] as string;
      // 8 clients put rules as fast as they can; the process is killed mid-burst.
      for (let c = 0; c < 8; c++) {
        void (async () => {
          const { events } = clientsFor(url);
          for (let n = 0; n < 2000; n++) {
            const name = `r-${c}-${n}`;
            try {
              await events.send(new PutRuleCommand({ Name: name, EventPattern: '{"source":["s"]}' }));
              acknowledged.push(name);
            } catch {
              return;
            }
          }
        })();
      }
      setTimeout(() => child.kill('SIGKILL'), 1500);
    });
    expect(r.signal).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(existsSync(`${file}.lock`)).toBe(true); // left behind by the killed process; the next start takes it over
    const em = await createEmulator({ port: 0, stateFile: file });
    const names = new Set<string>();
    let token: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const p = await clientsFor(em.url).events.send(new ListRulesCommand({ Limit: 100, NextToken: token }));
      for (const rule of p.Rules ?? []) names.add(rule.Name ?? '');
      token = p.NextToken;
      if (token === undefined) break;
    }
    expect(acknowledged.filter((n) => !names.has(n))).toEqual([]);
    expect(statSync(file).size).toBeGreaterThan(0);
    await em.close();
  }, 30_000);
});

describe('--state journal and compaction with implicit log streams', () => {
  it('restarts after compaction when a delivery-created stream was deleted, and keeps delivered log groups', async () => {
    const file = join(tempDir(), 'implicit.jsonl');
    let ctx: EmulatorContext | undefined;
    const grab: EndpointFactory = (c) => {
      ctx = c;
      return { name: 'grab', claims: () => false, handle: async () => ({ status: 404 }) };
    };
    const em = await createEmulator({ port: 0, stateFile: file, compactAfterLines: 5, endpoints: [grab] });
    const { events, logs } = clientsFor(em.url);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/kept' }));
    await events.send(new PutRuleCommand({ Name: 'all', EventPattern: '{"source":["s"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'all', Targets: [{ Id: 'l', Arn: GROUP_ARN }] }));
    for (let n = 0; n < 4; n++) await events.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] }));
    await logs.send(new DeleteLogStreamCommand({ logGroupName: '/kept', logStreamName: 'all-l' }));
    // A function's output, delivered by another endpoint into a log group it creates.
    await ctx?.deliver('arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn:log-stream:s', 'hello');
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/aws/lambda/fn', retentionInDays: 1 }));
    for (let n = 0; n < 4; n++) await ctx?.deliver('arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/fn:log-stream:s', `line ${n}`);
    await em.flush();
    await em.close();
    const again = await createEmulator({ port: 0, stateFile: file });
    const c = clientsFor(again.url);
    expect((await c.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/fn' }))).events?.map((e) => e.message)).toEqual(['hello', 'line 0', 'line 1', 'line 2', 'line 3']);
    expect((await c.logs.send(new FilterLogEventsCommand({ logGroupName: '/kept' }))).events).toEqual([]);
    await again.close();
  });
});
