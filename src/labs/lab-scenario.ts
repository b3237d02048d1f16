// Builds a fresh bus from a lab's definition and the learner's files, puts some of the lab's events and
// records what happened. Runs unchanged in a browser worker, a Node worker thread and a WebContainer.
import { EventBridgeService, ManualClock } from '../eventbridge/index.ts';
import type { TargetHandler } from '../eventbridge/bus/types.ts';
import type { LabDefinition, LabEvent, LabFiles, LabFunctionSpec, LabTargetSpec, LabTraceEntry, OutputLine } from './lab-types.ts';
import { brief } from './partial-match.ts';
import { ARCHIVE_NAME, buildTargets, putTargets, scheduleExpression, sourceText, startReplay } from './bus-setup.ts';
import { OUTPUT_TRUNCATED, outputBudget } from './output-limits.ts';
import { labEventsWire, type LabBus, type Wire } from './lab-wire.ts';
import { contextData, functionEnvironment, type LambdaContextData } from './lambda-context.ts';
import { DeliveryError } from '../eventbridge/bus/delivery.ts';
import { LambdaAsyncQueue, type AsyncOutcome } from './lambda-async.ts';
import { parseInvokeConfig } from './invoke-config.ts';

/**
 * A lab function as the runner loaded it: called once per invocation with the event and what Lambda
 * would give it. The runner hands `invocation.wire` to the function's SDK client, so what the handler
 * sends with `client.send(new PutEventsCommand(...))` reaches this scenario's bus.
 */
export type LabHandler = (event: unknown, invocation: Invocation) => Promise<unknown>;

export interface Invocation {
  context: LambdaContextData;
  /** The function's environment (`process.env` as a deployed function reads it). */
  env: Record<string, string>;
  /** The lab bus for this invocation, in the SDK's own wire format (AWS JSON 1.1). */
  wire: Wire;
}

/** How a scenario bends the world to test a handler. */
export interface ScenarioOptions {
  /** PutEvents from handlers answers every entry as failed (InternalFailure), as AWS does under throttling or an outage. */
  failPutEvents?: boolean;
  /** Every event a function with invoke settings receives is delivered a second time, with the same id. */
  duplicateDeliveries?: boolean;
}

/** How the environment turns a learner's module into a function, and hears when one starts and ends. */
export interface HandlerHost {
  /** `env` is the function's environment while its module loads (top-level code may read it). */
  loadHandler(file: string, source: string, exportName: string, env: Record<string, string>): Promise<LabHandler>;
  /**
   * True when the host tells concurrent invocations' SDK requests apart itself (the grader's child
   * processes tag each with its call); otherwise invocations run one at a time, so that a request can only
   * belong to the one running.
   */
  concurrent?: boolean;
  /** Called just before a handler runs (a watchdog outside the thread can stop an endless loop). */
  enter?(functionName: string, file: string, timeoutMs: number): void;
  exit?(functionName: string): void;
  /** Live trace entries and output lines while a scenario runs (a run streams them to the page). */
  onTrace?(entry: LabTraceEntry): void;
  onOutput?(line: OutputLine): void;
}

export interface HandlerCall {
  function: string;
  /** A copy of what the handler received, taken before it ran (so the handler cannot change the record). */
  payload: unknown;
  eventId: string;
  /** Entries the handler put (with failPutEvents, entries PutEvents answered as failed). */
  puts: number;
  /** Why PutEvents rejected entries the handler put (ErrorCode: ErrorMessage). */
  rejected: string[];
  error?: string;
}

/** Everything a check judges, as plain data: no object here is shared with learner code. */
export interface Observations {
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
  /** Log group name -> the messages written to it. */
  logs: Record<string, string[]>;
  /** The archive's pattern text, when the lab has an archive. */
  archivePattern?: string;
  /** Trace id from which entries belong to the replay (absent when no replay ran). */
  replayFrom?: number;
  /** Queue name -> the bodies of the messages in it, oldest first (the lab's `bus.queues`). */
  queues: Record<string, string[]>;
  /** What Lambda did with each delivery to a function with invoke settings (retried, succeeded, gave up). */
  asyncOutcomes: AsyncOutcome[];
}

