// Judges a lab script from what it did (script-scenario.ts): the SDK calls the local AWS served and what it
// held at the end, never what the script printed or claimed. Pure functions of plain observations.
import { explainMatch } from '../eventbridge/index.ts';
import type { LabCheck, LabDefinition } from './lab-types.ts';
import type { ScriptWorld } from './lab-definition.ts';
import type { ScriptObservations } from './script-scenario.ts';
import type { SdkCall } from './script-wire.ts';
import { eventLabel, explainOne, unique } from './check-explain.ts';
import { labEvent } from './lab-scenario.ts';
import { brief } from './partial-match.ts';
import { LAB_ACCOUNT, LAB_REGION } from './lambda-context.ts';

export type ScriptCheck = Extract<LabCheck, { type: `script-${string}` }>;
export type Verdict = { passed: true } | { passed: false; details: string[]; explanations?: string[] };

const PASS: Verdict = { passed: true };
const failed = (details: string[], explanations?: string[]): Verdict => ({ passed: false, details: unique(details), ...(explanations?.length ? { explanations: unique(explanations) } : {}) });

/** The service principal EventBridge writes to CloudWatch Logs as (AWS's EventBridge user guide, "CloudWatch Logs permissions"). */
export const EVENTS_PRINCIPAL = 'events.amazonaws.com';
export const LOG_GROUP_PREFIX = '/aws/events/';
export const logGroupArn = (name: string): string => `arn:aws:logs:${LAB_REGION}:${LAB_ACCOUNT}:log-group:${name}`;

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const succeeded = (obs: ScriptObservations, op: string): SdkCall[] => obs.calls.filter((c) => c.operation === op && c.errorCode === undefined);
/** A bus named as EventBusName takes: its name or its ARN; absent means the default bus. */
const busOf = (v: unknown): string => {
  const s = text(v);
  if (s === undefined || s === '') return 'default';
  return s.startsWith('arn:') ? s.slice(s.indexOf('event-bus/') + 'event-bus/'.length) : s;
};

/** The calls AWS refused, in words (each once); a Delete or Remove of what is not there is no refusal worth telling. */
export function refusals(obs: ScriptObservations): string[] {
  const told = obs.calls.filter((c) => c.errorCode !== undefined && !(c.errorCode === 'ResourceNotFoundException' && /^(Delete|Remove)/.test(c.operation)));
  return unique(told.map((c) => `${c.operation} was answered ${c.errorCode}${c.errorMessage ? `: ${c.errorMessage}` : ''}`));
}

/** The last rule the script put, where it put it, and its pattern. */
function theRule(obs: ScriptObservations): { name: string; bus: string; pattern?: string } | undefined {
  const last = succeeded(obs, 'PutRule').at(-1);
  if (!last) return undefined;
  const pattern = text(last.input['EventPattern']);
  return { name: text(last.input['Name']) ?? '', bus: busOf(last.input['EventBusName']), ...(pattern !== undefined ? { pattern } : {}) };
}

/** Names the script asked CreateX for, whether it got them or found them already there. */
function created(obs: ScriptObservations, op: string, field: string): string[] {
  return unique(obs.calls.filter((c) => c.operation === op && (c.errorCode === undefined || c.errorCode === 'ResourceAlreadyExistsException')).flatMap((c) => text(c.input[field]) ?? []));
}

type Entry = Record<string, unknown>;
const entryKey = (e: Entry): string => JSON.stringify([e['Source'], e['DetailType'], e['Detail'], busOf(e['EventBusName'])]);
const entryText = (e: Entry): string => `${String(e['Source'])} / ${String(e['DetailType'])} ${brief(e['Detail'], 80)}`;

/** Every entry the script put, with what PutEvents answered for it. */
function putEntries(obs: ScriptObservations): { call: SdkCall; entry: Entry; eventId?: string; errorCode?: string }[] {
  return succeeded(obs, 'PutEvents').flatMap((call) => {
    const entries = Array.isArray(call.input['Entries']) ? (call.input['Entries'] as Entry[]) : [];
    return entries.map((entry, i) => ({ call, entry, ...(call.entries?.[i]?.EventId ? { eventId: call.entries[i]!.EventId } : {}), ...(call.entries?.[i]?.ErrorCode ? { errorCode: call.entries[i]!.ErrorCode } : {}) }));
  });
}

