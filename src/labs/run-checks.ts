// Evaluates a lab's checks against the learner's files. Every check gets a fresh bus, so checks never
// influence each other, and every failure says what to look at (with the engine's explanation for events).
// Observing (running learner code, in lab-scenario.ts) is kept apart from judging (the functions here read only
// the plain data in Observations).
import { validatePattern, validateTargetInput } from '../eventbridge/index.ts';
import type { CheckResult, LabCheck, LabCheckReport, LabDefinition, LabFiles, LabRunReport } from './lab-types.ts';
import { labEvent, loadFunctions, runScenario, type HandlerHost, type LabHandler, type Observations, type ScenarioOptions } from './lab-scenario.ts';
import { brief, describeEvent, differences } from './partial-match.ts';
import { envelopeOf, eventLabel, explainFor, explainOne, handlerErrors, lambdaStory, nameOf, queuedEventIds, timeouts, unique, whyNotReplayed } from './check-explain.ts';
import { parseInvokeConfig } from './invoke-config.ts';
import { validateWithSchema } from './schema-check.ts';
import { evaluateBusPolicy } from '../eventbridge/bus/bus-policy.ts';
import { LAB_ACCOUNT, LAB_REGION } from './lambda-context.ts';
import { loadScript, runScript, type ScriptObservations } from './script-scenario.ts';
import { judgeScript } from './script-checks.ts';
import type { ScriptWorld } from './lab-definition.ts';

/** What a custom TypeScript check (exported from the lab's checks.ts) receives. */
export interface CustomCheckContext {
  files: LabFiles;
  definition: LabDefinition;
  /** Runs the named events (every sample and hold-out when omitted) through a fresh bus. */
  run(eventNames?: string[]): Promise<Observations>;
}
export type CustomCheck = (ctx: CustomCheckContext) => Promise<{ passed: boolean; message?: string }> | { passed: boolean; message?: string };
export type CustomChecks = Record<string, CustomCheck>;

type Loaded = { handlers: Map<string, LabHandler>; problems: string[] };
type Scenario = (names: string[], options?: ScenarioOptions) => Promise<Observations>;
type ScriptRun = (world: ScriptWorld) => Promise<ScriptObservations>;

