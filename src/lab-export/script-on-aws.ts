// verify for a script lab (checks.json `script`): the exported project runs the learner's script itself, in
// the account (or against --endpoint), with the SDK's default credential chain, as `node run.ts` would. It hears
// every call the script's clients send (their `send`, wrapped for the run) and lists afterwards what the script
// left behind. Ships in every exported project beside course-aws.ts, with the lab's call judges (script-call-judges.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeResourcePoliciesCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand } from '@aws-sdk/client-eventbridge';
import { PROJECT_LAYOUT } from './project-layout.ts';
import { customBus, failed, logPolicy, logTarget, PASS, puts, refusals, type CallLike, type Verdict, type Where as Account } from '../labs/script-call-judges.ts';

type Json = Record<string, unknown>;

/** One call the script's SDK clients sent, as the account answered it. */
export type HeardCall = CallLike;

export interface ScriptRunOnAws {
  threw?: string;
  calls: HeardCall[];
  /** What the script created that is still there at the end, in words. */
  left: string[];
}

interface Where { region?: string; profile?: string; endpoint?: string }
type Sendable = { prototype: { send: (command: { input?: unknown; constructor: { name: string } }, ...rest: unknown[]) => Promise<unknown> } };

/** Wraps both clients' `send` while `fn` runs: the script's clients are instances of the same classes. */
async function hearing<T>(calls: HeardCall[], fn: () => Promise<T>): Promise<T> {
  const classes = [EventBridgeClient, CloudWatchLogsClient] as unknown as Sendable[];
  const saved = classes.map((c) => c.prototype.send);
  classes.forEach((c, i) => {
    const send = saved[i]!;
    c.prototype.send = async function (this: unknown, command, ...rest) {
      const call: HeardCall = { operation: command.constructor.name.replace(/Command$/, ''), input: JSON.parse(JSON.stringify(command.input ?? {})) as Json };
      calls.push(call);
      try {
        const out = (await send.call(this, command, ...rest)) as { Entries?: { EventId?: string; ErrorCode?: string }[] };
        if (call.operation === 'PutEvents') call.entries = (out.Entries ?? []).map((e) => ({ ...(e.EventId ? { EventId: e.EventId } : {}), ...(e.ErrorCode ? { ErrorCode: e.ErrorCode } : {}) }));
        return out;
      } catch (e) {
        call.errorCode = (e as { name?: string }).name ?? 'Error';
        if (e instanceof Error) call.errorMessage = e.message;
        throw e;
      }
    };
  });
  try {
    return await fn();
  } finally {
    classes.forEach((c, i) => (c.prototype.send = saved[i]!));
  }
}

/** The process environment the script reads, as `node run.ts` would get it with these options (credentials untouched). */
async function withEnv<T>(w: Where, extra: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const set: Record<string, string> = { ...extra, ...(w.endpoint ? { AWS_ENDPOINT_URL: w.endpoint } : {}), ...(w.region ? { AWS_REGION: w.region } : {}), ...(w.profile ? { AWS_PROFILE: w.profile } : {}) };
  const before = Object.fromEntries(Object.keys(set).map((k) => [k, process.env[k]]));
  Object.assign(process.env, set);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
}

const names = (calls: HeardCall[], op: string, field: string): string[] =>
  [...new Set(calls.filter((c) => c.operation === op && (c.errorCode === undefined || c.errorCode === 'ResourceAlreadyExistsException')).flatMap((c) => (typeof c.input[field] === 'string' ? [c.input[field] as string] : [])))];

/** What of the script's buses, rules, log groups and policies the account still holds. */
async function leftBehind(calls: HeardCall[], w: Where): Promise<string[]> {
  const config = { ...(w.region ? { region: w.region } : {}), ...(w.profile ? { profile: w.profile } : {}), ...(w.endpoint ? { endpoint: w.endpoint } : {}) };
  const events = new EventBridgeClient(config);
  const logs = new CloudWatchLogsClient(config);
  const left: string[] = [];
  const buses = (await events.send(new ListEventBusesCommand({}))).EventBuses?.map((b) => b.Name ?? '') ?? [];
  const rules = names(calls, 'PutRule', 'Name');
  for (const bus of [...new Set(['default', ...buses])]) {
    for (const r of (await events.send(new ListRulesCommand({ EventBusName: bus }))).Rules ?? []) if (rules.includes(r.Name ?? '')) left.push(`rule ${r.Name} on ${bus}`);
  }
  for (const b of names(calls, 'CreateEventBus', 'Name')) if (buses.includes(b)) left.push(`event bus ${b}`);
  for (const g of names(calls, 'CreateLogGroup', 'logGroupName')) {
    const found = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: g }))).logGroups ?? [];
    if (found.some((x) => x.logGroupName === g)) left.push(`log group ${g}`);
  }
  const policies = (await logs.send(new DescribeResourcePoliciesCommand({}))).resourcePolicies?.map((x) => x.policyName) ?? [];
  for (const p of names(calls, 'PutResourcePolicy', 'policyName')) if (policies.includes(p)) left.push(`resource policy ${p}`);
  return left;
}

/** Runs the lab's script once: imports lab/<file> and calls its export, as run.ts does. */
export async function runScriptOnAws(dir: string, script: { file: string; export?: string }, w: Where): Promise<ScriptRunOnAws> {
  const calls: HeardCall[] = [];
  let threw: string | undefined;
  await withEnv(w, {}, () =>
    hearing(calls, async () => {
      try {
        const mod = (await import(pathToFileURL(join(dir, PROJECT_LAYOUT.lab, script.file)).href)) as Record<string, unknown>;
        const main = mod[script.export ?? 'main'];
        if (typeof main !== 'function') throw new Error(`${script.file} has no exported function "${script.export ?? 'main'}".`);
        await (main as () => Promise<unknown>)();
      } catch (e) {
        threw = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      }
    }),
  );
  return { ...(threw !== undefined ? { threw } : {}), calls, left: await leftBehind(calls, w) };
}

/** The verdict on AWS of a script check verify can judge there (in the world as it is): how the run ended, what it left, and its calls. */
export function judgeOnAws(check: { type: string; expect?: unknown }, run: ScriptRunOnAws, account: Account): Verdict {
  const refused = refusals(run.calls);
  switch (check.type) {
    case 'script-custom-bus':
      return customBus(run.calls);
    case 'script-log-target':
      return logTarget(run.calls, account);
    case 'script-log-policy':
      return logPolicy(run.calls, account);
    case 'script-puts':
      return puts(run.calls);
    case 'script-cleans-up':
      if (!run.calls.some((c) => /^(Create|Put)/.test(c.operation) && !c.errorCode)) return failed(['The script created nothing, so there was nothing to clean up.', ...refused]);
      return run.left.length ? failed([`Still in the account when the script ended: ${run.left.join(', ')}.`, ...refused]) : PASS;
    case 'script-runs': {
      if (run.threw !== undefined) return failed([`The script threw: ${run.threw}`, ...refused]);
      const lastPut = run.calls.map((c) => c.operation).lastIndexOf('PutEvents');
      if (lastPut < 0 || !run.calls.some((c) => c.entries?.some((e) => e.EventId))) return failed(['The script returned without putting any event.']);
      if (!run.calls.slice(lastPut).some((c) => c.operation === 'FilterLogEvents' || c.operation === 'GetLogEvents')) return failed(['The script returned without reading the log group back after its last PutEvents.']);
      return PASS;
    }
    default:
      return failed([`verify does not know the check type ${check.type}: update the project's tools.`]);
  }
}