function customBus(obs: ScriptObservations): Verdict {
  const rule = theRule(obs);
  if (!rule) return failed(['The script created no rule (no PutRule succeeded).', ...refusals(obs)]);
  const buses = created(obs, 'CreateEventBus', 'Name');
  if (rule.bus === 'default') return failed([`Rule ${rule.name} is on the default bus: PutRule got no EventBusName${buses.length ? ` (the script created ${buses.join(', ')})` : ''}.`]);
  if (!buses.includes(rule.bus)) return failed([`Rule ${rule.name} is on ${rule.bus}, a bus the script did not create with CreateEventBus.`]);
  const elsewhere = putEntries(obs).filter((p) => busOf(p.entry['EventBusName']) !== rule.bus);
  const where = busOf(elsewhere[0]?.entry['EventBusName']);
  if (elsewhere.length) return failed([`${elsewhere.length} entr${elsewhere.length === 1 ? 'y was' : 'ies were'} put on ${where === 'default' ? 'the default bus' : `the bus ${where}`}, not on ${rule.bus}: each entry names its bus with EventBusName, or the rule never sees it.`]);
  return PASS;
}

/** The rule's targets as PutTargets last set them. */
function ruleTargets(obs: ScriptObservations, rule: string): Entry[] {
  const last = succeeded(obs, 'PutTargets').filter((c) => c.input['Rule'] === rule).at(-1);
  return last && Array.isArray(last.input['Targets']) ? (last.input['Targets'] as Entry[]) : [];
}

/** The log group a target ARN names (`...:log-group:NAME`, optionally with `:*`). */
export function groupOfArn(arn: string): string | undefined {
  const m = /^arn:aws:logs:([^:]*):(\d*):log-group:([^:]+)(:\*)?$/.exec(arn);
  return m && m[1] === LAB_REGION && m[2] === LAB_ACCOUNT ? m[3] : undefined;
}

function logTarget(obs: ScriptObservations): Verdict {
  const rule = theRule(obs);
  if (!rule) return failed(['The script created no rule (no PutRule succeeded).', ...refusals(obs)]);
  const groups = created(obs, 'CreateLogGroup', 'logGroupName');
  if (!groups.length) return failed(['The script created no log group (no CreateLogGroup).', ...refusals(obs)]);
  const outside = groups.filter((g) => !g.startsWith(LOG_GROUP_PREFIX));
  if (outside.length) return failed([`Log group ${outside[0]}: EventBridge's log group targets are named under ${LOG_GROUP_PREFIX} (the console offers only those).`]);
  const targets = ruleTargets(obs, rule.name);
  if (!targets.length) return failed([`Rule ${rule.name} has no target: no PutTargets for it succeeded.`, ...refusals(obs)]);
  const toGroup = targets.find((t) => groups.includes(groupOfArn(text(t['Arn']) ?? '') ?? ''));
  if (!toGroup) {
    return failed(targets.map((t) => `Target ${String(t['Id'])} has the Arn ${String(t['Arn'])}; the log group's ARN is ${logGroupArn(groups[0]!)}.`));
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
export function logPolicyProblem(document: string, group: string): string | undefined {
  let doc: { Statement?: unknown };
  try {
    doc = JSON.parse(document) as { Statement?: unknown };
  } catch {
    return 'the policy document is not JSON';
  }
  const stream = `${logGroupArn(group)}:log-stream:rule-target`;
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
      return `the Resource of ${action} does not cover the log streams of ${group} (${logGroupArn(group)}:log-stream:..., where EventBridge writes): end the group's ARN with :*`;
    }
  }
  return undefined;
}