function parseJson(text: string | undefined, file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text === undefined) return { ok: false, message: `The file ${file} is missing.` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function pass(check: LabCheck): CheckResult {
  return { id: check.id, title: check.title, status: 'passed' };
}

function fail(check: LabCheck, details: string[], explanations?: string[]): CheckResult {
  const why = unique(explanations ?? []);
  return { id: check.id, title: check.title, status: 'failed', message: unique([check.failure, ...details]).join('\n'), ...(why.length ? { explanations: why } : {}) };
}

/** Judges one check from observations. Pure apart from running scenarios through `scenario`. */
async function evaluate(check: LabCheck, def: LabDefinition, files: LabFiles, scenario: Scenario, custom: CustomChecks, script: ScriptRun): Promise<CheckResult> {
  switch (check.type) {
    case 'script-runs':
    case 'script-custom-bus':
    case 'script-log-target':
    case 'script-log-policy':
    case 'script-pattern':
    case 'script-puts':
    case 'script-cleans-up': {
      const { verdict } = await judgeScript(check, def, script);
      return verdict.passed ? pass(check) : fail(check, verdict.details, verdict.explanations);
    }
    case 'pattern-valid': {
      const text = files[check.file];
      if (text === undefined) return fail(check, [`The file ${check.file} is missing.`]);
      const problems = validatePattern(text);
      return problems.length ? fail(check, problems.map((p) => `${p.path || '(pattern)'}: ${p.message}`)) : pass(check);
    }
    case 'input-valid': {
      const parsed = parseJson(files[check.file], check.file);
      if (!parsed.ok) return fail(check, [parsed.message]);
      const problems = validateTargetInput(parsed.value as never);
      return problems.length ? fail(check, problems.map((p) => `${p.path || '(input)'}: ${p.message}`)) : pass(check);
    }
    case 'routes': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const wrong = check.events.filter((name) => {
        const id = obs.eventIds.get(name);
        // Deliveries of a replay (if the lab has one) are judged by "replayed" checks.
        const reached = obs.trace.some((t) => t.kind === 'target.input' && t.id < (obs.replayFrom ?? Infinity) && t.eventId === id && t.targetId === check.target);
        return check.expect === 'reach' ? !reached : reached;
      });
      if (!wrong.length) return pass(check);
      const verb = check.expect === 'reach' ? 'did not reach' : 'reached';
      return fail(
        check,
        wrong.map((n) => `Event ${eventLabel(def, n)} ${verb} ${check.target}.`),
        wrong.flatMap((n) => explainFor(def, obs, check.target, n)),
      );
    }
    case 'scheduled': {
      const obs = await scenario([]);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const iso = (t: string) => new Date(t).toISOString().replace('.000Z', 'Z');
      const fired = obs.trace.filter((t) => t.kind === 'schedule.fired' && t.rule === check.rule).map((t) => iso(t.time));
      const want = check.times.map(iso);
      if (fired.join() === want.join()) return pass(check);
      const run = `while the clock ran from ${def.clock?.start} for ${def.clock?.hours} hours`;
      const missed = want.filter((t) => !fired.includes(t));
      const extra = fired.filter((t) => !want.includes(t));
      return fail(check, [
        `${check.rule} fired ${fired.length ? `at ${fired.join(', ')}` : 'never'} ${run}.`,
        // The first line already lists every firing: name the extra ones only when nothing was missed.
        ...(missed.length ? [`It did not fire at ${missed.join(', ')}.`] : [`It should not have fired at ${extra.join(', ')}.`]),
      ]);
    }
    case 'archived': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const wrong = check.events.filter((name) => {
        const stored = obs.trace.some((t) => t.kind === 'archive.stored' && t.eventId === obs.eventIds.get(name));
        return check.expect === 'stored' ? !stored : stored;
      });
      if (!wrong.length) return pass(check);
      const verb = check.expect === 'stored' ? 'was not archived' : 'was archived';
      const why = wrong.flatMap((n) => {
        const envelope = envelopeOf(obs, n);
        return envelope && obs.archivePattern !== undefined ? [explainOne(obs.archivePattern, envelope, `${n} vs the archive's pattern`)] : [];
      });
      return fail(check, wrong.map((n) => `Event ${eventLabel(def, n)} ${verb}.`), why);
    }
    case 'replayed': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      if (obs.replayFrom === undefined) return fail(check, ['No replay ran.']);
      const wrong = check.events.filter((name) => {
        const id = obs.eventIds.get(name);
        const reached = obs.trace.some((t) => t.kind === 'target.input' && t.id >= obs.replayFrom! && t.eventId === id && t.targetId === check.target);
        return check.expect === 'reach' ? !reached : reached;
      });
      if (!wrong.length) return pass(check);
      const verb = check.expect === 'reach' ? 'did not reach' : 'reached';
      return fail(
        check,
        wrong.map((n) => `The replayed copy of ${eventLabel(def, n)} ${verb} ${check.target}.`),
        wrong.flatMap((n) =>
          check.expect === 'reach'
            ? [...whyNotReplayed(def, obs, n), ...(envelopeOf(obs, n, true) ? explainFor(def, obs, check.target, n, true) : [])]
            : [`${n} (time ${String((envelopeOf(obs, n, true) as { time?: unknown } | undefined)?.time)}) falls inside the replay's window [EventStartTime, EventEndTime).`, ...explainFor(def, obs, check.target, n, true)],
        ),
      );
    }
    case 'handler-called': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const calls = obs.calls.filter((c) => c.function === check.function);
      if (calls.some((c) => differences(check.with, c.payload).length === 0)) return pass(check);
      const events = `for ${check.events.map((n) => eventLabel(def, n)).join(', ')}`;
      const got = calls.length
        ? calls.flatMap((c) => [`It received: ${brief(c.payload)}`, ...differences(check.with, c.payload).map((d) => `  ${d}`)])
        : [`${check.function} was not called ${events}.`];
      return fail(check, [`Expected at least ${brief(check.with)} ${events}.`, ...got]);
    }
    case 'handler-succeeds': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const failed = obs.calls.filter((c) => c.function === check.function && c.error);
      const timedOut = timeouts(obs);
      if (!failed.length && !timedOut.length) return pass(check);
      return fail(check, [
        ...failed.map((c) => `${check.function} failed for ${eventLabel(def, nameOf(obs, c.eventId))} after putting ${c.puts} event(s): ${c.error}`),
        ...timedOut,
        'On AWS, Lambda retries a failed asynchronous invocation: every retry would put those events again.',
      ]);
    }
    case 'reports-failed-entries': {
      const obs = await scenario(check.events, { failPutEvents: true });
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const calls = obs.calls.filter((c) => c.function === check.function);
      if (!calls.length) return fail(check, [`${check.function} was not called.`]);
      const silent = calls.filter((c) => !c.error);
      if (!silent.length) return pass(check);
      return fail(
        check,
        silent.map((c) =>
          c.puts === 0
            ? `${check.function} put no event for ${eventLabel(def, nameOf(obs, c.eventId))}.`
            : `PutEvents answered FailedEntryCount: ${c.puts} (ErrorCode InternalFailure) for ${eventLabel(def, nameOf(obs, c.eventId))}, and ${check.function} returned as if the event had been put: it is lost, and nothing retries it.`,
        ),
      );
    }
    case 'emitted': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      if (obs.emitted.some((e) => differences(check.event, e).length === 0)) return pass(check);
      const got = obs.emitted.length
        ? obs.emitted.flatMap((e) => [`Emitted: ${describeEvent(e)}`, ...differences(check.event, e).map((d) => `  ${d}`)])
        : ['No event was emitted.'];
      return fail(check, [...handlerErrors(obs), `Expected an event like: ${describeEvent(check.event)} for ${check.events.map((n) => eventLabel(def, n)).join(', ')}.`, ...got]);
    }
    case 'log-contains': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const messages = obs.logs[check.logGroup];
      if (!messages) return fail(check, [`There is no log group ${check.logGroup} in this lab.`]);
      if (messages.some((m) => m.includes(check.contains))) return pass(check);
      return fail(check, [...handlerErrors(obs), `No message in ${check.logGroup} contains "${check.contains}" (${messages.length} message(s) there).`]);
    }
    case 'schema': {
      const parsed = parseJson(files[check.file], check.file);
      if (!parsed.ok) return fail(check, [parsed.message]);
      const details: string[] = [];
      const envelope = (name: string) => ({ version: '0', id: '00000000-0000-0000-0000-000000000000', account: '123456789012', time: '2026-01-01T00:00:00Z', region: 'us-east-1', resources: [], ...(labEvent(def, name) ?? def.examples?.[name]) });
      for (const name of check.accepts ?? []) {
        const r = await validateWithSchema(parsed.value, envelope(name));
        if (!r.valid) details.push(`The schema rejects ${eventLabel(def, name)}, which it should accept: ${r.errors.join('; ')}`);
      }
      for (const name of check.rejects ?? []) {
        const r = await validateWithSchema(parsed.value, envelope(name));
        if (r.valid) details.push(`The schema accepts ${eventLabel(def, name)}, which it should reject.`);
      }
      return details.length ? fail(check, details) : pass(check);
    }
    case 'bus-policy': {
      const source = def.bus.policies?.[check.bus];
      const text = source === undefined ? undefined : 'file' in source ? files[source.file] : JSON.stringify(source.inline);
      const parsed = parseJson(text, source && 'file' in source ? source.file : `the policy of ${check.bus}`);
      if (!parsed.ok) return fail(check, [parsed.message]);
      const resource = `arn:aws:events:${LAB_REGION}:${LAB_ACCOUNT}:event-bus/${check.bus}`;
      const details: string[] = [];
      for (const c of check.cases) {
        const action = c.action ?? 'events:PutEvents';
        let decision;
        try {
          decision = evaluateBusPolicy(parsed.value, { account: c.account, action, resource, source: c.source, detailType: c.detailType, ...(c.orgId ? { orgId: c.orgId } : {}) });
        } catch (e) {
          return fail(check, [`The policy cannot be read: ${e instanceof Error ? e.message : String(e)}`]);
        }
        const allowed = c.expect === 'allowed';
        if (decision.allowed !== allowed) {
          details.push(`${action} from account ${c.account} (source "${c.source}", detail-type "${c.detailType}") is ${decision.allowed ? 'allowed' : 'denied'} (${decision.reason}); it should be ${c.expect}.`);
        }
      }
      return details.length ? fail(check, details) : pass(check);
    }
    case 'invoke-config-valid': {
      const parsed = parseInvokeConfig(files[check.file], check.file);
      return parsed.ok ? pass(check) : fail(check, parsed.problems);
    }
    case 'emits-per-event': {
      const obs = await scenario(check.events, check.duplicates ? { duplicateDeliveries: true } : {});
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const details: string[] = [];
      const why: string[] = [];
      for (const name of check.events) {
        const id = obs.eventIds.get(name);
        const count = obs.trace.filter((t) => t.kind === 'event.put' && t.causedBy !== undefined && t.causedBy === id && (t.data as { 'detail-type'?: unknown } | undefined)?.['detail-type'] === check.detailType).length;
        if (count === check.count) continue;
        const deliveries = obs.asyncOutcomes.filter((o) => o.eventId === id).length;
        const delivered = deliveries > 1 ? ` It was delivered ${deliveries} times with the same event id, as a redelivery would be.` : '';
        details.push(`${eventLabel(def, name)} caused ${count} ${check.detailType} event(s); expected ${check.count}.${delivered}`);
        const calls = obs.calls.filter((c) => c.eventId === id);
        const last = calls.at(-1);
        if (count < check.count && last && !last.error && last.puts === 0) {
          why.push(`${name}: the last invocation of ${last.function} finished without an error and put no event: Lambda counts it as a success and never retries it.`);
        }
        if (count > check.count) {
          const putThenFailed = calls.filter((c) => c.error && c.puts > 0);
          if (putThenFailed.length) why.push(`${name}: ${putThenFailed.length} attempt(s) of ${putThenFailed[0]!.function} put an event and then failed (${putThenFailed[0]!.error!.split('\n')[0]}): each retry put it again.`);
        }
        why.push(...lambdaStory(def, obs, name));
      }
      // What Lambda did goes with the message: the explanations are shown as "Why didn't my event match?".
      return details.length ? fail(check, [...details, ...why, ...handlerErrors(obs).filter((l) => !l.startsWith('Your handler'))]) : pass(check);
    }
    case 'dead-lettered': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const queued = queuedEventIds(obs, check.queue);
      const wrong = check.events.filter((name) => {
        const id = obs.eventIds.get(name);
        const stored = id !== undefined && queued.has(id);
        return check.expect === 'stored' ? !stored : stored;
      });
      if (!wrong.length) return pass(check);
      const condition = (n: string) => {
        const record = queued.get(obs.eventIds.get(n) ?? '') as { requestContext?: { condition?: unknown } } | undefined;
        return typeof record?.requestContext?.condition === 'string' ? ` (a record with condition ${record.requestContext.condition})` : '';
      };
      const line = (n: string) => (check.expect === 'stored' ? `${eventLabel(def, n)} is not in the queue ${check.queue}.` : `${eventLabel(def, n)} ended in the queue ${check.queue}${condition(n)}.`);
      return fail(check, [...wrong.map(line), ...wrong.flatMap((n) => lambdaStory(def, obs, n))]);
    }
    case 'custom': {
      const fn = custom[check.name];
      if (!fn) return { id: check.id, title: check.title, status: 'error', message: `The lab has no custom check named ${check.name} in checks.ts.` };
      const r = await fn({ files, definition: def, run: (names) => scenario(names ?? [...Object.keys(def.events), ...Object.keys(def.holdouts ?? {})]) });
      return r.passed ? pass(check) : fail(check, r.message ? [r.message] : []);
    }
  }
}

