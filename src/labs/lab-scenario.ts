// Builds a fresh bus from a lab's definition and the learner's files, puts some of the lab's events and
// records what happened. Runs unchanged in a browser worker, a Node worker thread and a WebContainer.
import { EventBridgeService, type HandlerContext } from '../eventbridge/index.ts';
import type { LabDefinition, LabEvent, LabFiles, LabFunctionSpec, LabTraceEntry, OutputLine } from './lab-types.ts';
import { brief } from './partial-match.ts';
import { OUTPUT_TRUNCATED, outputBudget } from './output-limits.ts';

export type LabHandler = (event: unknown, context: LabHandlerContext) => unknown;

/** What a learner's handler gets as its second argument. */
export interface LabHandlerContext {
  functionName: string;
  ruleName: string;
  eventId: string;
  attempt: number;
  /** The bus, to put follow-up events: `await context.bus.putEvents({ Entries: [...] })`. */
  bus: HandlerContext['bus'];
}

/** How the environment turns a learner's module into a function, and hears when one starts and ends. */
export interface HandlerHost {
  loadHandler(file: string, source: string, exportName: string): Promise<LabHandler>;
  /** Called just before a handler runs (a watchdog outside the thread can stop an endless loop). */
  enter?(functionName: string, file: string, timeoutMs: number): void;
  exit?(functionName: string): void;
  /** Live trace entries and output lines while a scenario runs (a run streams them to the page). */
  onTrace?(entry: LabTraceEntry): void;
  onOutput?(line: OutputLine): void;
}

export interface HandlerCall {
  function: string;
  payload: unknown;
  eventId: string;
  error?: string;
}

export interface Observations {
  service: EventBridgeService;
  /** Problems building the bus: an invalid pattern, a file that is not JSON, a handler that fails to load. */
  setupProblems: string[];
  /** Lab event name -> the id the bus gave it (absent when PutEvents rejected it). */
  eventIds: Map<string, string>;
  calls: HandlerCall[];
  /** Events put by handlers (full envelopes). */
  emitted: Record<string, unknown>[];
  trace: LabTraceEntry[];
  output: OutputLine[];
  /** The pattern text each rule got, for explanations. */
  patterns: Map<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 3000;

function sourceText(files: LabFiles, src: { file: string } | { inline: unknown }, what: string): string {
  if ('file' in src) {
    const text = files[src.file];
    if (text === undefined) throw new Error(`${what}: the file ${src.file} is missing`);
    return text;
  }
  return JSON.stringify(src.inline);
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.stack && e.stack.includes(e.message) ? e.stack : `${e.name}: ${e.message}${e.stack ? `\n${e.stack}` : ''}`;
  return String(e);
}

/** Routes console output of handlers into the run's output while `fn` runs. */
async function captureConsole<T>(output: OutputLine[], fn: () => Promise<T>): Promise<T> {
  const c = globalThis.console;
  const saved = { log: c.log, info: c.info, warn: c.warn, error: c.error, debug: c.debug };
  const budget = outputBudget();
  const line = (stream: OutputLine['stream']) => (...args: unknown[]) => {
    const text = args.map((a) => (typeof a === 'string' ? a : brief(a, 2000))).join(' ');
    const verdict = budget(text);
    if (verdict === 'keep') output.push({ stream, text });
    else if (verdict === 'notice') output.push({ stream: 'error', text: OUTPUT_TRUNCATED });
  };
  c.log = line('log');
  c.info = line('log');
  c.debug = line('log');
  c.warn = line('error');
  c.error = line('error');
  try {
    return await fn();
  } finally {
    Object.assign(c, saved);
  }
}

/** Waits until no delivery is running, including deliveries of events that handlers put meanwhile. */
async function settle(service: EventBridgeService): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const before = service.trace.all().length;
    await service.whenIdle();
    await new Promise((r) => setTimeout(r, 0));
    if (service.trace.all().length === before) return;
  }
}

export function toEntry(e: LabEvent) {
  return { Source: e.source, DetailType: e['detail-type'], Detail: JSON.stringify(e.detail), Resources: e.resources ?? [] };
}

/** Loads every declared function once; the result is reused by every scenario of a check run. */
export async function loadFunctions(def: LabDefinition, files: LabFiles, host: HandlerHost): Promise<{ handlers: Map<string, LabHandler>; problems: string[] }> {
  const handlers = new Map<string, LabHandler>();
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(def.bus.functions ?? {})) {
    const source = files[spec.file];
    if (source === undefined) {
      problems.push(`The function ${name} needs the file ${spec.file}, which is missing.`);
      continue;
    }
    try {
      handlers.set(name, await host.loadHandler(spec.file, source, spec.export ?? 'handler'));
    } catch (e) {
      problems.push(`${spec.file} could not be loaded: ${errorText(e)}`);
    }
  }
  return { handlers, problems };
}