function logPolicy(obs: ScriptObservations): Verdict {
  const rule = theRule(obs);
  const target = rule ? ruleTargets(obs, rule.name).map((t) => groupOfArn(text(t['Arn']) ?? '')).find((g) => g !== undefined) : undefined;
  const group = target ?? created(obs, 'CreateLogGroup', 'logGroupName')[0];
  if (!group) return failed(['The script created no log group target, so no policy can be judged.', ...refusals(obs)]);
  const firstPut = obs.calls.findIndex((c) => c.operation === 'PutEvents');
  const before = obs.calls.filter((c, i) => c.operation === 'PutResourcePolicy' && c.errorCode === undefined && (firstPut < 0 || i < firstPut));
  if (!before.length) {
    const later = succeeded(obs, 'PutResourcePolicy').length > 0;
    return failed([later ? 'The resource policy was put only after the events: EventBridge could not write the first ones.' : `No CloudWatch Logs resource policy (PutResourcePolicy) lets EventBridge write to ${group}. The local AWS does not enforce IAM, so the events arrive here; in AWS they would not.`]);
  }
  const problems = before.map((c) => logPolicyProblem(text(c.input['policyDocument']) ?? '', group));
  if (problems.some((p) => p === undefined)) return PASS;
  return failed(before.map((c, i) => `Policy ${String(c.input['policyName'])}: ${problems[i]}.`));
}

/** A lab event as the bus would hold it (the envelope a pattern is matched against). */
function envelope(def: LabDefinition, name: string): Record<string, unknown> {
  const e = labEvent(def, name)!;
  return { version: '0', id: '00000000-0000-0000-0000-000000000000', 'detail-type': e['detail-type'], source: e.source, account: LAB_ACCOUNT, time: e.time ?? '2026-01-01T00:00:00Z', region: LAB_REGION, resources: e.resources ?? [], detail: e.detail };
}

function pattern(obs: ScriptObservations, def: LabDefinition, check: Extract<ScriptCheck, { type: 'script-pattern' }>): Verdict {
  const rule = theRule(obs);
  if (!rule?.pattern) return failed([rule ? `Rule ${rule.name} has no EventPattern.` : 'The script created no rule (no PutRule succeeded).', ...refusals(obs)]);
  const details: string[] = [];
  const why: string[] = [];
  for (const [names, want] of [[check.matches, true], [check.misses, false]] as const) {
    for (const n of names) {
      let matched: boolean;
      try {
        matched = explainMatch(rule.pattern, envelope(def, n)).matched;
      } catch (e) {
        return failed([`The rule's pattern cannot be read: ${e instanceof Error ? e.message : String(e)}`]);
      }
      if (matched === want) continue;
      details.push(want ? `The rule misses ${eventLabel(def, n)}, an event of the smoke test.` : `The rule matches ${eventLabel(def, n)}, which is not an event of the smoke test.`);
      why.push(explainOne(rule.pattern, envelope(def, n), `${n} vs rule ${rule.name}`));
    }
  }
  return details.length ? failed(details, why) : PASS;
}