/** Runs every check in order; a check that throws is reported as an error, never aborts the others. */
export async function runChecks(def: LabDefinition, files: LabFiles, host: HandlerHost, custom: CustomChecks = {}, onResult?: (r: CheckResult, index: number) => void): Promise<LabCheckReport> {
  const loaded: Loaded = await loadFunctions(def, files, host);
  const scriptLoaded = await loadScript(def, files, host);
  const scenario: Scenario = (names, options) => runScenario(def, files, names, host, loaded, options);
  // Checks that ask for the same world judge the same run: the script is run once per world.
  const runs = new Map<string, Promise<ScriptObservations>>();
  const script: ScriptRun = (world) => {
    const key = JSON.stringify(world);
    let run = runs.get(key);
    if (!run) runs.set(key, (run = runScript(def, host, scriptLoaded, world)));
    return run;
  };
  const results: CheckResult[] = [];
  const output: LabCheckReport['output'] = [...loaded.problems, ...scriptLoaded.problems].map((text) => ({ stream: 'error' as const, text }));
  for (const [i, check] of def.checks.entries()) {
    let result: CheckResult;
    try {
      result = await evaluate(check, def, files, scenario, custom, script);
    } catch (e) {
      result = { id: check.id, title: check.title, status: 'error', message: `The check could not run: ${e instanceof Error ? e.message : String(e)}` };
    }
    results.push(result);
    onResult?.(result, i);
  }
  return { results, passed: results.every((r) => r.status === 'passed'), output };
}

/** Puts every sample event (never the hold-outs) through one bus and returns the trace and the handlers' output. */
export async function runLab(def: LabDefinition, files: LabFiles, host: HandlerHost): Promise<LabRunReport> {
  if (def.script) {
    // A script lab's Run: the script once, against a fresh local AWS that bends nothing, each call it makes told as a line.
    const obs = await runScript(def, host, await loadScript(def, files, host), {}, true);
    return { trace: [], output: [...obs.setupProblems.map((text) => ({ stream: 'error' as const, text })), ...obs.output] };
  }
  const loaded = await loadFunctions(def, files, host);
  const obs = await runScenario(def, files, Object.keys(def.events), host, loaded);
  const output = [...obs.setupProblems.map((text) => ({ stream: 'error' as const, text })), ...obs.output];
  return { trace: obs.trace, output };
}

