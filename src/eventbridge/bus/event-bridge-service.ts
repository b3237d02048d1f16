// The EventBridge service model: a facade over buses, rules, targets, delivery, schedules, archives and
// the trace. Request and response shapes follow the AWS API so the emulator is a thin wire layer over it.
import { alreadyExists, invalidPattern, limitExceeded, notFound, validationError } from './errors.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { archiveArn, busNameFrom, eventBusArn, parseTargetArn, replayArn, ruleArn } from './arns.ts';
import type { AccountScope } from './arns.ts';
import { checkBusName, checkIdentifier, constraintMessage } from './name-validation.ts';
import { validatePutRule } from './rule-validation.ts';
import { validateTargetsRequest, MAX_TARGETS_PER_RULE } from './target-validation.ts';
import { validateEntry, validateRequest } from './put-events-validation.ts';
import { buildEnvelope, isoSeconds, randomId, scheduledEnvelope } from './envelope.ts';
import { RuleScheduler } from './rule-scheduler.ts';
import type { Schedule } from './schedule-expression.ts';
import { TraceStore } from './trace.ts';
import { QueueStore } from './queues.ts';
import { ArchiveStore } from './archives.ts';
import { ReplayStore } from './replays.ts';
import { DeliveryError, DeliveryRunner } from './delivery.ts';
import type { DeliveryJob } from './delivery.ts';
import { invokeTarget } from './target-invokers.ts';
import type { InvokerDeps, RegisteredFunction } from './target-invokers.ts';
import { DEFAULT_MAX_HOPS, describeChain, exceedsHopLimit, extendChain, repeatingCycle } from './loop-guard.ts';
import type { CausalChain } from './loop-guard.ts';
import { defaultPatternEngine } from './pattern-engine.ts';
import type { PatternEngine, RuleMatcher } from './pattern-engine.ts';
import { transformInput } from '../input/transform-input.ts';
import { LogsService } from '../logs/logs-service.ts';
import type {
  ArchiveDescription,
  CreateArchiveRequest,
  EventBusDescription,
  EventEnvelope,
  FunctionOptions,
  HandlerContext,
  PutEventsRequestEntry,
  PutEventsResponse,
  PutEventsResultEntry,
  PutRuleRequest,
  ReplayDescription,
  RuleDescription,
  RuleRef,
  RuleState,
  StartReplayRequest,
  Target,
  TargetHandler,
  TargetsResponse,
} from './types.ts';

export interface EventBridgeServiceOptions {
  region?: string;
  account?: string;
  clock?: Clock;
  /** Causal hops allowed before a chain of handler-put events is stopped (default 10). */
  maxHops?: number;
  logs?: LogsService;
  queues?: QueueStore;
  patterns?: PatternEngine;
  /** Event id generator (tests can make ids predictable). */
  idGenerator?: () => string;
  /** Delay before retry n (1-based); default doubles from 1 s to an 8-minute cap. */
  backoff?: (retry: number) => number;
}

interface RuleRecord {
  name: string;
  arn: string;
  busName: string;
  eventPattern?: string;
  scheduleExpression?: string;
  schedule?: Schedule;
  state: RuleState;
  description?: string;
  roleArn?: string;
  targets: Target[];
  createdAt: number;
}

interface BusRecord {
  name: string;
  arn: string;
  description?: string;
  creationTime: number;
  lastModifiedTime: number;
  rules: Map<string, RuleRecord>;
  matcher: RuleMatcher;
}

interface RouteOptions {
  chain: CausalChain;
  /** Set when the event arrived from another bus (EventBridge forwards across buses only once). */
  fromBus?: string;
  replayName?: string;
  filterRuleArns?: string[];
  ingestedAt: number;
}

export class EventBridgeService {
  readonly region: string;
  readonly account: string;
  readonly clock: Clock;
  readonly maxHops: number;
  readonly logs: LogsService;
  readonly queues: QueueStore;
  readonly trace: TraceStore;

