// deploy | verify | destroy of an exported lab project, against AWS or `npm run emulator`. It ships in every
// exported project as tools/lab-export/course-aws.ts (run with Node 22's type stripping) and the repository's
// `npm run lab -- deploy|verify|destroy` calls the same code. Credentials come only from the AWS SDK's
// default provider chain: this file never reads, stores, prints or sends them anywhere.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import {
  CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DescribeStacksCommand, UpdateStackCommand,
  waitUntilStackCreateComplete, waitUntilStackDeleteComplete, waitUntilStackUpdateComplete, type Stack, type StackEvent,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeResourcePoliciesCommand, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeArchiveCommand, DescribeReplayCommand, DescribeRuleCommand, EventBridgeClient, ListArchivesCommand, ListEventBusesCommand, ListRulesCommand, PutEventsCommand, StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { IAMClient, paginateListRoles } from '@aws-sdk/client-iam';
import { ListQueuesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { parse } from 'yaml';
import { partialMatch, brief } from '../labs/partial-match.ts';
import { ARCHIVE_PROBE, ARRIVALS, COST_NOTE, notCheckableOnAws, PROJECT_LAYOUT, queueOutputKey } from './project-layout.ts';
import { judgeOnAws, runScriptOnAws } from './script-on-aws.ts';

type Json = Record<string, unknown>;
type Check = Json & { id: string; type: string; title: string; failure: string };
interface TargetSpec { id: string; function?: string; logGroup?: string; eventBus?: string }
interface Definition {
  bus: {
    rules: { name: string; eventBus?: string; targets: TargetSpec[] }[]; schedules?: { name: string; targets: TargetSpec[] }[]; buses?: string[];
    functions?: Record<string, { invokeConfig?: { file: string } }>; queues?: string[]; archive?: unknown; replay?: { file: string };
  };
  events: Record<string, Json>; holdouts?: Record<string, Json>; checks: Check[];
  script?: { file: string; export?: string };
}

// The wrapper's log marks (function-code.ts) come in course/lab.json, so they are defined once.
interface Meta { labId: string; marks: { call: string; emit: string; loop: string; fail: string; root: string } ; functionNames: string[]; logGroups: string[] }

export interface Options { stackName: string; region?: string; profile?: string; endpoint?: string; yes: boolean; timeoutSeconds: number; quietSeconds: number; archiveWaitSeconds: number; retryWaitSeconds: number }
type Out = (line: string) => void;

/** The value after `flag`, if the flag is there; a flag without a value is a usage error. */
export function optionValue(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  const v = at < 0 ? undefined : args[at + 1];
  if (at >= 0 && (!v || v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
  return v;
}

/** A lab whose functions have asynchronous invocation settings: verify waits for Lambda's retries. */
const retriesAsync = (def: Definition): boolean => Object.values(def.bus.functions ?? {}).some((f) => f.invokeConfig !== undefined);

export function parseOptions(args: string[], labId: string, asyncRetries = false): Options {
  const value = (flag: string) => optionValue(args, flag);
  const num = (flag: string, dflt: number) => {
    const v = value(flag);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} needs a number of seconds`);
    return n;
  };
  const stackName = value('--stack-name') ?? `course-${labId}`;
  if (!/^[A-Za-z][A-Za-z0-9-]{0,40}$/.test(stackName)) throw new UsageError('--stack-name: letters, digits and hyphens, starting with a letter, at most 41 characters');
  const endpoint = value('--endpoint');
  // AWS writes events to an archive in batches, minutes late; an emulator at once.
  // Lambda retries a failed asynchronous invocation after about 1 and then 2 minutes (the emulator after 1 s and 2 s),
  // so a lab with retries waits that long for the next attempt, and longer in all.
  const o: Options = {
    stackName, yes: args.includes('--yes'), timeoutSeconds: num('--timeout', asyncRetries && !endpoint ? 600 : 120), quietSeconds: num('--quiet', 15),
    archiveWaitSeconds: num('--archive-wait', endpoint ? 0 : 360), retryWaitSeconds: num('--retry-wait', endpoint ? 10 : 200),
  };
  const region = value('--region');
  const profile = value('--profile');
  if (region) o.region = region;
  if (profile) o.profile = profile;
  if (endpoint) o.endpoint = endpoint;
  return o;
}

export class UsageError extends Error {}

export function clients(o: Pick<Options, 'region' | 'profile' | 'endpoint'>) {
  // Only region, profile and endpoint are passed: the SDK's default chain finds the credentials.
  const config = { ...(o.region ? { region: o.region } : {}), ...(o.profile ? { profile: o.profile } : {}), ...(o.endpoint ? { endpoint: o.endpoint } : {}) };
  return {
    cfn: new CloudFormationClient(config), sts: new STSClient(config), events: new EventBridgeClient(config), logs: new CloudWatchLogsClient(config),
    lambda: new LambdaClient(config), sqs: new SQSClient(config), iam: new IAMClient(config),
  };
}
type Clients = ReturnType<typeof clients>;

interface Project { dir: string; template: string; definition: Definition; meta: Meta }
function readProject(dir: string): Project {
  const read = (p: string) => {
    if (!existsSync(join(dir, p))) throw new UsageError(`${join(dir, p)} is missing: run this from an exported lab project.`);
    return readFileSync(join(dir, p), 'utf8');
  };
  return { dir, template: read(PROJECT_LAYOUT.template), definition: JSON.parse(read(PROJECT_LAYOUT.definition)) as Definition, meta: JSON.parse(read(PROJECT_LAYOUT.meta)) as Meta };
}


async function confirm(o: Options, out: Out, what: string[]): Promise<boolean> {
  for (const l of what) out(l);
  if (o.yes) return true;
  if (!process.stdin.isTTY) {
    out('Refusing to continue without a terminal to confirm. Run again with --yes to proceed.');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question('Continue? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}

async function whereWeAre(c: Clients, o: Options): Promise<string[]> {
  const id = await c.sts.send(new GetCallerIdentityCommand({}));
  const region = await c.cfn.config.region();
  return [`Account: ${id.Account}`, `Region: ${region}`, `Stack: ${o.stackName}`, ...(o.endpoint ? [`Endpoint: ${o.endpoint}`] : [])];
}

async function describeStack(c: Clients, name: string): Promise<Stack | undefined> {
  try {
    return (await c.cfn.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0];
  } catch (e) {
    if (/does not exist/.test((e as Error).message)) return undefined;
    throw e;
  }
}

/** Prints stack events as they appear while `wait` runs; answers the events seen. */
async function withProgress<T>(c: Clients, stack: string, since: Date, out: Out, wait: Promise<T>): Promise<{ result: T | undefined; error?: unknown; events: StackEvent[] }> {
  const seen = new Set<string>();
  const events: StackEvent[] = [];
  let done = false;
  const poll = async () => {
    try {
      const page = (await c.cfn.send(new DescribeStackEventsCommand({ StackName: stack }))).StackEvents ?? [];
      for (const e of [...page].reverse()) {
        if (!e.EventId || seen.has(e.EventId) || (e.Timestamp && e.Timestamp < since)) continue;
        seen.add(e.EventId);
        events.push(e);
        out(`  ${e.LogicalResourceId} ${e.ResourceType} ${e.ResourceStatus}${e.ResourceStatusReason ? `: ${e.ResourceStatusReason}` : ''}`);
      }
    } catch { /* the stack may be gone (deleted): nothing more to show */ }
  };
  const loop = (async () => {
    while (!done) {
      await poll();
      await new Promise((r) => setTimeout(r, 1000));
    }
  })();
  try {
    const result = await wait;
    return { result, events };
  } catch (error) {
    return { result: undefined, error, events };
  } finally {
    done = true;
    await loop;
    await poll();
  }
}

function resourcesOf(template: string): string[] {
  const t = parse(template) as { Resources: Record<string, { Type: string }> };
  return Object.entries(t.Resources).map(([id, r]) => `  ${r.Type}  ${id}`);
}

export async function deploy(p: Project, o: Options, out: Out): Promise<number> {
  const c = clients(o);
  const ok = await confirm(o, out, [...(await whereWeAre(c, o)), 'Will create or update:', ...resourcesOf(p.template), COST_NOTE]);
  if (!ok) return 2;
  const since = new Date(Date.now() - 1000);
  let existing = await describeStack(c, o.stackName);
  if (existing?.StackStatus === 'ROLLBACK_COMPLETE') {
    out(`The stack ${o.stackName} failed before and must be deleted first; deleting it.`);
    await c.cfn.send(new DeleteStackCommand({ StackName: o.stackName }));
    await waitUntilStackDeleteComplete({ client: c.cfn, maxWaitTime: 900, minDelay: 1, maxDelay: 10 }, { StackName: o.stackName });
    existing = undefined;
  }
  const tags = [{ Key: 'course', Value: 'eventbridge-course' }, { Key: 'course-lab', Value: p.meta.labId }];
  const input = { StackName: o.stackName, TemplateBody: p.template, Capabilities: ['CAPABILITY_IAM' as const], Tags: tags };
  let wait: Promise<unknown>;
  if (existing) {
    try {
      await c.cfn.send(new UpdateStackCommand(input));
    } catch (e) {
      if (/No updates are to be performed/.test((e as Error).message)) {
        out(`${o.stackName} is already up to date.`);
        return 0;
      }
      throw e;
    }
    out(`Updating ${o.stackName}…`);
    wait = waitUntilStackUpdateComplete({ client: c.cfn, maxWaitTime: 900, minDelay: 1, maxDelay: 10 }, { StackName: o.stackName });
  } else {
    await c.cfn.send(new CreateStackCommand({ ...input, OnFailure: 'ROLLBACK' }));
    out(`Creating ${o.stackName}…`);
    wait = waitUntilStackCreateComplete({ client: c.cfn, maxWaitTime: 900, minDelay: 1, maxDelay: 10 }, { StackName: o.stackName });
  }
  const { error, events } = await withProgress(c, o.stackName, since, out, wait);
  if (error) {
    const failed = events.filter((e) => /FAILED/.test(e.ResourceStatus ?? '') && e.ResourceStatusReason);
    out(`Deploy failed (${(await describeStack(c, o.stackName))?.StackStatus ?? 'stack gone'}).`);
    for (const e of failed) out(`  ${e.LogicalResourceId} (${e.ResourceType}): ${e.ResourceStatusReason}`);
    out(`CloudFormation rolls the stack back; run destroy to remove it.`);
    return 1;
  }
  out(`Deployed ${o.stackName}. Next: npm run verify, then npm run destroy.`);
  return 0;
}

/** What the deployed lab recorded: the same facts the course's bus records in the browser. */
interface Recorded {
  eventIds: Map<string, string>;
  calls: { function: string; payload: Json }[];
  emitted: (Json & { root: string })[];
  loops: (Json & { root: string })[];
  /** Invocations whose handler threw, by the event id they were given. */
  failures: { function: string; id: string; message: string }[];
  logs: Map<string, string[]>;
  /** What the archive probe replay resent: the archive's contents. */
  archived?: Json[];
  /** The final state of the learner's replay (bus.replay): replayed checks run only on a completed one. */
  replayState?: string;
  /** The message bodies in each of the lab's queues (bus.queues), by the lab's name of the queue. */
  queues: Map<string, string[]>;
}

/** What verify has read from the lab's queues: a message read once stays hidden (its visibility timeout), so it is kept here. */
type QueueReads = Map<string, Map<string, string>>;

async function readQueues(c: Clients, p: Project, urls: Map<string, string>, reads: QueueReads): Promise<Map<string, string[]>> {
  for (const q of p.definition.bus.queues ?? []) {
    const url = urls.get(q);
    const seen = reads.get(q) ?? new Map<string, string>();
    reads.set(q, seen);
    if (!url) continue;
    // Bounded: at most 10 batches of 10 per read; a long poll of 1 s asks every SQS server, not a sample.
    for (let i = 0; i < 10; i++) {
      const got = (await c.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 900 }))).Messages ?? [];
      for (const m of got) if (m.MessageId) seen.set(m.MessageId, m.Body ?? '');
      if (got.length < 10) break;
    }
  }
  return new Map([...reads].map(([q, m]) => [q, [...m.values()]]));
}

async function logMessages(c: Clients, group: string): Promise<string[]> {
  const messages: string[] = [];
  try {
    for await (const page of paginateFilterLogEvents({ client: c.logs }, { logGroupName: group })) for (const e of page.events ?? []) messages.push(e.message ?? '');
  } catch (e) {
    if (!/does not exist|ResourceNotFound/.test(`${(e as Error).name} ${(e as Error).message}`)) throw e;
  }
  return messages;
}

interface Sources { eventIds: Map<string, string>; queueUrls: Map<string, string>; queueReads: QueueReads }

async function record(c: Clients, p: Project, o: Options, { eventIds, queueUrls, queueReads }: Sources): Promise<Recorded> {
  const r: Recorded = { eventIds, calls: [], emitted: [], loops: [], failures: [], logs: new Map(), queues: await readQueues(c, p, queueUrls, queueReads) };
  const m = p.meta.marks;
  const after = (line: string, mark: string): Json | undefined => {
    const i = line.indexOf(mark);
    if (i < 0) return undefined;
    try {
      return JSON.parse(line.slice(i + mark.length)) as Json;
    } catch {
      return undefined;
    }
  };
  for (const fn of p.meta.functionNames) {
    for (const line of await logMessages(c, `/aws/lambda/${o.stackName}-${fn}`)) {
      const call = after(line, m.call);
      if (call) r.calls.push({ function: fn, payload: call });
      const emit = after(line, m.emit);
      if (emit) r.emitted.push(emit as Json & { root: string });
      const loop = after(line, m.loop);
      if (loop) r.loops.push(loop as Json & { root: string });
      const failed = after(line, m.fail);
      if (failed) r.failures.push({ function: fn, id: String(failed.id), message: String(failed.message) });
    }
  }
  // Logs are read function by function: the hop count puts each chain back in the order it happened.
  r.emitted.sort((a, b) => Number(a.hop) - Number(b.hop));
  for (const lg of p.meta.logGroups) r.logs.set(lg, await logMessages(c, `/aws/events/${o.stackName}${lg.startsWith('/') ? '' : '/'}${lg}`));
  return r;
}

const size = (r: Recorded) => r.calls.length + r.emitted.length + r.loops.length + r.failures.length + [...r.logs.values(), ...r.queues.values()].reduce((n, l) => n + l.length, 0);

/** MaximumRetryAttempts of each function with invoke settings, from the learner's file (Lambda's default: 2). */
function retriesOf(p: Project): Map<string, number> {
  const files = labFiles(join(p.dir, PROJECT_LAYOUT.lab));
  return new Map(Object.entries(p.definition.bus.functions ?? {}).flatMap(([fn, f]) => {
    if (!f.invokeConfig) return [];
    let n = 2;
    try {
      const v = (JSON.parse(files[f.invokeConfig.file] ?? '{}') as Json).MaximumRetryAttempts;
      if (typeof v === 'number') n = v;
    } catch { /* the export refused an invalid file: not reached */ }
    return [[fn, n] as const];
  }));
}

/** Events whose every invocation so far failed and that Lambda still has retries for: their next attempt is on its way. */
function awaitingRetry(r: Recorded, retries: Map<string, number>): number {
  let n = 0;
  for (const [fn, max] of retries) {
    const attempts = new Map<string, number>();
    for (const call of r.calls) if (call.function === fn && typeof call.payload.id === 'string') attempts.set(call.payload.id, (attempts.get(call.payload.id) ?? 0) + 1);
    for (const [id, count] of attempts) {
      const failed = r.failures.filter((f) => f.function === fn && f.id === id).length;
      if (failed === count && count <= max) n++;
    }
  }
  return n;
}

/** The course's Observations, for the lab's custom checks, limited to the chains started by `names`. */
function observations(r: Recorded, names: string[], rootField: string) {
  const ids = new Set(names.map((n) => r.eventIds.get(n)).filter((x): x is string => !!x));
  const mine = (e: { root: string }) => e.root === '' || ids.has(e.root);
  const strip = ({ root: _root, hop: _hop, ...e }: Json & { root: string }) => e;
  return {
    setupProblems: [] as string[],
    eventIds: new Map(names.flatMap((n) => (r.eventIds.has(n) ? [[n, r.eventIds.get(n)!] as const] : []))),
    calls: r.calls.filter((c) => typeof c.payload.id !== 'string' || ids.has(c.payload.id) || ids.has(String((c.payload.detail as Json | undefined)?.[rootField] ?? ''))),
    emitted: r.emitted.filter(mine).map(strip),
    trace: r.loops.filter(mine).map((l) => ({ kind: 'loop.warning', message: `The chain went past its hop limit. Repeating: ${String(l['detail-type'])}` })),
    output: [] as unknown[],
    patterns: new Map<string, string>(),
  };
}

/** The learner's files in the project, by path inside lab/ (what a custom check reads as `files`). */
function labFiles(dir: string, at = ''): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.assign({}, ...readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory()
    ? labFiles(join(dir, d.name), `${at}${d.name}/`)
    : { [`${at}${d.name}`]: readFileSync(join(dir, d.name), 'utf8') })));
}

type Result = { id: string; title: string; status: 'passed' | 'failed' | 'skipped'; message?: string };

const allTargets = (def: Definition) => [...def.bus.rules, ...(def.bus.schedules ?? [])].flatMap((x) => x.targets);
/** A message of a log target parsed back into the event EventBridge wrote. */
function logged(m: string): Json | undefined {
  try {
    const v = JSON.parse(m) as unknown;
    return v && typeof v === 'object' ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}
const parsedLogs = (messages: string[]): Json[] => messages.map(logged).filter((e): e is Json => e !== undefined);
/** The events a target received: replayed copies (with `replay-name`) or first deliveries. */
function received(r: Recorded, def: Definition, target: string, replayed: boolean): Json[] {
  return allTargets(def).filter((t) => t.id === target).flatMap((t) => {
    const group = t.logGroup ?? (t.eventBus ? ARRIVALS.logGroup(t.eventBus) : undefined);
    const got: Json[] = t.function ? r.calls.filter((c) => c.function === t.function).map((c) => c.payload)
      : group ? parsedLogs(r.logs.get(group) ?? []) : [];
    return got.filter((e) => ('replay-name' in e) === replayed);
  });
}
/** Is `e` the delivery of the lab event `name`? The same id, or for another bus's copy (a new id) the same content. */
function isEvent(e: Json, name: string, sample: Json, r: Recorded): boolean {
  if (e.id === r.eventIds.get(name)) return true;
  return e.source === sample.source && e['detail-type'] === sample['detail-type'] && JSON.stringify(e.detail) === JSON.stringify(sample.detail);
}

/** What the deployed functions did with one event: how often Lambda ran them and how the failed runs ended. */
function attemptsOf(r: Recorded, id: string): string[] {
  const fns = [...new Set(r.calls.filter((c) => c.payload.id === id).map((c) => c.function))];
  return fns.map((fn) => {
    const runs = r.calls.filter((c) => c.function === fn && c.payload.id === id).length;
    const failed = r.failures.filter((f) => f.function === fn && f.id === id);
    return `  ${fn} ran ${runs} time(s) for it${failed.length ? `; ${failed.length} failed, the last with: ${failed.at(-1)!.message}` : ', without an error'}.`;
  });
}

async function evaluate(check: Check, p: Project, r: Recorded, custom: Record<string, (ctx: unknown) => unknown>, fromSamples: Recorded): Promise<Result> {
  const pass: Result = { id: check.id, title: check.title, status: 'passed' };
  const fail = (details: string[]): Result => ({ id: check.id, title: check.title, status: 'failed', message: [check.failure, ...details].join('\n') });
  const names = (check.events as string[] | undefined) ?? Object.keys(p.definition.events);
  const obs = observations(r, names, p.meta.marks.root);
  const all = allEvents(p.definition);
  const skipped = notCheckableOnAws(check);
  if (skipped) return { id: check.id, title: check.title, status: 'skipped', message: skipped };
  switch (check.type) {
    case 'pattern-valid':
    case 'input-valid':
      return { ...pass, message: 'AWS accepted it when the stack was deployed.' };
    case 'routes':
    case 'replayed': {
      const replayed = check.type === 'replayed';
      const got = received(r, p.definition, String(check.target), replayed);
      if (replayed && r.replayState !== 'COMPLETED') return fail([`The replay did not complete (${r.replayState ?? 'not started'}), so what it sends is not known.`]);
      const unput = names.filter((n) => !r.eventIds.has(n));
      if (unput.length) return fail(unput.map((n) => `Event "${n}" could not be put on the bus.`));
      const wrong = names.filter((n) => {
        const hit = got.some((e) => isEvent(e, n, all[n]!, r));
        return check.expect === 'reach' ? !hit : hit;
      });
      return wrong.length ? fail(wrong.map((n) => `${replayed ? 'The replayed copy of event' : 'Event'} "${n}" ${check.expect === 'reach' ? 'did not reach' : 'reached'} ${String(check.target)}.`)) : pass;
    }
    case 'archived': {
      if (!r.archived) return fail(['The archive could not be read back (see the replay lines above).']);
      const wrong = names.filter((n) => {
        const kept = r.archived!.some((e) => isEvent(e, n, all[n]!, r));
        return check.expect === 'stored' ? !kept : kept;
      });
      return wrong.length ? fail(wrong.map((n) => `Event "${n}" was ${check.expect === 'stored' ? 'not kept' : 'kept'} by the archive.`)) : pass;
    }
    case 'handler-succeeds': {
      const ids = new Set(names.map((n) => r.eventIds.get(n)));
      const calls = obs.calls.filter((c) => c.function === check.function);
      if (!calls.length) return fail([`${String(check.function)} was not called.`]);
      // Transformed input carries no event id: such a failure cannot be told apart, so it counts against every event.
      const failures = r.failures.filter((f) => f.function === check.function && (f.id === '' || ids.has(f.id)));
      return failures.length ? fail(failures.map((f) => `An invocation failed: ${f.message}`)) : pass;
    }
    case 'handler-called': {
      const calls = obs.calls.filter((c) => c.function === check.function);
      if (calls.some((c) => partialMatch(check.with, c.payload))) return pass;
      return fail([`Expected at least: ${brief(check.with)}`, ...(calls.length ? calls.map((c) => `It received: ${brief(c.payload)}`) : [`${String(check.function)} was not called.`])]);
    }
    case 'emitted':
      if (obs.emitted.some((e) => partialMatch(check.event, e))) return pass;
      return fail([`Expected an event like: ${brief(check.event)}`, ...(obs.emitted.length ? obs.emitted.map((e) => `Emitted: ${brief(e)}`) : ['No event was emitted.'])]);
    case 'emits-per-event': {
      const unput = names.filter((n) => !r.eventIds.has(n));
      if (unput.length) return fail(unput.map((n) => `Event "${n}" could not be put on the bus.`));
      const wrong = names.flatMap((n) => {
        const id = r.eventIds.get(n)!;
        // The wrapper marks what the function put with the chain's root: the sample event's id.
        const count = r.emitted.filter((e) => e.root === id && e['detail-type'] === check.detailType).length;
        return count === check.count ? [] : [`Event "${n}" caused ${count} ${String(check.detailType)} event(s); expected ${String(check.count)}.`, ...attemptsOf(r, id)];
      });
      return wrong.length ? fail(wrong) : pass;
    }
    case 'dead-lettered': {
      const unput = names.filter((n) => !r.eventIds.has(n));
      if (unput.length) return fail(unput.map((n) => `Event "${n}" could not be put on the bus.`));
      // Lambda's invocation records: requestPayload is the event, requestContext.condition why Lambda gave up.
      const records = new Map<string, Json>();
      for (const body of r.queues.get(String(check.queue)) ?? []) {
        const rec = logged(body);
        const id = (rec?.requestPayload as Json | undefined)?.id;
        if (rec && typeof id === 'string') records.set(id, rec);
      }
      const wrong = names.filter((n) => records.has(r.eventIds.get(n)!) !== (check.expect === 'stored'));
      return wrong.length ? fail(wrong.flatMap((n) => {
        const condition = (records.get(r.eventIds.get(n)!)?.requestContext as Json | undefined)?.condition;
        return [check.expect === 'stored' ? `Event "${n}" is not in the queue ${String(check.queue)}.` : `Event "${n}" ended in the queue ${String(check.queue)}${typeof condition === 'string' ? ` (a record with condition ${condition})` : ''}.`, ...attemptsOf(r, r.eventIds.get(n)!)];
      })) : pass;
    }
    case 'log-contains': {
      const messages = r.logs.get(String(check.logGroup)) ?? [];
      return messages.some((m) => m.includes(String(check.contains))) ? pass : fail([`No message in ${String(check.logGroup)} contains "${String(check.contains)}" (${messages.length} message(s) there).`]);
    }
    case 'custom': {
      const fn = custom[String(check.name)];
      if (!fn) return { id: check.id, title: check.title, status: 'failed', message: `The lab has no custom check named ${String(check.name)}.` };
      const res = (await fn({ files: labFiles(join(p.dir, PROJECT_LAYOUT.lab)), definition: p.definition, run: async (n?: string[]) => {
        const wanted = n ?? Object.keys(p.definition.events);
        return observations(wanted.every((x) => x in p.definition.events) ? fromSamples : r, wanted, p.meta.marks.root);
      } })) as { passed: boolean; message?: string };
      return res.passed ? pass : fail(res.message ? [res.message] : []);
    }
    default:
      return fail([`verify does not know the check type ${check.type}: update the project's tools.`]);
  }
}

const allEvents = (def: Definition): Record<string, Json> => ({ ...def.events, ...def.holdouts });

/** Records until nothing new arrives for --quiet seconds (longer when nothing at all came: cold starts), at most --timeout. */
/** While an event awaits Lambda's retry, quiet means nothing new for --retry-wait seconds instead. */
async function settle(c: Clients, p: Project, o: Options, sources: Sources, out: Out): Promise<Recorded> {
  const start = Date.now();
  const retries = retriesOf(p);
  let last = -1;
  let quietSince = Date.now();
  let r = await record(c, p, o, sources);
  while (Date.now() - start < o.timeoutSeconds * 1000) {
    const n = size(r);
    const waiting = awaitingRetry(r, retries);
    const quiet = waiting ? o.retryWaitSeconds : o.quietSeconds * (n > 0 ? 1 : 3);
    if (n !== last) {
      last = n;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quiet * 1000) break;
    const queued = [...r.queues.values()].reduce((k, l) => k + l.length, 0);
    out(`  ${Math.round((Date.now() - start) / 1000)} s: ${r.calls.length} call(s), ${r.failures.length} failed, ${r.emitted.length} emitted, ${[...r.logs.values()].reduce((k, l) => k + l.length, 0)} log line(s)${r.queues.size ? `, ${queued} queued failure record(s)` : ''}${waiting ? `; ${waiting} event(s) await Lambda's retry (on AWS about 1, then 2 minutes later)` : ''}`);
    await new Promise((res) => setTimeout(res, Math.min(2000, Math.max(200, o.quietSeconds * 250))));
    r = await record(c, p, o, sources);
  }
  return r;
}

/** Waits (bounded) for a replay to finish; answers its final state. */
async function replayDone(c: Clients, name: string, o: Options): Promise<string> {
  const until = Date.now() + o.timeoutSeconds * 1000;
  for (;;) {
    const d = await c.events.send(new DescribeReplayCommand({ ReplayName: name }));
    if (/^(COMPLETED|FAILED|CANCELLED)$/.test(d.State ?? '') || Date.now() > until) return `${d.State ?? 'unknown'}${d.StateReason ? ` (${d.StateReason})` : ''}`;
    await new Promise((res) => setTimeout(res, 1000));
  }
}

/** Replays with the learner's settings (bus.replay), then replays the whole archive to the probe rule only, so the checks
 * see what the archive kept. Replay names are never reused in an account, so a taken name gets a suffix. Answers whether the probe completed. */
async function replay(c: Clients, p: Project, o: Options, bus: string, out: Out, all: Record<string, Json>, shift: number): Promise<{ probe: boolean; replay?: string }> {
  if (o.archiveWaitSeconds > 0) {
    out(`Waiting ${o.archiveWaitSeconds} s for AWS to write the events to the archive (--archive-wait)…`);
    for (let t = 0; t < o.archiveWaitSeconds; t += 30) {
      await new Promise((res) => setTimeout(res, Math.min(30, o.archiveWaitSeconds - t) * 1000));
      const a = await c.events.send(new DescribeArchiveCommand({ ArchiveName: `${o.stackName}-arc` }));
      out(`  ${Math.min(t + 30, o.archiveWaitSeconds)} s: the archive reports ${a.EventCount ?? 0} event(s)`);
    }
  }
  let replayState: string | undefined;
  const archive = await c.events.send(new DescribeArchiveCommand({ ArchiveName: `${o.stackName}-arc` }));
  const busArn = (await c.events.send(new DescribeRuleCommand({ Name: `${o.stackName}-${ARCHIVE_PROBE.rule}`, EventBusName: bus })));
  const ruleArn = (name: string) => busArn.Arn!.replace(/[^/]+$/, `${o.stackName}-${name}`);
  const destination = busArn.Arn!.replace(/:rule\/.*$/, `:event-bus/${bus}`);
  const freeName = async (want: string) => {
    for (let i = 1; i <= 20; i++) {
      const name = i === 1 ? want : `${want.slice(0, 60)}-${i}`;
      try {
        await c.events.send(new DescribeReplayCommand({ ReplayName: name }));
      } catch (e) {
        if ((e as Error).name === 'ResourceNotFoundException') return name;
        throw e;
      }
    }
    throw new Error(`Every replay name from ${want} to ${want}-20 is taken in this account: rename ReplayName in your replay file.`);
  };
  const spec = p.definition.bus.replay;
  if (spec) {
    const raw = labFiles(join(p.dir, PROJECT_LAYOUT.lab))[spec.file];
    let settings: Json = {};
    try {
      settings = JSON.parse(raw ?? '{}') as Json;
    } catch { out(`  ${spec.file} is not valid JSON: no replay.`); }
    const name = await freeName(String(settings.ReplayName ?? 'course-replay'));
    if (name !== settings.ReplayName) out(`  The replay name ${String(settings.ReplayName)} is taken in this account (replays cannot be deleted): using ${name}.`);
    const filter = (settings.Destination as Json | undefined)?.FilterArns as string[] | undefined;
    try {
      await c.events.send(new StartReplayCommand({
        ReplayName: name, EventSourceArn: archive.ArchiveArn, EventStartTime: new Date(Date.parse(String(settings.EventStartTime)) + shift), EventEndTime: new Date(Date.parse(String(settings.EventEndTime)) + shift),
        // The lab's rule ARNs name the rule in the course; here they are the deployed rules of the same name.
        Destination: { Arn: destination, ...(filter ? { FilterArns: filter.map((a) => ruleArn(a.split('/').pop() ?? a)) } : {}) },
      }));
      replayState = await replayDone(c, name, o);
      out(`  Replay ${name}: ${replayState}`);
    } catch (e) {
      replayState = `refused by StartReplay: ${(e as Error).message}`;
      out(`  StartReplay refused your replay: ${(e as Error).message}`);
    }
  }
  // The whole archive: from before the earliest event to now (a replay's end must be in the past).
  const times = Object.values(all).map((e) => (typeof e.time === 'string' ? Date.parse(e.time) + shift : Date.now()));
  const probe = await freeName(`${ARCHIVE_PROBE.replayPrefix}${o.stackName}`.slice(0, 64));
  try {
    await new Promise((res) => setTimeout(res, 1100));
    await c.events.send(new StartReplayCommand({
      ReplayName: probe, EventSourceArn: archive.ArchiveArn, EventStartTime: new Date(Math.min(...times) - 60_000), EventEndTime: new Date(Date.now() - 1000),
      Destination: { Arn: destination, FilterArns: [ruleArn(ARCHIVE_PROBE.rule)] },
    }));
    const state = await replayDone(c, probe, o);
    out(`  Archive read back by replay ${probe}: ${state}`);
    return { probe: state === 'COMPLETED', ...(replayState ? { replay: replayState } : {}) };
  } catch (e) {
    out(`  The archive could not be replayed: ${(e as Error).message}`);
    return { probe: false, ...(replayState ? { replay: replayState } : {}) };
  }
}

export async function verify(p: Project, o: Options, out: Out): Promise<number> {
  const c = clients(o);
  for (const l of await whereWeAre(c, o)) out(l);
  const stack = await describeStack(c, o.stackName);
  const bus = stack?.Outputs?.find((x) => x.OutputKey === 'BusName')?.OutputValue;
  if (!stack || !bus || !/_COMPLETE$/.test(stack.StackStatus ?? '') || /ROLLBACK|DELETE/.test(stack.StackStatus ?? '')) {
    out(`No deployed stack ${o.stackName} (${stack?.StackStatus ?? 'not found'}): run npm run deploy first.`);
    return 2;
  }
  if (p.definition.script) return verifyScript(p, o, out, c);
  // Hold-outs too: the checks name them, so a pattern or handler fitted to the samples still fails.
  const all = allEvents(p.definition);
  const names = Object.keys(all);
  // The lab's clock is moved so that its last event lies a minute ago: CloudWatch Logs refuses log events far in the
  // past (a log target's line carries the event's time), and a replay's window must end before now. Replay times move with it.
  const labTimes = Object.values(all).flatMap((e) => (typeof e.time === 'string' ? [Date.parse(e.time)] : []));
  // Whole minutes, so a window edge such as 10:00:00 stays on its edge whatever precision the Time field keeps.
  const shift = labTimes.length ? Math.floor((Date.now() - 60_000 - Math.max(...labTimes)) / 60_000) * 60_000 : 0;
  if (shift) out(`The lab's event times are moved by ${Math.round(shift / 3_600_000)} h to end a minute ago; the replay window moves with them.`);
  const busOf = (labBus: unknown) => (typeof labBus === 'string' ? `${o.stackName}-${labBus}` : bus);
  const eventIds = new Map<string, string>();
  const queueUrls = new Map((p.definition.bus.queues ?? []).flatMap((q) => {
    const url = stack.Outputs?.find((x) => x.OutputKey === queueOutputKey(q))?.OutputValue;
    return url ? [[q, url] as const] : [];
  }));
  const sources: Sources = { eventIds, queueUrls, queueReads: new Map() };
  const put = async (names: string[]) => { for (let i = 0; i < names.length; i += 10) {
    const batch = names.slice(i, i + 10);
    const res = await c.events.send(new PutEventsCommand({
      Entries: batch.map((n) => {
        const e = all[n]!;
        return {
          EventBusName: busOf(e.eventBus), Source: String(e.source), DetailType: String(e['detail-type']), Detail: JSON.stringify(e.detail),
          Resources: (e.resources as string[] | undefined) ?? [], ...(typeof e.time === 'string' ? { Time: new Date(Date.parse(e.time) + shift) } : {}),
        };
      }),
    }));
    res.Entries?.forEach((e, j) => {
      if (e.EventId) eventIds.set(batch[j]!, e.EventId);
      else out(`  ${batch[j]}: PutEvents refused it (${e.ErrorCode}: ${e.ErrorMessage})`);
    });
  } };
  // The samples first, alone, as Run puts them: a custom check that runs the samples sees only what they caused
  // (a function given transformed input cannot tell which event started its chain).
  const samples = names.filter((n) => n in p.definition.events);
  await put(samples);
  out(`Put ${eventIds.size} sample event(s) on the lab's buses. Waiting for the functions and log groups (at most ${o.timeoutSeconds} s)…`);
  const fromSamples = await settle(c, p, o, sources, out);
  let r = fromSamples;
  const holdouts = names.filter((n) => !(n in p.definition.events));
  if (holdouts.length) {
    await put(holdouts);
    out(`Put ${eventIds.size - samples.length} hold-out event(s), which the checks name. Waiting again…`);
    r = await settle(c, p, o, sources, out);
  }
  if (p.definition.bus.archive) {
    const replays = await replay(c, p, o, bus, out, all, shift);
    r = await settle(c, p, o, sources, out);
    const probe = r.logs.get(ARCHIVE_PROBE.logGroup);
    if (replays.probe && probe) r.archived = parsedLogs(probe);
    if (replays.replay) r.replayState = replays.replay;
  }
  const customPath = join(p.dir, PROJECT_LAYOUT.customChecks);
  const custom = existsSync(customPath) ? ((await import(pathToFileURL(customPath).href)) as { checks: Record<string, (ctx: unknown) => unknown> }).checks : {};
  let failed = 0;
  for (const check of p.definition.checks) {
    if (report(await evaluate(check, p, r, custom, fromSamples), out)) failed++;
  }
  out(failed ? `${failed} check(s) failed on AWS.` : 'Every check that AWS can show passed.');
  return failed ? 1 : 0;
}

/** One line per check result, as verify prints them; true when it failed. */
function report(res: Result, out: Out): boolean {
  out(`${res.status === 'passed' ? '✓' : res.status === 'failed' ? '✗' : '–'} ${res.title} [${res.id}]${res.status === 'skipped' ? ' (not checkable on AWS: skipped)' : ''}`);
  if (res.message && res.status !== 'passed') for (const l of res.message.split('\n')) out(`    ${l}`);
  return res.status === 'failed';
}

/** A script lab: the script runs once in the account, and the checks AWS can show judge how it ended and what it left. */
async function verifyScript(p: Project, o: Options, out: Out, c: Clients): Promise<number> {
  const script = p.definition.script!;
  out(`Running ${script.file} in the account${o.endpoint ? ` (${o.endpoint})` : ''}, as node run.ts does…`);
  // The ARNs the script's calls must name: this account's, in this Region.
  const account = { account: (await c.sts.send(new GetCallerIdentityCommand({}))).Account ?? '', region: await c.events.config.region() };
  const run = await runScriptOnAws(p.dir, script, o);
  out(`It made ${run.calls.length} SDK call(s)${run.threw === undefined ? ' and returned' : ` and threw: ${run.threw}`}.`);
  let failed = 0;
  for (const check of p.definition.checks) {
    const skipped = notCheckableOnAws(check);
    const verdict = skipped ? undefined : judgeOnAws(check, run, account);
    const res: Result = skipped ? { id: check.id, title: check.title, status: 'skipped', message: skipped }
      : verdict && !verdict.passed ? { id: check.id, title: check.title, status: 'failed', message: [check.failure, ...verdict.details].join('\n') } : { id: check.id, title: check.title, status: 'passed' };
    if (report(res, out)) failed++;
  }
  out(failed ? `${failed} check(s) failed on AWS.` : 'Every check that AWS can show passed.');
  return failed ? 1 : 0;
}

/** Everything of the lab still in the account, each with the AWS CLI command that deletes it. */
export async function leftovers(c: Clients, p: Pick<Project, 'meta'>, stackName: string): Promise<string[]> {
  const left: string[] = [];
  const stack = await describeStack(c, stackName);
  if (stack && stack.StackStatus !== 'DELETE_COMPLETE') left.push(`stack ${stackName} (${stack.StackStatus}): aws cloudformation delete-stack --stack-name ${stackName}`);
  for (const b of (await c.events.send(new ListEventBusesCommand({ NamePrefix: stackName }))).EventBuses ?? []) left.push(`event bus ${b.Name}: aws events delete-event-bus --name ${b.Name}`);
  // Scheduled rules live on the default bus, which the stack does not delete with its own buses.
  for (const r of (await c.events.send(new ListRulesCommand({ NamePrefix: `${stackName}-` }))).Rules ?? []) left.push(`rule ${r.Name} on the default bus: aws events remove-targets --rule ${r.Name} --ids <its target ids>, then aws events delete-rule --name ${r.Name}`);
  for (const a of (await c.events.send(new ListArchivesCommand({ NamePrefix: `${stackName}-` }))).Archives ?? []) left.push(`archive ${a.ArchiveName}: aws events delete-archive --archive-name ${a.ArchiveName}`);
  for (const fn of p.meta.functionNames) {
    const name = `${stackName}-${fn}`;
    try {
      await c.lambda.send(new GetFunctionCommand({ FunctionName: name }));
      left.push(`function ${name}: aws lambda delete-function --function-name ${name}`);
    } catch (e) {
      if ((e as Error).name !== 'ResourceNotFoundException') throw e;
    }
  }
  for (const prefix of [`/aws/lambda/${stackName}-`, `/aws/events/${stackName}/`]) {
    for (const g of (await c.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: prefix }))).logGroups ?? []) left.push(`log group ${g.logGroupName}: aws logs delete-log-group --log-group-name ${g.logGroupName}`);
  }
  for (const pol of (await c.logs.send(new DescribeResourcePoliciesCommand({}))).resourcePolicies ?? []) {
    if (pol.policyName?.startsWith(`${stackName}-`)) left.push(`log resource policy ${pol.policyName}: aws logs delete-resource-policy --policy-name ${pol.policyName}`);
  }
  for (const url of (await c.sqs.send(new ListQueuesCommand({ QueueNamePrefix: stackName }))).QueueUrls ?? []) left.push(`queue ${url}: aws sqs delete-queue --queue-url ${url}`);
  for await (const page of paginateListRoles({ client: c.iam }, {})) {
    for (const role of page.Roles ?? []) if (role.RoleName?.startsWith(`${stackName}-`)) left.push(`role ${role.RoleName}: delete its inline policies, then aws iam delete-role --role-name ${role.RoleName}`);
  }
  return left;
}