export const DEFAULT_TIMEOUT_MS = 3000;

export function errorText(e: unknown, learnerFile?: string): string {
  if (!(e instanceof Error)) return String(e);
  const text = e.stack && e.stack.includes(e.message) ? e.stack : `${e.name}: ${e.message}${e.stack ? `\n${e.stack}` : ''}`;
  return learnerFile ? learnerFrames(text, learnerFile) : text;
}

/** The stack up to the learner's last frame: the frames below it are the lab's and the engine's, not the learner's. */
function learnerFrames(stack: string, file: string): string {
  const lines = stack.split('\n');
  const last = lines.map((l, i) => (/^\s+at /.test(l) && l.includes(file) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  return last < 0 ? stack : lines.slice(0, last + 1).join('\n');
}

/** Routes console output of handlers into the run's output while `fn` runs. */
export async function captureConsole<T>(output: OutputLine[], fn: () => Promise<T>): Promise<T> {
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
async function settle(service: EventBridgeService, lambdas: LambdaAsyncQueue[] = []): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 0));
    const before = service.trace.all().length;
    await service.whenIdle();
    for (const q of lambdas) await q.whenIdle();
    await new Promise((r) => setTimeout(r, 0));
    if (service.trace.all().length === before && lambdas.every((q) => q.idle)) return;
  }
}

/**
 * Runs the clock `ms` forward one timer at a time, letting every delivery and handler finish before the next
 * timer: a handler's real awaits (its SDK request) then never race its own time-out on the lab's clock.
 */
async function runClock(clock: ManualClock, service: EventBridgeService, lambdas: LambdaAsyncQueue[], ms: number): Promise<void> {
  const end = clock.now() + ms;
  for (let i = 0; i < 100_000; i++) {
    const due = clock.nextDue();
    if (due === undefined || due > end) break;
    await clock.advanceTo(due);
    await settle(service, lambdas);
  }
  await clock.advanceTo(end);
  await settle(service, lambdas);
}

export function toEntry(e: LabEvent) {
  return { Source: e.source, DetailType: e['detail-type'], Detail: JSON.stringify(e.detail), Resources: e.resources ?? [], ...(e.time ? { Time: e.time } : {}), ...(e.eventBus ? { EventBusName: e.eventBus } : {}) };
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
      handlers.set(name, await host.loadHandler(spec.file, source, spec.export ?? 'handler', functionEnvironment(name, spec.timeoutMs ?? DEFAULT_TIMEOUT_MS)));
    } catch (e) {
      problems.push(`${spec.file} could not be loaded: ${errorText(e)}`);
    }
  }
  return { handlers, problems };
}

/** A named event of the lab: a sample or a hold-out. */
export function labEvent(def: LabDefinition, name: string): LabEvent | undefined {
  return def.events[name] ?? def.holdouts?.[name];
}

/** JSON copy: what crosses from learner code into observations. */
function copy(value: unknown): unknown {
  try {
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
  } catch {
    return String(value);
  }
}

