// The script checks that judge only the SDK calls a lab script made: its rule on its own bus, the log group target,
// the resource policy, and how it put its entries. Pure, and free of the course's engine, so that `verify` judges the
// same calls in a real account (they ship as a tool file of an exported project); `where` is the account and Region
// the ARNs must name (the lab's own locally).
import { brief } from './partial-match.ts';

/** One SDK call as a script's calls are recorded: by the local AWS (SdkCall), or by `verify` in an account. */
export interface CallLike {
  operation: string;
  input: Record<string, unknown>;
  errorCode?: string;
  errorMessage?: string;
  /** PutEvents: each entry's outcome, in the order of the request. */
  entries?: { EventId?: string; ErrorCode?: string }[];
}

export interface Where {
  region: string;
  account: string;
}

export type Verdict = { passed: true } | { passed: false; details: string[]; explanations?: string[] };

const uniq = (lines: string[]): string[] => [...new Set(lines)];
export const PASS: Verdict = { passed: true };
export const failed = (details: string[], explanations?: string[]): Verdict => ({ passed: false, details: uniq(details), ...(explanations?.length ? { explanations: uniq(explanations) } : {}) });


/** The service principal EventBridge writes to CloudWatch Logs as (AWS's EventBridge user guide, "CloudWatch Logs permissions"). */
export const EVENTS_PRINCIPAL = 'events.amazonaws.com';
export const LOG_GROUP_PREFIX = '/aws/events/';
export const logGroupArn = (name: string, w: Where): string => `arn:aws:logs:${w.region}:${w.account}:log-group:${name}`;

export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const succeeded = (calls: readonly CallLike[], op: string): CallLike[] => calls.filter((c) => c.operation === op && c.errorCode === undefined);
/** A bus named as EventBusName takes: its name or its ARN; absent means the default bus. */
const busOf = (v: unknown): string => {
  const s = text(v);
  if (s === undefined || s === '') return 'default';
  return s.startsWith('arn:') ? s.slice(s.indexOf('event-bus/') + 'event-bus/'.length) : s;
};

/** The calls AWS refused, in words (each once); a Delete or Remove of what is not there is no refusal worth telling. */
export function refusals(calls: readonly CallLike[]): string[] {
  const told = calls.filter((c) => c.errorCode !== undefined && !(c.errorCode === 'ResourceNotFoundException' && /^(Delete|Remove)/.test(c.operation)));
  return uniq(told.map((c) => `${c.operation} was answered ${c.errorCode}${c.errorMessage ? `: ${c.errorMessage}` : ''}`));
}

/** The last rule the script put, where it put it, and its pattern. */
export function theRule(calls: readonly CallLike[]): { name: string; bus: string; pattern?: string } | undefined {
  const last = succeeded(calls, 'PutRule').at(-1);
  if (!last) return undefined;
  const pattern = text(last.input['EventPattern']);
  return { name: text(last.input['Name']) ?? '', bus: busOf(last.input['EventBusName']), ...(pattern !== undefined ? { pattern } : {}) };
}

/** Names the script asked CreateX for, whether it got them or found them already there. */
export function created(calls: readonly CallLike[], op: string, field: string): string[] {
  return uniq(calls.filter((c) => c.operation === op && (c.errorCode === undefined || c.errorCode === 'ResourceAlreadyExistsException')).flatMap((c) => text(c.input[field]) ?? []));
}

type Entry = Record<string, unknown>;
const entryKey = (e: Entry): string => JSON.stringify([e['Source'], e['DetailType'], e['Detail'], busOf(e['EventBusName'])]);
const entryText = (e: Entry): string => `${String(e['Source'])} / ${String(e['DetailType'])} ${brief(e['Detail'], 80)}`;

/** Every entry the script put, with what PutEvents answered for it. */
export function putEntries(calls: readonly CallLike[]): { call: CallLike; entry: Entry; eventId?: string; errorCode?: string }[] {
  return succeeded(calls, 'PutEvents').flatMap((call) => {
    const entries = Array.isArray(call.input['Entries']) ? (call.input['Entries'] as Entry[]) : [];
    return entries.map((entry, i) => ({ call, entry, ...(call.entries?.[i]?.EventId ? { eventId: call.entries[i]!.EventId } : {}), ...(call.entries?.[i]?.ErrorCode ? { errorCode: call.entries[i]!.ErrorCode } : {}) }));
  });
}

