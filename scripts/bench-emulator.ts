// Load benchmark of the emulator (not a test): several concurrent AWS SDK clients send PutEvents batches
// over loopback to one rule set, then every log group is read back to check each matched event arrived
// exactly once. Bounded in event count and in time.
//   node scripts/bench-emulator.ts [--clients 8] [--calls 250] [--seconds 60] [--in-process]
import { spawn, type ChildProcess } from 'node:child_process';
import { CreateEventBusCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, paginateDescribeLogStreams, paginateFilterLogEvents, paginateGetLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { createEmulator } from '../src/emulator/emulator.ts';
import { clientsFor } from '../src/emulator/test-clients.ts';

const REGION = 'eu-west-1';
const BUS = 'bench';
const BATCH = 10;

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}
const CLIENTS = Math.min(option('clients', 8), 64);
const CALLS = Math.min(option('calls', 250), 5000);
const SECONDS = Math.min(option('seconds', 60), 600);
const IN_PROCESS = process.argv.includes('--in-process');

interface Detail { seq: string; total: number; zone: string }

/** The rule set; `expect` mirrors each pattern so the check knows where every event must land. */
const RULES: { name: string; pattern: object; group?: string; expect: (d: Detail, detailType: string) => boolean }[] = [
  { name: 'all-orders', pattern: { source: ['bench.shop'] }, group: '/bench/all', expect: () => true },
  { name: 'big-orders', pattern: { source: ['bench.shop'], detail: { total: [{ numeric: ['>=', 500] }] } }, group: '/bench/big', expect: (d) => d.total >= 500 },
  { name: 'eu-orders', pattern: { detail: { zone: [{ prefix: 'eu-' }] } }, group: '/bench/eu', expect: (d) => d.zone.startsWith('eu-') },
  { name: 'refunds', pattern: { 'detail-type': ['Refund'] }, group: '/bench/refunds', expect: (_d, t) => t === 'Refund' },
  { name: 'never', pattern: { source: ['nobody'] }, group: '/bench/never', expect: () => false },
  { name: 'no-target', pattern: { source: ['bench.shop'], detail: { total: [{ numeric: ['<', 10] }] } }, expect: () => false },
];