  private readonly scope: AccountScope;
  private readonly patterns: PatternEngine;
  private readonly newId: () => string;
  private readonly buses = new Map<string, BusRecord>();
  private readonly functions = new Map<string, RegisteredFunction>();
  private readonly archives = new ArchiveStore();
  private readonly replays = new ReplayStore();
  private readonly delivery: DeliveryRunner;
  private readonly scheduler: RuleScheduler;
  /** Cause of the handler currently running synchronously (for handlers that call the service directly). */
  private ambientChain: CausalChain | undefined;

  constructor(opts: EventBridgeServiceOptions = {}) {
    this.region = opts.region ?? 'us-east-1';
    this.account = opts.account ?? '123456789012';
    this.clock = opts.clock ?? systemClock();
    this.maxHops = opts.maxHops ?? DEFAULT_MAX_HOPS;
    if (!Number.isInteger(this.maxHops) || this.maxHops < 1) throw new Error(`maxHops must be a positive integer, got ${opts.maxHops}`);
    this.scope = { region: this.region, account: this.account };
    this.logs = opts.logs ?? new LogsService({ region: this.region, account: this.account, now: () => this.clock.now() });
    this.queues = opts.queues ?? new QueueStore(this.scope, () => this.clock.now());
    this.trace = new TraceStore(() => this.clock.now());
    this.patterns = opts.patterns ?? defaultPatternEngine();
    this.newId = opts.idGenerator ?? randomId;
    const invokerDeps = this.buildInvokerDeps();
    this.delivery = new DeliveryRunner({
      clock: this.clock,
      trace: this.trace,
      invoke: (job, attempt) => invokeTarget(invokerDeps, job, attempt),
      sendToDlq: (arn, body, attributes) => {
        if (!this.queues.hasQueue(arn)) throw new Error(`queue ${arn} does not exist`);
        this.queues.sendMessage(arn, body, attributes);
      },
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
    });
    this.scheduler = new RuleScheduler(this.clock);
    this.addBus('default');
  }

  // ---------------------------------------------------------------- functions (Lambda-like targets)

  /** The ARN a function named `name` has in this account and region. */
  functionArn(name: string): string {
    return `arn:aws:lambda:${this.region}:${this.account}:function:${name}`;
  }

  /** Registers a handler for a Lambda ARN (or a bare function name) so targets with that ARN invoke it. */
  registerFunction(arnOrName: string, handler: TargetHandler, options: FunctionOptions = {}): string {
    if (typeof handler !== 'function') throw new Error(`registerFunction: handler for ${arnOrName} must be a function`);
    const arn = arnOrName.startsWith('arn:') ? arnOrName : this.functionArn(arnOrName);
    if (parseTargetArn(arn).kind !== 'lambda') throw new Error(`registerFunction: ${arn} is not a Lambda function ARN`);
    this.functions.set(unqualified(arn), { handler, options });
    return arn;
  }

  unregisterFunction(arnOrName: string): void {
    const arn = arnOrName.startsWith('arn:') ? arnOrName : this.functionArn(arnOrName);
    this.functions.delete(unqualified(arn));
  }

  // ---------------------------------------------------------------- buses

  createEventBus(i: { Name: string; Description?: string }): { EventBusArn: string; Description?: string } {
    const name = checkBusName(i?.Name);
    if (this.buses.has(name)) throw alreadyExists(`Event bus ${name} already exists.`);
    const bus = this.addBus(name, i.Description);
    return { EventBusArn: bus.arn, ...(i.Description !== undefined ? { Description: i.Description } : {}) };
  }

  deleteEventBus(i: { Name: string }): Record<string, never> {
    const name = i?.Name;
    if (name === 'default') throw validationError('Cannot delete event bus default.');
    const bus = this.buses.get(name);
    if (bus) {
      for (const rule of bus.rules.values()) this.stopSchedule(rule);
      this.archives.deleteForBus(name);
      this.buses.delete(name);
    }
    return {};
  }

