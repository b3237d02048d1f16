// Evaluates a lab's checks against the learner's files. Every check gets a fresh bus, so checks never
// influence each other, and every failure says what to look at (with the engine's explanation for events).
import { explainMatch, validatePattern, validateTargetInput } from '../eventbridge/index.ts';
import type { CheckResult, LabCheck, LabCheckReport, LabDefinition, LabEvent, LabFiles, LabRunReport } from './lab-types.ts';
import { loadFunctions, runScenario, type HandlerHost, type LabHandler, type Observations } from './lab-scenario.ts';
import { brief, partialMatch } from './partial-match.ts';
import { validateWithSchema } from './schema-check.ts';

/** What a custom TypeScript check (exported from the lab's checks.ts) receives. */
export interface CustomCheckContext {
  files: LabFiles;
  definition: LabDefinition;
  /** Runs the named events (all events when omitted) through a fresh bus. */
  run(eventNames?: string[]): Promise<Observations>;
}
export type CustomCheck = (ctx: CustomCheckContext) => Promise<{ passed: boolean; message?: string }> | { passed: boolean; message?: string };
export type CustomChecks = Record<string, CustomCheck>;

type Loaded = { handlers: Map<string, LabHandler>; problems: string[] };

function parseJson(text: string | undefined, file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  if (text === undefined) return { ok: false, message: `The file ${file} is missing.` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, message: `${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function fail(check: LabCheck, details: string[], explanations?: string[]): CheckResult {
  return { title: check.title, status: 'failed', message: [check.failure, ...details].join('\n'), ...(explanations?.length ? { explanations } : {}) };
}

/** "Why didn't my event match?": the engine's explanation of each rule that feeds the target. */
function explainFor(def: LabDefinition, obs: Observations, targetId: string, eventName: string): string[] {
  const envelope = obs.trace.find((t) => t.kind === 'event.put' && t.eventId === obs.eventIds.get(eventName))?.data;
  if (!envelope) return [`${eventName}: the bus did not accept this event.`];
  return def.bus.rules
    .filter((r) => r.targets.some((t) => t.id === targetId))
    .map((r) => {
      const pattern = obs.patterns.get(r.name);
      if (pattern === undefined) return `${eventName}: rule ${r.name} has no valid pattern.`;
      try {
        const ex = explainMatch(pattern, envelope as object);
        const fields = ex.fields.filter((f) => f.matched === ex.matched && f.reason).map((f) => f.reason!);
        let text = `${eventName} vs rule ${r.name}: ${ex.summary.replace(/\.$/, '')}${fields.length ? ` (${fields.join('; ')})` : ''}.`;
        if (ex.matched) {
          // An event that should have stayed out: what sets it apart must be in a field the pattern ignores.
          const looked = ex.fields.map((f) => f.path);
          const candidates = ['source', 'detail-type', ...leafPaths((envelope as { detail?: unknown }).detail, 'detail')];
          const ignored = candidates.filter((p) => !looked.some((l) => p === l || p.startsWith(`${l}.`)));
          if (ignored.length) text += ` The pattern does not look at ${ignored.join(', ')}.`;
        }
        return text;
      } catch (e) {
        return `${eventName} vs rule ${r.name}: ${e instanceof Error ? e.message : String(e)}`;
      }
    });
}

/** Dotted paths of every leaf value under `value` (arrays count as leaves). */
function leafPaths(value: unknown, at: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [at];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, `${at}.${k}`));
}

function handlerErrors(obs: Observations): string[] {
  const errs = obs.calls.filter((c) => c.error).map((c) => `Your handler ${c.function} threw: ${c.error}`);
  const timeouts = obs.trace.filter((t) => t.kind === 'attempt.failed' && /TIMEOUT/i.test(t.message)).map((t) => `A handler timed out: ${t.message}`);
  return [...errs, ...timeouts];
}

async function evaluate(check: LabCheck, def: LabDefinition, files: LabFiles, host: HandlerHost, loaded: Loaded, custom: CustomChecks): Promise<CheckResult> {
  const scenario = (names: string[]) => runScenario(def, files, names, host, loaded);
  switch (check.type) {
    case 'pattern-valid': {
      const text = files[check.file];
      if (text === undefined) return fail(check, [`The file ${check.file} is missing.`]);
      const problems = validatePattern(text);
      return problems.length ? fail(check, problems.map((p) => `${p.path || '(pattern)'}: ${p.message}`)) : { title: check.title, status: 'passed' };
    }
    case 'input-valid': {
      const parsed = parseJson(files[check.file], check.file);
      if (!parsed.ok) return fail(check, [parsed.message]);
      const problems = validateTargetInput(parsed.value as never);
      return problems.length ? fail(check, problems.map((p) => `${p.path || '(input)'}: ${p.message}`)) : { title: check.title, status: 'passed' };
    }
    case 'routes': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const wrong = check.events.filter((name) => {
        const id = obs.eventIds.get(name);
        const reached = obs.trace.some((t) => t.kind === 'target.input' && t.eventId === id && t.targetId === check.target);
        return check.expect === 'reach' ? !reached : reached;
      });
      if (!wrong.length) return { title: check.title, status: 'passed' };
      const verb = check.expect === 'reach' ? 'did not reach' : 'reached';
      return fail(
        check,
        wrong.map((n) => `Event "${n}" ${verb} ${check.target}.`),
        wrong.flatMap((n) => explainFor(def, obs, check.target, n)),
      );
    }
    case 'handler-called': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      const calls = obs.calls.filter((c) => c.function === check.function);
      if (calls.some((c) => partialMatch(check.with, c.payload))) return { title: check.title, status: 'passed' };
      const got = calls.length ? calls.map((c) => `It received: ${brief(c.payload)}`) : [`${check.function} was not called.`];
      return fail(check, [`Expected at least: ${brief(check.with)}`, ...got]);
    }
    case 'emitted': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      if (obs.emitted.some((e) => partialMatch(check.event, e))) return { title: check.title, status: 'passed' };
      const got = obs.emitted.length ? obs.emitted.map((e) => `Emitted: ${brief(e)}`) : ['No event was emitted.'];
      return fail(check, [...handlerErrors(obs), `Expected an event like: ${brief(check.event)}`, ...got]);
    }
    case 'log-contains': {
      const obs = await scenario(check.events);
      if (obs.setupProblems.length) return fail(check, obs.setupProblems);
      let messages: string[] = [];
      try {
        messages = obs.service.logs.filterLogEvents({ logGroupName: check.logGroup }).events.map((e) => e.message ?? '');
      } catch (e) {
        return fail(check, [`Log group ${check.logGroup}: ${e instanceof Error ? e.message : String(e)}`]);
      }
      if (messages.some((m) => m.includes(check.contains))) return { title: check.title, status: 'passed' };
      return fail(check, [...handlerErrors(obs), `No message in ${check.logGroup} contains "${check.contains}" (${messages.length} message(s) there).`]);
    }
    case 'schema': {
      const parsed = parseJson(files[check.file], check.file);
      if (!parsed.ok) return fail(check, [parsed.message]);
      const details: string[] = [];
      const envelope = (e: LabEvent) => ({ version: '0', id: '00000000-0000-0000-0000-000000000000', account: '123456789012', time: '2026-01-01T00:00:00Z', region: 'us-east-1', resources: [], ...e });
      for (const name of check.accepts ?? []) {
        const r = await validateWithSchema(parsed.value, envelope((def.events[name] ?? def.examples?.[name])!));
        if (!r.valid) details.push(`The schema rejects "${name}", which it should accept: ${r.errors.join('; ')}`);
      }
      for (const name of check.rejects ?? []) {
        const r = await validateWithSchema(parsed.value, envelope((def.events[name] ?? def.examples?.[name])!));
        if (r.valid) details.push(`The schema accepts "${name}", which it should reject.`);
      }
      return details.length ? fail(check, details) : { title: check.title, status: 'passed' };
    }
    case 'custom': {
      const fn = custom[check.name];
      if (!fn) return { title: check.title, status: 'error', message: `The lab has no custom check named ${check.name} in checks.ts.` };
      const r = await fn({ files, definition: def, run: (names) => scenario(names ?? Object.keys(def.events)) });
      return r.passed ? { title: check.title, status: 'passed' } : fail(check, r.message ? [r.message] : []);
    }
  }
}

/** Runs every check in order; a check that throws is reported as an error, never aborts the others. */
export async function runChecks(def: LabDefinition, files: LabFiles, host: HandlerHost, custom: CustomChecks = {}, onResult?: (r: CheckResult, index: number) => void): Promise<LabCheckReport> {
  const loaded = await loadFunctions(def, files, host);
  const results: CheckResult[] = [];
  const output: LabCheckReport['output'] = loaded.problems.map((text) => ({ stream: 'error' as const, text }));
  for (const [i, check] of def.checks.entries()) {
    let result: CheckResult;
    try {
      result = await evaluate(check, def, files, host, loaded, custom);
    } catch (e) {
      result = { title: check.title, status: 'error', message: `The check could not run: ${e instanceof Error ? e.message : String(e)}` };
    }
    results.push(result);
    onResult?.(result, i);
  }
  return { results, passed: results.every((r) => r.status === 'passed'), output };
}

/** Puts every event of the lab through one bus and returns the trace and the handlers' output. */
export async function runLab(def: LabDefinition, files: LabFiles, host: HandlerHost): Promise<LabRunReport> {
  const loaded = await loadFunctions(def, files, host);
  const obs = await runScenario(def, files, Object.keys(def.events), host, loaded);
  const output = [...obs.setupProblems.map((text) => ({ stream: 'error' as const, text })), ...obs.output];
  return { trace: obs.trace, output };
}