export function customBus(calls: readonly CallLike[]): Verdict {
  const rule = theRule(calls);
  if (!rule) return failed(['The script created no rule (no PutRule succeeded).', ...refusals(calls)]);
  const buses = created(calls, 'CreateEventBus', 'Name');
  if (rule.bus === 'default') return failed([`Rule ${rule.name} is on the default bus: PutRule got no EventBusName${buses.length ? ` (the script created ${buses.join(', ')})` : ''}.`]);
  if (!buses.includes(rule.bus)) return failed([`Rule ${rule.name} is on ${rule.bus}, a bus the script did not create with CreateEventBus.`]);
  const elsewhere = putEntries(calls).filter((p) => busOf(p.entry['EventBusName']) !== rule.bus);
  const where = busOf(elsewhere[0]?.entry['EventBusName']);
  if (elsewhere.length) return failed([`${elsewhere.length} entr${elsewhere.length === 1 ? 'y was' : 'ies were'} put on ${where === 'default' ? 'the default bus' : `the bus ${where}`}, not on ${rule.bus}: each entry names its bus with EventBusName, or the rule never sees it.`]);
  return PASS;
}

/** The rule's targets as PutTargets last set them. */
function ruleTargets(calls: readonly CallLike[], rule: string): Entry[] {
  const last = succeeded(calls, 'PutTargets').filter((c) => c.input['Rule'] === rule).at(-1);
  return last && Array.isArray(last.input['Targets']) ? (last.input['Targets'] as Entry[]) : [];
}

/** The log group a target ARN names (`...:log-group:NAME`, optionally with `:*`). */
export function groupOfArn(arn: string, w: Where): string | undefined {
  const m = /^arn:aws:logs:([^:]*):(\d*):log-group:([^:]+)(:\*)?$/.exec(arn);
  return m && m[1] === w.region && m[2] === w.account ? m[3] : undefined;
}

export function logTarget(calls: readonly CallLike[], w: Where): Verdict {
  const rule = theRule(calls);
  if (!rule) return failed(['The script created no rule (no PutRule succeeded).', ...refusals(calls)]);
  const groups = created(calls, 'CreateLogGroup', 'logGroupName');
  if (!groups.length) return failed(['The script created no log group (no CreateLogGroup).', ...refusals(calls)]);
  const outside = groups.filter((g) => !g.startsWith(LOG_GROUP_PREFIX));
  if (outside.length) return failed([`Log group ${outside[0]}: EventBridge's log group targets are named under ${LOG_GROUP_PREFIX} (the console offers only those).`]);
  const targets = ruleTargets(calls, rule.name);
  if (!targets.length) return failed([`Rule ${rule.name} has no target: no PutTargets for it succeeded.`, ...refusals(calls)]);
  const toGroup = targets.find((t) => groups.includes(groupOfArn(text(t['Arn']) ?? '', w) ?? ''));
  if (!toGroup) {
    return failed(targets.map((t) => `Target ${String(t['Id'])} has the Arn ${String(t['Arn'])}; the log group's ARN is ${logGroupArn(groups[0]!, w)}.`));
  }
  if (toGroup['RoleArn'] !== undefined) return failed([`Target ${String(toGroup['Id'])} has a RoleArn: EventBridge writes to a log group through the log group's resource policy, and a CloudWatch Logs target takes no role.`]);
  return PASS;
}

type Statement = { Effect?: unknown; Principal?: unknown; Action?: unknown; Resource?: unknown };
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const glob = (pattern: string, value: string, caseless = false): boolean => {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, caseless ? 'i' : '');
  return re.test(value);
};