  describeEventBus(i: { Name?: string } = {}): EventBusDescription {
    const bus = this.bus(i?.Name);
    return {
      Name: bus.name,
      Arn: bus.arn,
      ...(bus.description !== undefined ? { Description: bus.description } : {}),
      CreationTime: new Date(bus.creationTime),
      LastModifiedTime: new Date(bus.lastModifiedTime),
    };
  }

  listEventBuses(i: { NamePrefix?: string } = {}): { EventBuses: EventBusDescription[] } {
    const prefix = i?.NamePrefix ?? '';
    return {
      EventBuses: [...this.buses.values()]
        .filter((b) => b.name.startsWith(prefix))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((b) => this.describeEventBus({ Name: b.name })),
    };
  }

  // ---------------------------------------------------------------- rules

  putRule(i: PutRuleRequest): { RuleArn: string } {
    const bus = this.bus(i?.EventBusName);
    const valid = validatePutRule(i, bus.name, (p) => this.patterns.validate(p));
    const existing = bus.rules.get(i.Name);
    if (existing) this.stopSchedule(existing);
    const rule: RuleRecord = {
      name: i.Name,
      arn: ruleArn(this.scope, bus.name, i.Name),
      busName: bus.name,
      ...(i.EventPattern !== undefined ? { eventPattern: i.EventPattern } : {}),
      ...(i.ScheduleExpression !== undefined ? { scheduleExpression: i.ScheduleExpression } : {}),
      ...(valid.schedule ? { schedule: valid.schedule } : {}),
      state: valid.state,
      ...(i.Description !== undefined ? { description: i.Description } : {}),
      ...(i.RoleArn !== undefined ? { roleArn: i.RoleArn } : {}),
      targets: existing?.targets ?? [],
      createdAt: existing?.createdAt ?? this.clock.now(),
    };
    bus.rules.set(rule.name, rule);
    if (rule.eventPattern !== undefined) bus.matcher.addRule(rule.name, rule.eventPattern);
    else bus.matcher.deleteRule(rule.name);
    this.armSchedule(rule);
    return { RuleArn: rule.arn };
  }

  describeRule(i: RuleRef): RuleDescription {
    return ruleShape(this.rule(i));
  }

  listRules(i: { EventBusName?: string; NamePrefix?: string } = {}): { Rules: RuleDescription[] } {
    const bus = this.bus(i?.EventBusName);
    const prefix = i?.NamePrefix ?? '';
    return {
      Rules: [...bus.rules.values()]
        .filter((r) => r.name.startsWith(prefix))
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map(ruleShape),
    };
  }

  /** Names of the rules (on one bus) that have a target with this ARN. */
  listRuleNamesByTarget(i: { TargetArn: string; EventBusName?: string }): { RuleNames: string[] } {
    const bus = this.bus(i?.EventBusName);
    return {
      RuleNames: [...bus.rules.values()]
        .filter((r) => r.targets.some((t) => t.Arn === i.TargetArn))
        .map((r) => r.name)
        .sort(),
    };
  }

  enableRule(i: RuleRef): Record<string, never> {
    const rule = this.rule(i);
    rule.state = 'ENABLED';
    this.armSchedule(rule);
    return {};
  }

  disableRule(i: RuleRef): Record<string, never> {
    const rule = this.rule(i);
    rule.state = 'DISABLED';
    this.stopSchedule(rule);
    return {};
  }

  deleteRule(i: RuleRef & { Force?: boolean }): Record<string, never> {
    const bus = this.bus(i?.EventBusName);
    const rule = bus.rules.get(i?.Name);
    if (!rule) return {}; // AWS treats deleting a missing rule as success
    if (rule.targets.length > 0 && !i.Force) throw validationError("Rule can't be deleted since it has targets.");
    this.stopSchedule(rule);
    bus.rules.delete(rule.name);
    bus.matcher.deleteRule(rule.name);
    return {};
  }

  // ---------------------------------------------------------------- targets