export async function runScenario(
  def: LabDefinition,
  files: LabFiles,
  eventNames: string[],
  host: HandlerHost,
  loaded: { handlers: Map<string, LabHandler>; problems: string[] },
  options: ScenarioOptions = {},
): Promise<Observations> {
  const clock = def.clock ? new ManualClock(def.clock.start) : undefined;
  const service = new EventBridgeService(clock ? { clock } : {});
  const obs: Observations = { setupProblems: [...loaded.problems], eventIds: new Map(), calls: [], emitted: [], trace: [], output: [], patterns: new Map(), logs: {}, queues: {}, asyncOutcomes: [] };
  const lambdas: LambdaAsyncQueue[] = [];
  for (const name of def.bus.queues ?? []) service.queues.createQueue({ QueueName: name });
  const logGroups = new Set<string>();
  const queue = { tail: Promise.resolve() as Promise<unknown> };
  if (host.onTrace) service.trace.subscribe((e) => host.onTrace?.({ ...e } as LabTraceEntry));
  if (host.onOutput) {
    const push = obs.output.push.bind(obs.output);
    obs.output.push = (...lines: OutputLine[]) => {
      for (const l of lines) host.onOutput?.(l);
      return push(...lines);
    };
  }
  for (const name of def.bus.buses ?? []) service.createEventBus({ Name: name });
  for (const [name, policy] of Object.entries(def.bus.policies ?? {})) {
    try {
      service.putPermission({ EventBusName: name, Policy: sourceText(files, policy, `the policy of ${name}`) });
    } catch (e) {
      obs.setupProblems.push(`The policy of bus ${name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const registerFunction = (name: string): boolean => {
    const spec: LabFunctionSpec | undefined = def.bus.functions?.[name];
    const fn = loaded.handlers.get(name);
    if (spec && !fn) return false; // failed to load: reported in setupProblems
    const attempt = recordedAttempt(service, obs, host, { name, spec, fn, failPutEvents: options.failPutEvents === true, queue, realTimeout: clock !== undefined });
    if (!spec?.invokeConfig) {
      service.registerFunction(name, attempt);
      return true;
    }
    const parsed = parseInvokeConfig(files[spec.invokeConfig.file], spec.invokeConfig.file);
    if (!parsed.ok) {
      obs.setupProblems.push(...parsed.problems.map((p) => `${spec.invokeConfig!.file}: ${p}`));
      return false;
    }
    const lambda = new LambdaAsyncQueue({
      functionName: name,
      functionArn: service.functionArn(name),
      clock: service.clock,
      queues: service.queues,
      config: parsed.config,
      attempt: async (event, ctx) => attempt(event, ctx),
      note: (text) => obs.output.push({ stream: 'info', text }),
      outcomes: obs.asyncOutcomes,
      duplicates: options.duplicateDeliveries === true,
      newRequestId: requestId,
      timeoutMs: spec.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    lambdas.push(lambda);
    service.registerFunction(name, (event, ctx) => lambda.accept(event, ctx));
    return true;
  };
  const wire = (rule: { name: string; targets: LabTargetSpec[] }, eventBus: string | undefined) =>
    putTargets(service, obs.setupProblems, rule.name, eventBus, buildTargets(service, files, obs.setupProblems, logGroups, rule.targets, registerFunction));
  for (const rule of def.bus.rules) {
    try {
      const pattern = sourceText(files, rule.pattern, `rule ${rule.name}`);
      obs.patterns.set(rule.name, pattern);
      service.putRule({ Name: rule.name, EventPattern: pattern, ...(rule.eventBus ? { EventBusName: rule.eventBus } : {}) });
    } catch (e) {
      obs.setupProblems.push(`Rule ${rule.name}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    wire(rule, rule.eventBus);
  }
  for (const rule of def.bus.schedules ?? []) {
    try {
      service.putRule({ Name: rule.name, ScheduleExpression: scheduleExpression(files, rule.file) });
    } catch (e) {
      obs.setupProblems.push(`Scheduled rule ${rule.name}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    wire(rule, undefined);
  }
  let archiveArn = '';
  if (def.bus.archive) {
    try {
      const pattern = sourceText(files, def.bus.archive.pattern, 'the archive');
      obs.archivePattern = pattern;
      archiveArn = service.createArchive({ ArchiveName: ARCHIVE_NAME, EventSourceArn: service.describeEventBus({}).Arn, EventPattern: pattern }).ArchiveArn;
    } catch (e) {
      obs.setupProblems.push(`Archive: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  await captureConsole(obs.output, async () => {
    const entries = eventNames.map((n) => [n, labEvent(def, n)] as const).filter((x): x is readonly [string, LabEvent] => x[1] !== undefined);
    for (let i = 0; i < entries.length; i += 10) {
      const chunk = entries.slice(i, i + 10);
      const res = service.putEvents({ Entries: chunk.map(([, e]) => toEntry(e)) });
      res.Entries.forEach((r, j) => {
        if ('EventId' in r && r.EventId) obs.eventIds.set(chunk[j]![0], r.EventId);
      });
    }
    await settle(service, lambdas);
    // Schedules fire and retries run as the clock runs.
    if (clock && def.clock) await runClock(clock, service, lambdas, def.clock.hours * 3_600_000);
    if (def.bus.replay && archiveArn) {
      obs.replayFrom = service.trace.all().length ? service.trace.all().at(-1)!.id + 1 : 0;
      startReplay(service, files, def.bus.replay.file, archiveArn, obs.setupProblems);
      await settle(service);
    }
  });
  obs.trace = service.trace.all().map((t) => ({ ...t }) as LabTraceEntry);
  obs.emitted = obs.trace.filter((t) => t.kind === 'event.put' && t.causedBy).map((t) => t.data as Record<string, unknown>);
  for (const group of logGroups) obs.logs[group] = service.logs.filterLogEvents({ logGroupName: group }).events.map((e) => e.message ?? '');
  for (const name of def.bus.queues ?? []) obs.queues[name] = service.queues.peek(name).map((m) => m.Body);
  return obs;
}

interface RecordedFunction {
  name: string;
  spec: LabFunctionSpec | undefined;
  fn: LabHandler | undefined;
  failPutEvents: boolean;
  /** One invocation at a time across the scenario (unless the host is `concurrent`): each request a function's client sends is then its own. */
  queue: { tail: Promise<unknown> };
  /**
   * Also time the handler out in real time: on a lab clock, time stands still while a handler runs (the clock
   * moves only between deliveries), so a handler that never settles would otherwise hold the run for ever.
   */
  realTimeout: boolean;
}

let requests = 0;
export function requestId(): string {
  const c = globalThis.crypto as { randomUUID?: () => string } | undefined;
  return c?.randomUUID ? c.randomUUID() : `00000000-0000-4000-8000-${(++requests).toString(16).padStart(12, '0')}`;
}

/** One invocation of a lab function, recorded in `obs.calls`: what the engine (or Lambda's async queue) calls per attempt. */
function recordedAttempt(service: EventBridgeService, obs: Observations, host: HandlerHost, f: RecordedFunction): TargetHandler {
  const { name, spec, fn } = f;
  const timeoutMs = spec?.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (event, ctx) => {
    const call: HandlerCall = { function: name, payload: copy(event), eventId: ctx.eventId, puts: 0, rejected: [] };
    obs.calls.push(call);
    if (!fn) return undefined; // a stub target: the check only looks at what reached it
    // What the function's PutEvents reaches: counted, and answered as failed when the scenario says so.
    const bus: LabBus = {
      putEvents(input) {
        const entries = input.Entries;
        call.puts += entries.length;
        if (!f.failPutEvents) {
          const res = ctx.bus.putEvents(input);
          for (const r of res.Entries ?? []) if (r.ErrorCode) call.rejected.push(`${r.ErrorCode}: ${r.ErrorMessage ?? ''}`);
          return res;
        }
        return { FailedEntryCount: entries.length, Entries: entries.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'The lab answered this entry as failed to test how the handler reacts.' })) };
      },
    };
    const invoke = async () => {
      const invocation: Invocation = { context: contextData(name, requestId(), timeoutMs, Date.now()), env: functionEnvironment(name, timeoutMs), wire: labEventsWire(bus, name) };
      host.enter?.(name, spec?.file ?? '', timeoutMs);
      let timer: unknown;
      let realTimer: ReturnType<typeof setTimeout> | undefined;
      try {
        // Timed from when the function really starts, not from when it joined the queue.
        const timeout = new Promise<never>((_, reject) => {
          const late = () => reject(new DeliveryError('TIMEOUT', `Handler did not finish within ${timeoutMs} ms.`, true));
          timer = service.clock.setTimeout(late, timeoutMs);
          if (f.realTimeout) realTimer = setTimeout(late, timeoutMs);
        });
        return await Promise.race([fn(event, invocation), timeout]);
      } catch (e) {
        if (!(e instanceof DeliveryError)) {
          call.error = errorText(e, spec?.file);
          obs.output.push({ stream: 'error', text: `${name} threw: ${call.error}` });
        }
        throw e;
      } finally {
        service.clock.clearTimeout(timer);
        clearTimeout(realTimer);
        host.exit?.(name);
      }
    };
    if (host.concurrent) return invoke();
    const run = f.queue.tail.then(invoke, invoke);
    f.queue.tail = run.catch(() => undefined);
    return run;
  };
}
