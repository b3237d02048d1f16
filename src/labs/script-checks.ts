// Judges a lab script from what it did (script-scenario.ts): the SDK calls the local AWS served and what it
// held at the end, never what the script printed or claimed. Pure functions of plain observations; the checks
// that need only the calls are in script-call-judges.ts, which verify also uses in an account.
import { explainMatch } from '../eventbridge/index.ts';
import type { LabCheck, LabDefinition } from './lab-types.ts';
import type { ScriptWorld } from './lab-definition.ts';
import type { ScriptObservations } from './script-scenario.ts';
import type { SdkCall } from './script-wire.ts';
import { eventLabel, explainOne, unique } from './check-explain.ts';
import { labEvent } from './lab-scenario.ts';
import { LAB_ACCOUNT, LAB_REGION } from './lambda-context.ts';
import { created, customBus, failed, logPolicy, logTarget, PASS, putEntries, puts, refusals, succeeded, text, theRule, type Verdict, type Where } from './script-call-judges.ts';

export type ScriptCheck = Extract<LabCheck, { type: `script-${string}` }>;
/** The ARNs a script in the lab's local AWS must name. */
const LAB_WHERE: Where = { region: LAB_REGION, account: LAB_ACCOUNT };

/** A lab event as the bus would hold it (the envelope a pattern is matched against). */
function envelope(def: LabDefinition, name: string): Record<string, unknown> {
  const e = labEvent(def, name)!;
  return { version: '0', id: '00000000-0000-0000-0000-000000000000', 'detail-type': e['detail-type'], source: e.source, account: LAB_ACCOUNT, time: e.time ?? '2026-01-01T00:00:00Z', region: LAB_REGION, resources: e.resources ?? [], detail: e.detail };
}

function pattern(obs: ScriptObservations, def: LabDefinition, check: Extract<ScriptCheck, { type: 'script-pattern' }>): Verdict {
  const rule = theRule(obs.calls);
  if (!rule?.pattern) return failed([rule ? `Rule ${rule.name} has no EventPattern.` : 'The script created no rule (no PutRule succeeded).', ...refusals(obs.calls)]);
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

function reads(obs: ScriptObservations): SdkCall[] {
  return obs.calls.filter((c) => c.service === 'logs' && (c.operation === 'FilterLogEvents' || c.operation === 'GetLogEvents'));
}

function runs(obs: ScriptObservations, check: Extract<ScriptCheck, { type: 'script-runs' }>, file: string): Verdict {
  if (check.expect === 'throws') {
    if (obs.threw !== undefined) return PASS;
    if (!putEntries(obs.calls).some((p) => p.eventId)) return failed([`${file} returned without putting any event.`, ...refusals(obs.calls)]);
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
  const unseen = putEntries(obs.calls).some((p) => p.eventId !== undefined && !seen.has(p.eventId));
  if (lastPut && read.length === 1 && unseen) hints.push(`It read the log once, ${Math.max(0, read[0]!.at - lastPut.at)} ms after its last PutEvents. Delivery to a log group is asynchronous: an event may arrive later than the first read.`);
  if (lastPut && read.length === 0) hints.push('It never read the log group back.');
  const leftovers = obs.calls.filter((c) => c.errorCode === 'ResourceAlreadyExistsException');
  if (leftovers.length && obs.world.leftovers) hints.push(`${leftovers[0]!.operation} was answered ResourceAlreadyExistsException: ${text(leftovers[0]!.input['Name']) ?? text(leftovers[0]!.input['logGroupName']) ?? ''} is still there from an earlier run that stopped halfway.`);
  const told = hints.join('\n');
  return failed([obs.stopped ? obs.threw : `${file} threw: ${obs.threw.split('\n')[0]}`, ...hints, ...refusals(obs.calls).filter((r) => !told.includes(r.slice(0, r.indexOf(':'))))]);
}

function cleansUp(obs: ScriptObservations): Verdict {
  const ruleNames = unique(succeeded(obs.calls, 'PutRule').flatMap((c) => text(c.input['Name']) ?? []));
  const left: string[] = [
    ...obs.final.rules.filter((r) => ruleNames.includes(r.name)).map((r) => `rule ${r.name} on ${r.bus}${r.targets.length ? ` (with ${r.targets.length} target(s))` : ''}`),
    ...created(obs.calls, 'CreateEventBus', 'Name').filter((b) => obs.final.buses.includes(b)).map((b) => `event bus ${b}`),
    ...created(obs.calls, 'CreateLogGroup', 'logGroupName').filter((g) => obs.final.logGroups.includes(g)).map((g) => `log group ${g}`),
    ...unique(succeeded(obs.calls, 'PutResourcePolicy').flatMap((c) => text(c.input['policyName']) ?? [])).filter((p) => obs.final.policies.includes(p)).map((p) => `resource policy ${p}`),
  ];
  if (!ruleNames.length && !created(obs.calls, 'CreateEventBus', 'Name').length && !created(obs.calls, 'CreateLogGroup', 'logGroupName').length) return failed(['The script created nothing, so there was nothing to clean up.', ...refusals(obs.calls)]);
  if (!left.length) return PASS;
  const threw = obs.threw !== undefined ? [`The script threw (${obs.threw.split('\n')[0]}) and did not clean up: delete what it created in a finally block, so a failed run cleans up too.`] : [];
  return failed([`Still there when the script ended: ${left.join(', ')}.`, ...threw, ...refusals(obs.calls)]);
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
      return { obs, verdict: customBus(obs.calls) };
    case 'script-log-target':
      return { obs, verdict: logTarget(obs.calls, LAB_WHERE) };
    case 'script-log-policy':
      return { obs, verdict: logPolicy(obs.calls, LAB_WHERE) };
    case 'script-pattern':
      return { obs, verdict: pattern(obs, def, check) };
    case 'script-puts':
      return { obs, verdict: puts(obs.calls) };
    case 'script-cleans-up':
      return { obs, verdict: cleansUp(obs) };
  }
}