  putTargets(i: { Rule: string; EventBusName?: string; Targets: Target[] }): TargetsResponse {
    const rule = this.rule({ Name: i?.Rule, ...(i?.EventBusName !== undefined ? { EventBusName: i.EventBusName } : {}) });
    validateTargetsRequest(i.Targets);
    const ids = new Set(rule.targets.map((t) => t.Id));
    const added = i.Targets.filter((t) => !ids.has(t.Id)).length;
    if (rule.targets.length + added > MAX_TARGETS_PER_RULE) {
      throw limitExceeded('The requested resource exceeds the maximum number allowed.');
    }
    for (const t of i.Targets) {
      const copy = JSON.parse(JSON.stringify(t)) as Target;
      const at = rule.targets.findIndex((x) => x.Id === t.Id);
      if (at >= 0) rule.targets[at] = copy;
      else rule.targets.push(copy);
    }
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  removeTargets(i: { Rule: string; EventBusName?: string; Ids: string[]; Force?: boolean }): TargetsResponse {
    const rule = this.rule({ Name: i?.Rule, ...(i?.EventBusName !== undefined ? { EventBusName: i.EventBusName } : {}) });
    if (!Array.isArray(i.Ids) || i.Ids.length < 1 || i.Ids.length > 100) {
      throw validationError(constraintMessage(`[${String(i.Ids)}]`, 'ids', 'Member must have length between 1 and 100'));
    }
    i.Ids.forEach((id, n) => checkIdentifier(id, `ids.${n + 1}.member`));
    rule.targets = rule.targets.filter((t) => !i.Ids.includes(t.Id));
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  listTargetsByRule(i: { Rule: string; EventBusName?: string }): { Targets: Target[] } {
    const rule = this.rule({ Name: i?.Rule, ...(i?.EventBusName !== undefined ? { EventBusName: i.EventBusName } : {}) });
    return { Targets: rule.targets.map((t) => JSON.parse(JSON.stringify(t)) as Target) };
  }

  // ---------------------------------------------------------------- events

  putEvents(i: { Entries: PutEventsRequestEntry[]; EndpointId?: string }): PutEventsResponse {
    return this.putEventsWithCause(i, this.ambientChain ?? []);
  }

  testEventPattern(i: { EventPattern: string; Event: string }): { Result: boolean } {
    let event: unknown;
    try {
      event = JSON.parse(i?.Event);
    } catch {
      throw validationError('Parameter Event is not valid.');
    }
    const required = ['id', 'account', 'source', 'time', 'region', 'detail-type'];
    if (event === null || typeof event !== 'object' || Array.isArray(event) || required.some((k) => !(k in event))) {
      throw validationError('Parameter Event is not valid.');
    }
    const problems = typeof i.EventPattern === 'string' ? this.patterns.validate(i.EventPattern) : [{ path: '', message: 'EventPattern must be JSON text.' }];
    if (problems.length > 0) throw invalidPattern(problems);
    return { Result: this.patterns.matches(i.EventPattern, event) };
  }

  /** Resolves when every delivery attempt now running has finished (retries waiting on the clock do not count). */
  whenIdle(): Promise<void> {
    return this.delivery.whenIdle();
  }

  // ---------------------------------------------------------------- archives and replay

  createArchive(i: CreateArchiveRequest): { ArchiveArn: string; State: string; CreationTime: Date } {
    const busName = busNameFrom(i?.EventSourceArn);
    if (!i?.EventSourceArn?.startsWith('arn:')) {
      throw validationError('Parameter EventSourceArn is not valid. Reason: EventSourceArn must be an event bus ARN.');
    }
    const bus = this.bus(busName);
    if (i.EventPattern !== undefined) {
      const problems = this.patterns.validate(i.EventPattern);
      if (problems.length > 0) throw invalidPattern(problems);
    }
    const a = this.archives.create(i, archiveArn(this.scope, i.ArchiveName), bus.name, this.clock.now());
    return { ArchiveArn: a.ArchiveArn, State: a.State, CreationTime: a.CreationTime };
  }

  describeArchive(i: { ArchiveName: string }): ArchiveDescription {
    return this.archives.describe(i?.ArchiveName, this.clock.now());
  }

  listArchives(i: { NamePrefix?: string; EventSourceArn?: string } = {}): { Archives: ArchiveDescription[] } {
    return { Archives: this.archives.list(i?.NamePrefix, i?.EventSourceArn) };
  }

  deleteArchive(i: { ArchiveName: string }): Record<string, never> {
    this.archives.delete(i?.ArchiveName);
    return {};
  }

  startReplay(i: StartReplayRequest): { ReplayArn: string; State: string; ReplayStartTime: Date } {
    return this.replays.start(i, {
      archives: this.archives,
      now: () => this.clock.now(),
      replayArn: (name) => replayArn(this.scope, name),
      busExists: (name) => this.buses.has(name),
      send: (busName, event, filterRuleArns) => {
        const bus = this.buses.get(busName);
        if (!bus) return;
        this.trace.record({ kind: 'event.put', eventId: event.id, bus: bus.name, message: `replayed ${event['detail-type']} from ${event.source}`, data: event });
        this.route(bus, event, {
          chain: [],
          replayName: event['replay-name'] as string,
          ingestedAt: this.clock.now(),
          ...(filterRuleArns ? { filterRuleArns } : {}),
        });
      },
      started: (bus, name, count) => this.trace.record({ kind: 'replay.started', bus, message: `replay ${name}: ${count} event(s)`, data: { replay: name } }),
      completed: (bus, name) => this.trace.record({ kind: 'replay.completed', bus, message: `replay ${name} completed`, data: { replay: name } }),
    });
  }

  describeReplay(i: { ReplayName: string }): ReplayDescription {
    return this.replays.describe(i?.ReplayName);
  }

  listReplays(i: { NamePrefix?: string } = {}): { Replays: ReplayDescription[] } {
    return { Replays: this.replays.list(i?.NamePrefix) };
  }

  // ---------------------------------------------------------------- internals

  private addBus(name: string, description?: string): BusRecord {
    const now = this.clock.now();
    const bus: BusRecord = {
      name,
      arn: eventBusArn(this.scope, name),
      ...(description !== undefined ? { description } : {}),
      creationTime: now,
      lastModifiedTime: now,
      rules: new Map(),
      matcher: this.patterns.createMatcher(),
    };
    this.buses.set(name, bus);
    return bus;
  }

  private bus(nameOrArn: string | undefined): BusRecord {
    const name = busNameFrom(nameOrArn);
    const bus = this.buses.get(name);
    if (!bus) throw notFound(`Event bus ${name} does not exist.`);
    return bus;
  }

  private rule(i: RuleRef): RuleRecord {
    const bus = this.bus(i?.EventBusName);
    if (typeof i?.Name !== 'string') throw validationError(constraintMessage(i?.Name, 'name', 'Member must not be null'));
    const rule = bus.rules.get(i.Name);
    if (!rule) throw notFound(`Rule ${i.Name} does not exist on EventBus ${bus.name}.`);
    return rule;
  }

  /** PutEvents on behalf of a cause (a handler's chain); the public putEvents uses the ambient cause. */
  private putEventsWithCause(i: { Entries: PutEventsRequestEntry[] }, chain: CausalChain): PutEventsResponse {
    const entries = i?.Entries;
    validateRequest(entries);
    const now = this.clock.now();
    let failed = 0;
    const results: PutEventsResultEntry[] = entries.map((entry) => {
      const problem = validateEntry(entry);
      if (problem) {
        failed++;
        this.trace.record({ kind: 'event.rejected', message: `${problem.ErrorCode}: ${problem.ErrorMessage}`, data: { entry } });
        return problem;
      }
      const event = buildEnvelope(entry, this.scope, now, this.newId());
      const busName = busNameFrom(entry.EventBusName);
      const cause = chain.at(-1)?.eventId;
      this.trace.record({
        kind: 'event.put',
        eventId: event.id,
        bus: busName,
        ...(cause ? { causedBy: cause } : {}),
        message: `${event['detail-type']} from ${event.source}`,
        data: event,
      });
      const bus = this.buses.get(busName);
      if (!bus) {
        // AWS accepts the entry and silently drops it; the trace says why nothing happened.
        this.trace.record({ kind: 'event.dropped', eventId: event.id, bus: busName, message: `event bus ${busName} does not exist; the event was dropped` });
        return { EventId: event.id };
      }
      if (chain.length > 0 && exceedsHopLimit(chain, this.maxHops)) {
        this.recordLoop(event, chain, busName);
        return { EventId: event.id };
      }
      this.route(bus, event, { chain, ingestedAt: now });
      return { EventId: event.id };
    });
    return { FailedEntryCount: failed, Entries: results };
  }

  private recordLoop(event: EventEnvelope, chain: CausalChain, busName: string): void {
    const cycle = repeatingCycle(chain);
    const path = describeChain(chain, event['detail-type']);
    this.trace.record({
      kind: 'loop.warning',
      eventId: event.id,
      bus: busName,
      message:
        `Loop stopped after ${chain.length} hops (limit ${this.maxHops}): ${path}` +
        (cycle ? `. Repeating: ${describeChain(cycle, cycle[0]!.detailType)}` : ''),
      data: { chain, cycle, maxHops: this.maxHops },
    });
  }

  /** Archives, matches and fans the event out to the targets of every enabled matching rule. */
  private route(bus: BusRecord, event: EventEnvelope, opts: RouteOptions): void {
    if (!opts.replayName) {
      const stored = this.archives.capture(bus.name, event, this.clock.now(), (p, e) => this.patterns.matches(p, e));
      if (stored.length > 0) this.trace.record({ kind: 'archive.stored', eventId: event.id, bus: bus.name, message: `archived in ${stored.join(', ')}` });
    }
    const names = bus.matcher.matchingRules(event);
    const rules = names
      .map((n) => bus.rules.get(n))
      .filter((r): r is RuleRecord => r !== undefined && r.state === 'ENABLED')
      .filter((r) => !opts.filterRuleArns || opts.filterRuleArns.includes(r.arn));
    const disabled = names.filter((n) => bus.rules.get(n)?.state === 'DISABLED');
    this.trace.record({
      kind: 'rules.matched',
      eventId: event.id,
      bus: bus.name,
      message: rules.length ? `matched ${rules.map((r) => r.name).join(', ')}` : 'no enabled rule matched',
      data: { rules: rules.map((r) => r.name), disabled },
    });
    for (const rule of rules) this.fanOut(rule, event, opts);
  }

  private fanOut(rule: RuleRecord, event: EventEnvelope, opts: RouteOptions): void {
    for (const target of rule.targets) {
      if (opts.fromBus && parseTargetArn(target.Arn).kind === 'event-bus') {
        this.trace.record({
          kind: 'event.dropped',
          eventId: event.id,
          bus: rule.busName,
          rule: rule.name,
          targetId: target.Id,
          targetArn: target.Arn,
          message: `not forwarded: the event came from bus ${opts.fromBus}, and EventBridge does not route an event from a sender bus on to a third bus`,
        });
        continue;
      }
      let payload: string;
      try {
        payload = parseTargetArn(target.Arn).kind === 'event-bus' ? JSON.stringify(event) : transformInput(target, event, {
          ruleArn: rule.arn,
          ruleName: rule.name,
          ingestionTime: isoSeconds(opts.ingestedAt),
        });
      } catch (e) {
        this.trace.record({ kind: 'delivery.failed', eventId: event.id, rule: rule.name, targetId: target.Id, targetArn: target.Arn, message: `input transformation failed: ${(e as Error).message}` });
        continue;
      }
      this.trace.record({
        kind: 'target.input',
        eventId: event.id,
        bus: rule.busName,
        rule: rule.name,
        targetId: target.Id,
        targetArn: target.Arn,
        message: payload.length > 200 ? `${payload.slice(0, 200)}…` : payload,
        data: { payload },
      });
      this.delivery.start({
        event,
        payload,
        busName: rule.busName,
        ruleName: rule.name,
        ruleArn: rule.arn,
        target,
        chain: opts.chain,
        ingestedAt: opts.ingestedAt,
      });
    }
  }

  private hopFor(job: DeliveryJob): CausalChain {
    const arn = parseTargetArn(job.target.Arn);
    const handler = arn.kind === 'lambda' ? `fn ${arn.name}` : arn.kind === 'event-bus' ? `bus ${arn.name}` : `target ${job.target.Id}`;
    return extendChain(job.chain, { eventId: job.event.id, detailType: job.event['detail-type'], rule: job.ruleName, handler });
  }

  private buildInvokerDeps(): InvokerDeps {
    return {
      clock: this.clock,
      logs: this.logs,
      queues: this.queues,
      findFunction: (arn) => this.functions.get(unqualified(arn)),
      handlerContext: (job, attempt): HandlerContext => ({
        bus: this.viewFor(this.hopFor(job)),
        ruleName: job.ruleName,
        ruleArn: job.ruleArn,
        targetId: job.target.Id,
        attempt,
        eventId: job.event.id,
      }),
      withCause: (job, fn) => {
        const previous = this.ambientChain;
        this.ambientChain = this.hopFor(job);
        try {
          return fn();
        } finally {
          this.ambientChain = previous;
        }
      },
      forwardToBus: (job, busName) => {
        const bus = this.buses.get(busName);
        if (!bus) throw new DeliveryError('NO_RESOURCE', `Event bus ${busName} does not exist.`, false);
        this.trace.record({
          kind: 'event.forwarded',
          eventId: job.event.id,
          bus: busName,
          rule: job.ruleName,
          targetId: job.target.Id,
          targetArn: job.target.Arn,
          message: `forwarded from bus ${job.busName} to bus ${busName}`,
        });
        this.route(bus, job.event, { chain: this.hopFor(job), fromBus: job.busName, ingestedAt: this.clock.now() });
      },
    };
  }

  /** The service as a handler sees it: the same object, except putEvents tags events with the causal chain. */
  private viewFor(chain: CausalChain): EventBridgeService {
    const put = (i: { Entries: PutEventsRequestEntry[] }): PutEventsResponse => this.putEventsWithCause(i, chain);
    return new Proxy(this, {
      get(target, prop) {
        if (prop === 'putEvents') return put;
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
  }

  private armSchedule(rule: RuleRecord): void {
    if (!rule.schedule || rule.state !== 'ENABLED') return this.scheduler.stop(rule.arn);
    this.scheduler.start(rule.arn, rule.schedule, rule.createdAt, () => this.fireSchedule(rule));
  }

  private stopSchedule(rule: RuleRecord): void {
    this.scheduler.stop(rule.arn);
  }

  private fireSchedule(rule: RuleRecord): void {
    const bus = this.buses.get(rule.busName);
    if (!bus || bus.rules.get(rule.name) !== rule || rule.state !== 'ENABLED') return;
    const now = this.clock.now();
    const event = scheduledEnvelope(rule.arn, this.scope, now, this.newId());
    this.trace.record({ kind: 'schedule.fired', eventId: event.id, bus: bus.name, rule: rule.name, message: `${rule.scheduleExpression} fired`, data: event });
    this.fanOut(rule, event, { chain: [], ingestedAt: now });
  }

}

function unqualified(arn: string): string {
  // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER] -> without the qualifier
  const parts = arn.split(':');
  return parts.slice(0, 7).join(':');
}

function ruleShape(r: RuleRecord): RuleDescription {
  return {
    Name: r.name,
    Arn: r.arn,
    ...(r.eventPattern !== undefined ? { EventPattern: r.eventPattern } : {}),
    ...(r.scheduleExpression !== undefined ? { ScheduleExpression: r.scheduleExpression } : {}),
    State: r.state,
    ...(r.description !== undefined ? { Description: r.description } : {}),
    ...(r.roleArn !== undefined ? { RoleArn: r.roleArn } : {}),
    EventBusName: r.busName,
  };
}