export async function destroy(p: Project, o: Options, out: Out): Promise<number> {
  const c = clients(o);
  const ok = await confirm(o, out, [...(await whereWeAre(c, o)), `Will delete the stack ${o.stackName} and everything in it.`]);
  if (!ok) return 2;
  if (await describeStack(c, o.stackName)) {
    await c.cfn.send(new DeleteStackCommand({ StackName: o.stackName }));
    out(`Deleting ${o.stackName}…`);
    const { error } = await withProgress(c, o.stackName, new Date(Date.now() - 1000), out, waitUntilStackDeleteComplete({ client: c.cfn, maxWaitTime: 900, minDelay: 1, maxDelay: 10 }, { StackName: o.stackName }));
    if (error) out(`The delete did not complete: ${(error as Error).message}`);
  } else out(`No stack ${o.stackName}; checking that nothing of the lab is left.`);
  const left = await leftovers(c, p, o.stackName);
  if (left.length) {
    out('Still in the account:');
    for (const l of left) out(`  ${l}`);
    return 1;
  }
  out('Nothing of the lab is left: no stack, bus, rules, functions, log groups, queues or roles.');
  return 0;
}

export async function main(argv: string[], dir = process.cwd(), out: Out = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const p = readProject(dir);
    const o = parseOptions(rest, p.meta.labId, retriesAsync(p.definition));
    if (command === 'deploy') return await deploy(p, o, out);
    if (command === 'verify') return await verify(p, o, out);
    if (command === 'destroy') return await destroy(p, o, out);
    out('Usage: node tools/lab-export/course-aws.ts deploy|verify|destroy [--region R] [--profile P] [--endpoint URL] [--stack-name NAME] [--yes] [--timeout S] [--quiet S] [--archive-wait S] [--retry-wait S]');
    return 2;
  } catch (e) {
    out(`error: ${e instanceof Error ? `${e.name === 'Error' || e instanceof UsageError ? '' : `${e.name}: `}${e.message}` : String(e)}`);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