function puts(obs: ScriptObservations): Verdict {
  const all = putEntries(obs);
  if (!all.length) return failed(['The script put no events (no PutEvents succeeded).', ...refusals(obs)]);
  if (!succeeded(obs, 'PutEvents').some((c) => Array.isArray(c.input['Entries']) && c.input['Entries'].length > 1)) {
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

function reads(obs: ScriptObservations): SdkCall[] {
  return obs.calls.filter((c) => c.service === 'logs' && (c.operation === 'FilterLogEvents' || c.operation === 'GetLogEvents'));
}

function runs(obs: ScriptObservations, check: Extract<ScriptCheck, { type: 'script-runs' }>, file: string): Verdict {
  if (check.expect === 'throws') {
    if (obs.threw !== undefined) return PASS;
    if (!putEntries(obs).some((p) => p.eventId)) return failed([`${file} returned without putting any event.`, ...refusals(obs)]);
    const lost = obs.bent.lostId ?? '(none)';
    const doubled = obs.bent.doubledId ? ` Event ${obs.bent.doubledId} arrived twice meanwhile, so the log group held as many lines as events were put.` : '';
    return failed([`${file} returned, but event ${lost} it put never reached the log group.${doubled} A smoke test that returns here reports a broken delivery as working.`]);
  }
  const read = reads(obs);
  const lastPut = obs.calls.filter((c) => c.operation === 'PutEvents').at(-1);
  if (obs.threw === undefined) {
    if (!lastPut) return failed([`${file} returned without putting any event.`]);
    if (!read.some((r) => r.at >= lastPut.at)) return failed([`${file} returned without reading the log group back after its last PutEvents.`]);
    return PASS;
  }
  const hints: string[] = [];
  const seen = new Set(read.flatMap((r) => r.readIds ?? []));
  const unseen = putEntries(obs).some((p) => p.eventId !== undefined && !seen.has(p.eventId));
  if (lastPut && read.length === 1 && unseen) hints.push(`It read the log once, ${Math.max(0, read[0]!.at - lastPut.at)} ms after its last PutEvents. Delivery to a log group is asynchronous: an event may arrive later than the first read.`);
  if (lastPut && read.length === 0) hints.push('It never read the log group back.');
  const leftovers = obs.calls.filter((c) => c.errorCode === 'ResourceAlreadyExistsException');
  if (leftovers.length && obs.world.leftovers) hints.push(`${leftovers[0]!.operation} was answered ResourceAlreadyExistsException: ${text(leftovers[0]!.input['Name']) ?? text(leftovers[0]!.input['logGroupName']) ?? ''} is still there from an earlier run that stopped halfway.`);
  const told = hints.join('\n');
  return failed([obs.stopped ? obs.threw : `${file} threw: ${obs.threw.split('\n')[0]}`, ...hints, ...refusals(obs).filter((r) => !told.includes(r.slice(0, r.indexOf(':'))))]);
}

function cleansUp(obs: ScriptObservations): Verdict {
  const ruleNames = unique(succeeded(obs, 'PutRule').flatMap((c) => text(c.input['Name']) ?? []));
  const left: string[] = [
    ...obs.final.rules.filter((r) => ruleNames.includes(r.name)).map((r) => `rule ${r.name} on ${r.bus}${r.targets.length ? ` (with ${r.targets.length} target(s))` : ''}`),
    ...created(obs, 'CreateEventBus', 'Name').filter((b) => obs.final.buses.includes(b)).map((b) => `event bus ${b}`),
    ...created(obs, 'CreateLogGroup', 'logGroupName').filter((g) => obs.final.logGroups.includes(g)).map((g) => `log group ${g}`),
    ...unique(succeeded(obs, 'PutResourcePolicy').flatMap((c) => text(c.input['policyName']) ?? [])).filter((p) => obs.final.policies.includes(p)).map((p) => `resource policy ${p}`),
  ];
  if (!ruleNames.length && !created(obs, 'CreateEventBus', 'Name').length && !created(obs, 'CreateLogGroup', 'logGroupName').length) return failed(['The script created nothing, so there was nothing to clean up.', ...refusals(obs)]);
  if (!left.length) return PASS;
  const threw = obs.threw !== undefined ? [`The script threw (${obs.threw.split('\n')[0]}) and did not clean up: delete what it created in a finally block, so a failed run cleans up too.`] : [];
  return failed([`Still there when the script ended: ${left.join(', ')}.`, ...threw, ...refusals(obs)]);
}

/** Judges one script check from one run of the script in the world the check asks for. */
export async function judgeScript(check: ScriptCheck, def: LabDefinition, run: (world: ScriptWorld) => Promise<ScriptObservations>): Promise<{ obs: ScriptObservations; verdict: Verdict }> {
  const obs = await run(check.world ?? {});
  if (obs.setupProblems.length) return { obs, verdict: failed(obs.setupProblems) };
  const file = def.script?.file ?? 'The script';
  switch (check.type) {
    case 'script-runs':
      return { obs, verdict: runs(obs, check, file) };
    case 'script-custom-bus':
      return { obs, verdict: customBus(obs) };
    case 'script-log-target':
      return { obs, verdict: logTarget(obs) };
    case 'script-log-policy':
      return { obs, verdict: logPolicy(obs) };
    case 'script-pattern':
      return { obs, verdict: pattern(obs, def, check) };
    case 'script-puts':
      return { obs, verdict: puts(obs) };
    case 'script-cleans-up':
      return { obs, verdict: cleansUp(obs) };
  }
}