async function startEmulator(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (IN_PROCESS) {
    const em = await createEmulator({ port: 0 });
    return { url: em.url, stop: () => em.close() };
  }
  const child: ChildProcess = spawn(process.execPath, ['src/emulator/main.ts', '--port', '0', '--quiet', '--region', REGION], { stdio: ['ignore', 'pipe', 'inherit'] });
  // A benchmark that fails part-way must not leave its emulator running.
  process.once('exit', () => child.kill('SIGKILL'));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited early with code ${code}`)));
  });
  return {
    url,
    stop: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<number> {
  const emulator = await startEmulator();
  const setup = clientsFor(emulator.url, REGION);
  await setup.events.send(new CreateEventBusCommand({ Name: BUS }));
  for (const rule of RULES) {
    await setup.events.send(new PutRuleCommand({ Name: rule.name, EventBusName: BUS, EventPattern: JSON.stringify(rule.pattern) }));
    if (rule.group === undefined) continue;
    await setup.logs.send(new CreateLogGroupCommand({ logGroupName: rule.group }));
    await setup.events.send(new PutTargetsCommand({
      Rule: rule.name, EventBusName: BUS,
      Targets: [{ Id: 'log', Arn: `arn:aws:logs:${REGION}:123456789012:log-group:${rule.group}` }],
    }));
  }

  const expected = new Map<string, Set<string>>(RULES.filter((r) => r.group).map((r) => [r.group as string, new Set()]));
  const latencies: number[] = [];
  let sent = 0;
  let failedEntries = 0;
  let failedCalls = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const started = performance.now();

  await Promise.all(Array.from({ length: CLIENTS }, async (_, c) => {
    const { events } = clientsFor(emulator.url, REGION);
    for (let call = 0; call < CALLS && performance.now() < deadline; call++) {
      const batch = Array.from({ length: BATCH }, (_, k) => {
        const n = call * BATCH + k;
        const detail: Detail = { seq: `c${c}-${n}`, total: (n * 37 + c * 101) % 1000, zone: n % 3 === 0 ? 'eu-west' : 'us-east' };
        const detailType = n % 7 === 0 ? 'Refund' : 'OrderPlaced';
        return { detail, detailType };
      });
      const t0 = performance.now();
      try {
        const r = await events.send(new PutEventsCommand({
          Entries: batch.map((b) => ({ EventBusName: BUS, Source: 'bench.shop', DetailType: b.detailType, Detail: JSON.stringify(b.detail) })),
        }));
        latencies.push(performance.now() - t0);
        failedEntries += r.FailedEntryCount ?? 0;
        r.Entries?.forEach((e, k) => {
          const b = batch[k];
          if (e.EventId === undefined || b === undefined) return;
          sent += 1;
          for (const rule of RULES) {
            if (rule.group !== undefined && rule.expect(b.detail, b.detailType)) expected.get(rule.group)?.add(b.detail.seq);
          }
        });
      } catch {
        failedCalls += 1;
      }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;

  // Read every group back: GetLogEvents per stream (all events), and FilterLogEvents as a cross-check.
  let ok = failedEntries === 0 && failedCalls === 0;
  const rows: string[] = [];
  for (const [group, want] of expected) {
    const seen = new Map<string, number>();
    // Read through the SDK's paginators: AWS answers at most 10,000 events a page (GetLogEvents ends
    // by answering the token it was sent, hence stopOnSameToken).
    for await (const streams of paginateDescribeLogStreams({ client: setup.logs }, { logGroupName: group })) {
      for (const s of streams.logStreams ?? []) {
        for await (const got of paginateGetLogEvents({ client: setup.logs, stopOnSameToken: true }, { logGroupName: group, logStreamName: s.logStreamName, startFromHead: true })) {
          for (const e of got.events ?? []) {
            const seq = (JSON.parse(e.message ?? '{}') as { detail?: Detail }).detail?.seq ?? '?';
            seen.set(seq, (seen.get(seq) ?? 0) + 1);
          }
        }
      }
    }
    let filterCount = 0;
    for await (const page of paginateFilterLogEvents({ client: setup.logs }, { logGroupName: group })) filterCount += page.events?.length ?? 0;
    const lost = [...want].filter((s) => !seen.has(s)).length;
    const duplicated = [...seen.values()].filter((n) => n > 1).length;
    const unexpected = [...seen.keys()].filter((s) => !want.has(s)).length;
    const pass = lost === 0 && duplicated === 0 && unexpected === 0 && filterCount === want.size;
    ok &&= pass;
    rows.push(`  ${group.padEnd(16)} expected ${String(want.size).padStart(6)}  got ${String(seen.size).padStart(6)}  lost ${lost}  duplicated ${duplicated}  unexpected ${unexpected}  FilterLogEvents ${filterCount}  ${pass ? 'ok' : 'WRONG'}`);
  }
  await emulator.stop();

  latencies.sort((a, b) => a - b);
  console.log(`Emulator load benchmark (${IN_PROCESS ? 'in-process' : 'child process'}, loopback, Node ${process.version})`);
  console.log(`  ${CLIENTS} clients x up to ${CALLS} PutEvents calls of ${BATCH} entries, ${RULES.length} rules (${expected.size} with log-group targets)`);
  console.log(`  events accepted: ${sent} in ${elapsed.toFixed(2)} s = ${Math.round(sent / elapsed)} events/s (${Math.round(latencies.length / elapsed)} calls/s)`);
  console.log(`  PutEvents latency: p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms, max ${(latencies[latencies.length - 1] ?? NaN).toFixed(2)} ms`);
  console.log(`  failed entries: ${failedEntries}, failed calls: ${failedCalls}`);
  console.log('  delivery check (every matched event in its log group exactly once):');
  for (const r of rows) console.log(r);
  console.log(ok ? 'PASS: nothing lost, nothing duplicated' : 'FAIL: see the rows marked WRONG above');
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(`bench-emulator: ${(e as Error).stack ?? String(e)}`);
  process.exit(1);
});