/** Why the policy document does not let EventBridge write into `group`, or undefined when it does. */
export function logPolicyProblem(document: string, group: string, w: Where): string | undefined {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(document) as { Statement?: unknown };
  } catch {
    return 'the policy document is not JSON';
  }
  const stream = `${logGroupArn(group, w)}:log-stream:rule-target`;
  const allows = list(doc.Statement).filter((s): s is Statement => typeof s === 'object' && s !== null && (s as Statement).Effect === 'Allow');
  if (!allows.length) return 'it has no statement with "Effect": "Allow"';
  const forEvents = allows.filter((s) => {
    const p = s.Principal as { Service?: unknown } | undefined;
    return typeof p === 'object' && p !== null && list(p.Service).includes(EVENTS_PRINCIPAL);
  });
  if (!forEvents.length) return `no Allow statement names the service principal ${EVENTS_PRINCIPAL} (Principal.Service)`;
  for (const action of ['logs:CreateLogStream', 'logs:PutLogEvents']) {
    const granted = forEvents.filter((s) => list(s.Action).some((a) => typeof a === 'string' && glob(a, action, true)));
    if (!granted.length) return `it does not allow ${action}`;
    if (!granted.some((s) => list(s.Resource).some((r) => typeof r === 'string' && glob(r, stream)))) {
      return `the Resource of ${action} does not cover the log streams of ${group} (${logGroupArn(group, w)}:log-stream:..., where EventBridge writes): end the group's ARN with :*`;
    }
  }
  return undefined;
}

export function logPolicy(calls: readonly CallLike[], w: Where): Verdict {
  const rule = theRule(calls);
  const target = rule ? ruleTargets(calls, rule.name).map((t) => groupOfArn(text(t['Arn']) ?? '', w)).find((g) => g !== undefined) : undefined;
  const group = target ?? created(calls, 'CreateLogGroup', 'logGroupName')[0];
  if (!group) return failed(['The script created no log group target, so no policy can be judged.', ...refusals(calls)]);
  const firstPut = calls.findIndex((c) => c.operation === 'PutEvents');
  const before = calls.filter((c, i) => c.operation === 'PutResourcePolicy' && c.errorCode === undefined && (firstPut < 0 || i < firstPut));
  if (!before.length) {
    const later = succeeded(calls, 'PutResourcePolicy').length > 0;
    return failed([later ? 'The resource policy was put only after the events: EventBridge could not write the first ones.' : `No CloudWatch Logs resource policy (PutResourcePolicy) lets EventBridge write to ${group}. The local AWS does not enforce IAM, so the events arrive here; in AWS they would not.`]);
  }
  const problems = before.map((c) => logPolicyProblem(text(c.input['policyDocument']) ?? '', group, w));
  if (problems.some((p) => p === undefined)) return PASS;
  return failed(before.map((c, i) => `Policy ${String(c.input['policyName'])}: ${problems[i]}.`));
}

export function puts(calls: readonly CallLike[]): Verdict {
  const all = putEntries(calls);
  if (!all.length) return failed(['The script put no events (no PutEvents succeeded).', ...refusals(calls)]);
  if (!succeeded(calls, 'PutEvents').some((c) => Array.isArray(c.input['Entries']) && c.input['Entries'].length > 1)) {
    return failed(['Every PutEvents carried one entry: put the smoke test\'s events together, as several entries of one PutEvents.']);
  }
  const details: string[] = [];
  const byKey = new Map<string, typeof all>();
  for (const p of all) byKey.set(entryKey(p.entry), [...(byKey.get(entryKey(p.entry)) ?? []), p]);
  for (const tries of byKey.values()) {
    const accepted = tries.filter((t) => t.eventId !== undefined).length;
    const refused = tries.filter((t) => t.errorCode !== undefined);
    if (accepted === 0 && refused.length) {
      const call = refused.at(-1)!.call;
      const count = call.entries?.filter((e) => e.ErrorCode).length ?? 0;
      details.push(`The entry ${entryText(tries[0]!.entry)} was answered ErrorCode ${refused[0]!.errorCode} (FailedEntryCount: ${count}) and never went in: read FailedEntryCount and Entries[i].ErrorCode, and send the failed entries again.`);
    }
    if (accepted > 1) details.push(`The entry ${entryText(tries[0]!.entry)} went in ${accepted} times: a retry sent entries again that PutEvents had already accepted. Send only the ones whose Entries[i] has an ErrorCode.`);
  }
  return details.length ? failed(details) : PASS;
}

