// The EventBridge service model: the control-plane calls (buses, rules, targets, archives, replays, tags,
// permissions) over the stores, with PutEvents handed to the router. Request and response shapes follow
// the AWS API so the emulator is a thin wire layer over it.
import { alreadyExists, invalidPattern, limitExceeded, notFound, validationError } from './errors.ts';
import { systemClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { archiveArn, busNameFrom, parseTargetArn, replayArn, ruleArn } from './arns.ts';
import type { AccountScope } from './arns.ts';
import { checkBusName, checkIdentifier, constraintMessage } from './name-validation.ts';
import { validatePutRule } from './rule-validation.ts';
import { validateTargetsRequest, MAX_TARGETS_PER_RULE } from './target-validation.ts';
import { randomId, scheduledEnvelope } from './envelope.ts';
import { RuleScheduler } from './rule-scheduler.ts';
import { TraceStore } from './trace.ts';
import { QueueStore } from './queues.ts';
import { ArchiveStore, type ArchivedEvent } from './archives.ts';
import { ReplayStore } from './replays.ts';
import { BusStore, policyText, ruleShape } from './bus-store.ts';
import type { BusRecord, RuleRecord } from './bus-store.ts';
import { EventRouter } from './event-router.ts';
import { page } from './paging.ts';
import type { PageRequest } from './paging.ts';
import { TagStore } from './resource-tags.ts';
import type { Tag } from './resource-tags.ts';
import type { RegisteredFunction } from './target-invokers.ts';
import { DEFAULT_MAX_HOPS } from './loop-guard.ts';
import { defaultPatternEngine } from './pattern-engine.ts';
import type { PatternEngine } from './pattern-engine.ts';
import { LogsService } from '../logs/logs-service.ts';
import type {
  ArchiveDescription,
  BusClient,
  CreateArchiveRequest,
  EventBusDescription,
  FunctionOptions,
  PutEventsRequestEntry,
  PutEventsResponse,
  PutRuleRequest,
  ReplayDescription,
  RuleDescription,
  RuleRef,
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
  /** Delivers to Lambda functions and SQS queues not registered here (the emulator's other services). */
  external?: (arn: string, payload: string) => Promise<void>;
}

type Paged<K extends string, T> = { [k in K]: T[] } & { NextToken?: string };

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
  private readonly buses: BusStore;
  private readonly functions = new Map<string, RegisteredFunction>();
  private readonly archives = new ArchiveStore();
  private readonly replays = new ReplayStore();
  private readonly tags = new TagStore();
  private readonly router: EventRouter;
  private readonly scheduler: RuleScheduler;

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
    this.buses = new BusStore(this.scope, this.patterns, () => this.clock.now());
    this.router = new EventRouter({
      scope: this.scope,
      clock: this.clock,
      maxHops: this.maxHops,
      buses: this.buses,
      archives: this.archives,
      trace: this.trace,
      logs: this.logs,
      queues: this.queues,
      patterns: this.patterns,
      newId: this.newId,
      findFunction: (arn) => this.functions.get(unqualified(arn)),
      clientFor: (putEvents) => this.clientWith(putEvents),
      ...(opts.external ? { external: opts.external } : {}),
      ...(opts.backoff ? { backoff: opts.backoff } : {}),
    });
    this.scheduler = new RuleScheduler(this.clock);
    this.buses.add('default');
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

  createEventBus(i: { Name: string; Description?: string; Tags?: Tag[] }): { EventBusArn: string; Description?: string } {
    const name = checkBusName(i?.Name);
    if (this.buses.has(name)) throw alreadyExists(`Event bus ${name} already exists.`);
    const bus = this.buses.add(name, i.Description);
    if (i.Tags !== undefined) this.tags.tag(bus.arn, i.Tags, true);
    return { EventBusArn: bus.arn, ...(i.Description !== undefined ? { Description: i.Description } : {}) };
  }

  deleteEventBus(i: { Name: string }): Record<string, never> {
    const name = i?.Name;
    if (name === 'default') throw validationError('Cannot delete event bus default.');
    const bus = this.buses.find(name);
    if (bus) {
      for (const rule of bus.rules.values()) this.forgetRule(rule);
      this.archives.deleteForBus(name);
      this.tags.drop(bus.arn);
      this.buses.delete(name);
    }
    return {};
  }

  describeEventBus(i: { Name?: string } = {}): EventBusDescription & { Policy?: string } {
    return busShape(this.buses.get(i?.Name));
  }

  listEventBuses(i: { NamePrefix?: string } & PageRequest = {}): Paged<'EventBuses', EventBusDescription> {
    const prefix = i?.NamePrefix ?? '';
    const p = page(this.buses.all().filter((b) => b.name.startsWith(prefix)), i ?? {});
    return { EventBuses: p.items.map(busShape), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
  }

  putPermission(i: { EventBusName?: string; Action?: string; Principal?: string; StatementId?: string; Condition?: unknown; Policy?: string }): Record<string, never> {
    const bus = this.buses.get(i?.EventBusName);
    if (i.Policy !== undefined) {
      try {
        JSON.parse(i.Policy);
      } catch {
        throw validationError('Parameter Policy is not valid JSON.');
      }
      bus.policy = i.Policy;
      return {};
    }
    if (i.StatementId === undefined || i.Principal === undefined || i.Action !== 'events:PutEvents') {
      throw validationError('Parameter Action, Principal and StatementId are required, and Action must be events:PutEvents.');
    }
    const principal = i.Principal === '*' ? '*' : { AWS: `arn:aws:iam::${i.Principal}:root` };
    const statement = { Sid: i.StatementId, Effect: 'Allow' as const, Principal: principal, Action: i.Action, Resource: bus.arn, ...(i.Condition !== undefined ? { Condition: i.Condition } : {}) };
    bus.statements = [...bus.statements.filter((s) => s.Sid !== i.StatementId), statement];
    delete bus.policy;
    return {};
  }

  removePermission(i: { StatementId?: string; RemoveAllPermissions?: boolean; EventBusName?: string }): Record<string, never> {
    const bus = this.buses.get(i?.EventBusName);
    if (i.RemoveAllPermissions) {
      bus.statements = [];
      delete bus.policy;
      return {};
    }
    if (!bus.statements.some((s) => s.Sid === i.StatementId)) throw notFoundStatement(i.StatementId);
    bus.statements = bus.statements.filter((s) => s.Sid !== i.StatementId);
    return {};
  }

  // ---------------------------------------------------------------- rules

  putRule(i: PutRuleRequest): { RuleArn: string } {
    const bus = this.buses.get(i?.EventBusName);
    const valid = validatePutRule(i, bus.name, (p) => this.patterns.validate(p));
    const existing = bus.rules.get(i.Name);
    if (existing) this.scheduler.stop(existing.arn);
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
    if (i.Tags !== undefined) this.tags.tag(rule.arn, i.Tags, true);
    this.armSchedule(rule);
    return { RuleArn: rule.arn };
  }

  describeRule(i: RuleRef): RuleDescription {
    return ruleShape(this.buses.rule(i));
  }

  listRules(i: { EventBusName?: string; NamePrefix?: string } & PageRequest = {}): Paged<'Rules', RuleDescription> {
    const bus = this.buses.get(i?.EventBusName);
    const prefix = i?.NamePrefix ?? '';
    const rules = [...bus.rules.values()].filter((r) => r.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
    const p = page(rules, i ?? {});
    return { Rules: p.items.map(ruleShape), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
  }

  /** Names of the rules (on one bus) that have a target with this ARN. */
  listRuleNamesByTarget(i: { TargetArn: string; EventBusName?: string } & PageRequest): Paged<'RuleNames', string> {
    const bus = this.buses.get(i?.EventBusName);
    const names = [...bus.rules.values()].filter((r) => r.targets.some((t) => t.Arn === i.TargetArn)).map((r) => r.name).sort();
    const p = page(names, i);
    return { RuleNames: p.items, ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
  }

  enableRule(i: RuleRef): Record<string, never> {
    const rule = this.buses.rule(i);
    rule.state = 'ENABLED';
    this.armSchedule(rule);
    return {};
  }

  disableRule(i: RuleRef): Record<string, never> {
    const rule = this.buses.rule(i);
    rule.state = 'DISABLED';
    this.scheduler.stop(rule.arn);
    return {};
  }

  deleteRule(i: RuleRef & { Force?: boolean }): Record<string, never> {
    const bus = this.buses.get(i?.EventBusName);
    const rule = bus.rules.get(i?.Name);
    if (!rule) return {}; // AWS treats deleting a missing rule as success
    // Force only applies to rules an AWS service manages; an ordinary rule must lose its targets first.
    const forced = i.Force === true && rule.managedBy !== undefined;
    if (rule.targets.length > 0 && !forced) throw validationError("Rule can't be deleted since it has targets.");
    this.forgetRule(rule);
    bus.rules.delete(rule.name);
    bus.matcher.deleteRule(rule.name);
    return {};
  }

  // ---------------------------------------------------------------- targets

  putTargets(i: { Rule: string; EventBusName?: string; Targets: Target[] }): TargetsResponse {
    const rule = this.buses.rule(ruleRef(i));
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
    const rule = this.buses.rule(ruleRef(i));
    if (!Array.isArray(i.Ids) || i.Ids.length < 1 || i.Ids.length > 100) {
      throw validationError(constraintMessage(`[${String(i.Ids)}]`, 'ids', 'Member must have length between 1 and 100'));
    }
    i.Ids.forEach((id, n) => checkIdentifier(id, `ids.${n + 1}.member`));
    rule.targets = rule.targets.filter((t) => !i.Ids.includes(t.Id));
    return { FailedEntryCount: 0, FailedEntries: [] };
  }

  listTargetsByRule(i: { Rule: string; EventBusName?: string } & PageRequest): Paged<'Targets', Target> {
    const rule = this.buses.rule(ruleRef(i));
    const p = page(rule.targets, i);
    return { Targets: p.items.map((t) => JSON.parse(JSON.stringify(t)) as Target), ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
  }

  // ---------------------------------------------------------------- tags

  tagResource(i: { ResourceARN: string; Tags: Tag[] }): Record<string, never> {
    this.tags.tag(i.ResourceARN, i.Tags, this.holds(i.ResourceARN));
    return {};
  }

  untagResource(i: { ResourceARN: string; TagKeys: string[] }): Record<string, never> {
    this.tags.untag(i.ResourceARN, i.TagKeys, this.holds(i.ResourceARN));
    return {};
  }

  listTagsForResource(i: { ResourceARN: string }): { Tags: Tag[] } {
    return { Tags: this.tags.list(i.ResourceARN, this.holds(i.ResourceARN)) };
  }

  // ---------------------------------------------------------------- events

  putEvents(i: { Entries: PutEventsRequestEntry[]; EndpointId?: string }): PutEventsResponse {
    return this.router.putEvents(i);
  }

  testEventPattern(i: { EventPattern: string; Event: string }): { Result: boolean } {
    let event: unknown;
    try {
      event = JSON.parse(i?.Event);
    } catch {
      throw validationError('Parameter Event is not valid.');
    }
    // AWS's API reference lists these fields of the test event as mandatory.
    const required = ['id', 'account', 'source', 'time', 'region', 'resources', 'detail-type'];
    if (event === null || typeof event !== 'object' || Array.isArray(event) || required.some((k) => !(k in event))) {
      throw validationError('Parameter Event is not valid.');
    }
    const problems = typeof i.EventPattern === 'string' ? this.patterns.validate(i.EventPattern) : [{ path: '', message: 'EventPattern must be JSON text.' }];
    if (problems.length > 0) throw invalidPattern(problems);
    return { Result: this.patterns.matches(i.EventPattern, event) };
  }

  /** Resolves when every delivery attempt now running has finished (retries waiting on the clock do not count). */
  whenIdle(): Promise<void> {
    return this.router.whenIdle();
  }

  // ---------------------------------------------------------------- archives and replay

  createArchive(i: CreateArchiveRequest): { ArchiveArn: string; State: string; CreationTime: Date } {
    const busName = busNameFrom(i?.EventSourceArn);
    if (!i?.EventSourceArn?.startsWith('arn:')) {
      throw validationError('Parameter EventSourceArn is not valid. Reason: EventSourceArn must be an event bus ARN.');
    }
    const bus = this.buses.get(busName);
    this.checkPattern(i.EventPattern);
    const a = this.archives.create(i, archiveArn(this.scope, i.ArchiveName), bus.name, this.clock.now());
    return { ArchiveArn: a.ArchiveArn, State: a.State, CreationTime: a.CreationTime };
  }

  updateArchive(i: { ArchiveName: string; Description?: string; EventPattern?: string; RetentionDays?: number }): { ArchiveArn: string; State: string; CreationTime: Date } {
    this.checkPattern(i.EventPattern);
    const a = this.archives.update(i);
    return { ArchiveArn: a.ArchiveArn, State: a.State, CreationTime: a.CreationTime };
  }

  describeArchive(i: { ArchiveName: string }): ArchiveDescription {
    return this.archives.describe(i?.ArchiveName, this.clock.now());
  }

  listArchives(i: { NamePrefix?: string; EventSourceArn?: string; State?: string } & PageRequest = {}): Paged<'Archives', ArchiveDescription> {
    const p = page(this.archives.list(i?.NamePrefix, i?.EventSourceArn).filter((a) => i?.State === undefined || a.State === i.State), i ?? {});
    return { Archives: p.items, ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
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
        const bus = this.buses.find(busName);
        if (!bus) return;
        this.trace.record({ kind: 'event.put', eventId: event.id, bus: bus.name, message: `replayed ${event['detail-type']} from ${event.source}`, data: event });
        this.router.route(bus, event, {
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

  /**
   * For a durable host (the emulator's --state): `archived` hears every event an archive stores and
   * `replay` every final replay record; `restore*` puts them back at the next start.
   */
  persist(hooks: { archived(archiveName: string, stored: ArchivedEvent): void; replay(record: ReplayDescription): void }): void {
    this.archives.onCapture = hooks.archived;
    this.replays.onRecord = hooks.replay;
  }

  restoreArchived(archiveName: string, stored: ArchivedEvent): void {
    this.archives.restore(archiveName, stored);
  }

  restoreReplay(record: ReplayDescription): void {
    this.replays.restore(record);
  }

  cancelReplay(i: { ReplayName: string }): { ReplayArn: string; State: string; StateReason?: string } {
    return this.replays.cancel(i?.ReplayName);
  }

  describeReplay(i: { ReplayName: string }): ReplayDescription {
    return this.replays.describe(i?.ReplayName);
  }

  listReplays(i: { NamePrefix?: string; State?: string; EventSourceArn?: string } & PageRequest = {}): Paged<'Replays', ReplayDescription> {
    const replays = this.replays.list(i?.NamePrefix).filter((r) => (i?.State === undefined || r.State === i.State) && (i?.EventSourceArn === undefined || r.EventSourceArn === i.EventSourceArn));
    const p = page(replays, i ?? {});
    return { Replays: p.items, ...(p.NextToken ? { NextToken: p.NextToken } : {}) };
  }

  // ---------------------------------------------------------------- internals

  /** The client handlers get: read calls of this service, and the putEvents given. */
  private clientWith(putEvents: BusClient['putEvents']): BusClient {
    return {
      putEvents,
      listRules: (i) => this.listRules(i),
      describeRule: (i) => this.describeRule(i),
      listTargetsByRule: (i) => this.listTargetsByRule(i),
    };
  }

  private checkPattern(pattern: string | undefined): void {
    if (pattern === undefined) return;
    const problems = this.patterns.validate(pattern);
    if (problems.length > 0) throw invalidPattern(problems);
  }

  private holds(arn: string): boolean {
    return this.buses.holdsArn(arn) || this.archives.findByArn(arn) !== undefined;
  }

  private forgetRule(rule: RuleRecord): void {
    this.scheduler.stop(rule.arn);
    this.tags.drop(rule.arn);
  }

  private armSchedule(rule: RuleRecord): void {
    if (!rule.schedule || rule.state !== 'ENABLED') return this.scheduler.stop(rule.arn);
    this.scheduler.start(rule.arn, rule.schedule, rule.createdAt, () => this.fireSchedule(rule));
  }

  private fireSchedule(rule: RuleRecord): void {
    const bus = this.buses.find(rule.busName);
    if (!bus || bus.rules.get(rule.name) !== rule || rule.state !== 'ENABLED') return;
    const now = this.clock.now();
    const event = scheduledEnvelope(rule.arn, this.scope, now, this.newId());
    this.trace.record({ kind: 'schedule.fired', eventId: event.id, bus: bus.name, rule: rule.name, message: `${rule.scheduleExpression} fired`, data: event });
    this.router.fanOut(rule, event, { chain: [], ingestedAt: now });
  }
}

function ruleRef(i: { Rule: string; EventBusName?: string }): RuleRef {
  return { Name: i?.Rule, ...(i?.EventBusName !== undefined ? { EventBusName: i.EventBusName } : {}) };
}

function notFoundStatement(id: string | undefined): Error {
  return notFound(`Statement with the provided id ${String(id)} does not exist.`);
}

function unqualified(arn: string): string {
  // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER] -> without the qualifier
  return arn.split(':').slice(0, 7).join(':');
}

function busShape(bus: BusRecord): EventBusDescription & { Policy?: string } {
  const policy = policyText(bus);
  return {
    Name: bus.name,
    Arn: bus.arn,
    ...(bus.description !== undefined ? { Description: bus.description } : {}),
    ...(policy !== undefined ? { Policy: policy } : {}),
    CreationTime: new Date(bus.creationTime),
    LastModifiedTime: new Date(bus.lastModifiedTime),
  };
}