export async function runScenario(
  def: LabDefinition,
  files: LabFiles,
  eventNames: string[],
  host: HandlerHost,
  loaded: { handlers: Map<string, LabHandler>; problems: string[] },
): Promise<Observations> {
  const service = new EventBridgeService();
  const obs: Observations = { service, setupProblems: [...loaded.problems], eventIds: new Map(), calls: [], emitted: [], trace: [], output: [], patterns: new Map() };
  const logGroups = new Set<string>();
  if (host.onTrace) service.trace.subscribe((e) => host.onTrace?.({ ...e } as LabTraceEntry));
  if (host.onOutput) {
    const push = obs.output.push.bind(obs.output);
    obs.output.push = (...lines: OutputLine[]) => {
      for (const l of lines) host.onOutput?.(l);
      return push(...lines);
    };
  }
  for (const rule of def.bus.rules) {
    try {
      const pattern = sourceText(files, rule.pattern, `rule ${rule.name}`);
      obs.patterns.set(rule.name, pattern);
      service.putRule({ Name: rule.name, EventPattern: pattern });
    } catch (e) {
      obs.setupProblems.push(`Rule ${rule.name}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const targets = [];
    for (const t of rule.targets) {
      let arn: string;
      if (t.logGroup) {
        if (!logGroups.has(t.logGroup)) service.logs.createLogGroup({ logGroupName: t.logGroup });
        logGroups.add(t.logGroup);
        arn = `arn:aws:logs:${service.region}:${service.account}:log-group:${t.logGroup}`;
      } else {
        const name = t.function ?? t.id;
        arn = service.functionArn(name);
        const spec: LabFunctionSpec | undefined = def.bus.functions?.[name];
        const fn = loaded.handlers.get(name);
        if (spec && !fn) continue; // failed to load: reported in setupProblems
        registerRecorded(service, obs, host, name, spec, fn);
      }
      let input: Record<string, unknown> = {};
      if (t.input) {
        try {
          input = JSON.parse(sourceText(files, t.input, `target ${t.id}`)) as Record<string, unknown>;
        } catch (e) {
          obs.setupProblems.push(`Target ${t.id}: the input is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
          continue;
        }
      }
      targets.push({ ...input, Id: t.id, Arn: arn, RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 60 } });
    }
    if (targets.length === 0) continue;
    try {
      const res = service.putTargets({ Rule: rule.name, Targets: targets as never });
      for (const f of res.FailedEntries ?? []) obs.setupProblems.push(`Target ${String((f as { TargetId?: string }).TargetId)}: ${String((f as { ErrorMessage?: string }).ErrorMessage)}`);
    } catch (e) {
      obs.setupProblems.push(`Targets of rule ${rule.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await captureConsole(obs.output, async () => {
    const entries = eventNames.map((n) => [n, def.events[n]] as const).filter((x): x is readonly [string, LabEvent] => x[1] !== undefined);
    for (let i = 0; i < entries.length; i += 10) {
      const chunk = entries.slice(i, i + 10);
      const res = service.putEvents({ Entries: chunk.map(([, e]) => toEntry(e)) });
      res.Entries.forEach((r, j) => {
        if ('EventId' in r && r.EventId) obs.eventIds.set(chunk[j]![0], r.EventId);
      });
    }
    await settle(service);
  });
  obs.trace = service.trace.all().map((t) => ({ ...t }) as LabTraceEntry);
  obs.emitted = obs.trace.filter((t) => t.kind === 'event.put' && t.causedBy).map((t) => t.data as Record<string, unknown>);
  return obs;
}

function registerRecorded(service: EventBridgeService, obs: Observations, host: HandlerHost, name: string, spec: LabFunctionSpec | undefined, fn: LabHandler | undefined): void {
  const timeoutMs = spec?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  service.registerFunction(
    name,
    async (event, ctx) => {
      const call: HandlerCall = { function: name, payload: event, eventId: ctx.eventId };
      obs.calls.push(call);
      if (!fn) return undefined; // a stub target: the check only looks at what reached it
      host.enter?.(name, spec?.file ?? '', timeoutMs);
      try {
        return await fn(event, { functionName: name, ruleName: ctx.ruleName, eventId: ctx.eventId, attempt: ctx.attempt, bus: ctx.bus });
      } catch (e) {
        call.error = errorText(e);
        obs.output.push({ stream: 'error', text: `${name} threw: ${call.error}` });
        throw e;
      } finally {
        host.exit?.(name);
      }
    },
    { timeoutMs },
  );
}
