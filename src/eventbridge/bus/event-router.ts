// The data plane of the bus: accepts PutEvents entries, archives, matches and fans events out to targets,
// and gives handlers a BusClient whose putEvents carries the causal chain (loop detection).
import { busNameFrom, parseTargetArn } from './arns.ts';
import type { AccountScope } from './arns.ts';
import type { BusRecord, BusStore, RuleRecord } from './bus-store.ts';
import type { ArchiveStore } from './archives.ts';
import type { Clock } from './clock.ts';
import { DeliveryError, DeliveryRunner } from './delivery.ts';
import type { DeliveryJob } from './delivery.ts';
import { buildEnvelope, isoSeconds } from './envelope.ts';
import { describeChain, exceedsHopLimit, extendChain, repeatingCycle } from './loop-guard.ts';
import type { CausalChain } from './loop-guard.ts';
import type { PatternEngine } from './pattern-engine.ts';
import { validateEntry, validateRequest } from './put-events-validation.ts';
import type { QueueStore } from './queues.ts';
import { invokeTarget } from './target-invokers.ts';
import type { InvokerDeps, RegisteredFunction } from './target-invokers.ts';
import type { TraceStore } from './trace.ts';
import { transformInput } from '../input/transform-input.ts';
import type { LogsService } from '../logs/logs-service.ts';
import type { BusClient, EventEnvelope, HandlerContext, PutEventsRequestEntry, PutEventsResponse, PutEventsResultEntry } from './types.ts';

export interface RouteOptions {
  chain: CausalChain;
  /** Set when the event arrived from another bus (EventBridge forwards across buses only once). */
  fromBus?: string;
  replayName?: string;
  filterRuleArns?: string[];
  ingestedAt: number;
}

export interface RouterDeps {
  scope: AccountScope;
  clock: Clock;
  maxHops: number;
  buses: BusStore;
  archives: ArchiveStore;
  trace: TraceStore;
  logs: LogsService;
  queues: QueueStore;
  patterns: PatternEngine;
  newId: () => string;
  findFunction(arn: string): RegisteredFunction | undefined;
  /** The client a handler gets: the service's read calls with this putEvents. */
  clientFor(putEvents: BusClient['putEvents']): BusClient;
  external?: (arn: string, payload: string) => Promise<void>;
  backoff?: (retry: number) => number;
}

export class EventRouter {
  private readonly deps: RouterDeps;
  private readonly delivery: DeliveryRunner;
  /** Cause of the handler currently running synchronously (for handlers that call the service directly). */
  private ambientChain: CausalChain | undefined;

  constructor(deps: RouterDeps) {
    this.deps = deps;
    const invokerDeps = this.invokerDeps();
    this.delivery = new DeliveryRunner({
      clock: deps.clock,
      trace: deps.trace,
      invoke: (job, attempt) => invokeTarget(invokerDeps, job, attempt),
      sendToDlq: (arn, body, attributes) => {
        if (deps.queues.hasQueue(arn)) {
          deps.queues.sendMessage(arn, body, attributes);
          return undefined;
        }
        if (deps.external !== undefined) return deps.external(arn, body);
        throw new Error(`queue ${arn} does not exist`);
      },
      ...(deps.backoff ? { backoff: deps.backoff } : {}),
    });
  }

  whenIdle(): Promise<void> {
    return this.delivery.whenIdle();
  }

  /** PutEvents from a caller outside any handler, or from a handler calling the service directly. */
  putEvents(i: { Entries: PutEventsRequestEntry[] }): PutEventsResponse {
    return this.putEventsWithCause(i, this.ambientChain ?? []);
  }

  putEventsWithCause(i: { Entries: PutEventsRequestEntry[] }, chain: CausalChain): PutEventsResponse {
    const { trace, clock, scope } = this.deps;
    const entries = i?.Entries;
    validateRequest(entries);
    const now = clock.now();
    let failed = 0;
    const results: PutEventsResultEntry[] = entries.map((entry) => {
      const problem = validateEntry(entry);
      if (problem) {
        failed++;
        trace.record({ kind: 'event.rejected', message: `${problem.ErrorCode}: ${problem.ErrorMessage}`, data: { entry } });
        return problem;
      }
      const event = buildEnvelope(entry, scope, now, this.deps.newId());
      const busName = busNameFrom(entry.EventBusName);
      const cause = chain.at(-1)?.eventId;
      trace.record({ kind: 'event.put', eventId: event.id, bus: busName, ...(cause ? { causedBy: cause } : {}), message: `${event['detail-type']} from ${event.source}`, data: event });
      const bus = this.deps.buses.find(busName);
      if (!bus) {
        // AWS accepts the entry and silently drops it; the trace says why nothing happened.
        trace.record({ kind: 'event.dropped', eventId: event.id, bus: busName, message: `event bus ${busName} does not exist; the event was dropped` });
        return { EventId: event.id };
      }
      if (chain.length > 0 && exceedsHopLimit(chain, this.deps.maxHops)) {
        this.recordLoop(event, chain, busName);
        return { EventId: event.id };
      }
      this.route(bus, event, { chain, ingestedAt: now });
      return { EventId: event.id };
    });
    return { FailedEntryCount: failed, Entries: results };
  }

  /** Archives, matches and fans the event out to the targets of every enabled matching rule. */
  route(bus: BusRecord, event: EventEnvelope, opts: RouteOptions): void {
    const { trace, archives, patterns, clock } = this.deps;
    if (!opts.replayName) {
      const stored = archives.capture(bus.name, event, clock.now(), (p, e) => patterns.matches(p, e));
      if (stored.length > 0) trace.record({ kind: 'archive.stored', eventId: event.id, bus: bus.name, message: `archived in ${stored.join(', ')}` });
    }
    const names = bus.matcher.matchingRules(event);
    const rules = names
      .map((n) => bus.rules.get(n))
      .filter((r): r is RuleRecord => r !== undefined && r.state === 'ENABLED')
      .filter((r) => !opts.filterRuleArns || opts.filterRuleArns.includes(r.arn));
    const disabled = names.filter((n) => bus.rules.get(n)?.state === 'DISABLED');
    trace.record({
      kind: 'rules.matched',
      eventId: event.id,
      bus: bus.name,
      message: rules.length ? `matched ${rules.map((r) => r.name).join(', ')}` : 'no enabled rule matched',
      data: { rules: rules.map((r) => r.name), disabled },
    });
    for (const rule of rules) this.fanOut(rule, event, opts);
  }

  fanOut(rule: RuleRecord, event: EventEnvelope, opts: RouteOptions): void {
    const { trace } = this.deps;
    for (const target of rule.targets) {
      const base = { eventId: event.id, bus: rule.busName, rule: rule.name, targetId: target.Id, targetArn: target.Arn };
      if (opts.fromBus && parseTargetArn(target.Arn).kind === 'event-bus') {
        trace.record({ kind: 'event.dropped', ...base, message: `not forwarded: the event came from bus ${opts.fromBus}, and EventBridge does not route an event from a sender bus on to a third bus` });
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
        trace.record({ kind: 'delivery.failed', ...base, message: `input transformation failed: ${(e as Error).message}` });
        continue;
      }
      trace.record({ kind: 'target.input', ...base, message: payload.length > 200 ? `${payload.slice(0, 200)}…` : payload, data: { payload } });
      this.delivery.start({ event, payload, busName: rule.busName, ruleName: rule.name, ruleArn: rule.arn, target, chain: opts.chain, ingestedAt: opts.ingestedAt });
    }
  }

  private recordLoop(event: EventEnvelope, chain: CausalChain, busName: string): void {
    const cycle = repeatingCycle(chain);
    const path = describeChain(chain, event['detail-type']);
    this.deps.trace.record({
      kind: 'loop.warning',
      eventId: event.id,
      bus: busName,
      message: `Loop stopped after ${chain.length} hops (limit ${this.deps.maxHops}): ${path}` + (cycle ? `. Repeating: ${describeChain(cycle, cycle[0]!.detailType)}` : ''),
      data: { chain, cycle, maxHops: this.deps.maxHops },
    });
  }

  private hopFor(job: DeliveryJob): CausalChain {
    const arn = parseTargetArn(job.target.Arn);
    const handler = arn.kind === 'lambda' ? `fn ${arn.name}` : arn.kind === 'event-bus' ? `bus ${arn.name}` : `target ${job.target.Id}`;
    return extendChain(job.chain, { eventId: job.event.id, detailType: job.event['detail-type'], rule: job.ruleName, handler });
  }

  private invokerDeps(): InvokerDeps {
    const d = this.deps;
    return {
      clock: d.clock,
      logs: d.logs,
      queues: d.queues,
      findFunction: (arn) => d.findFunction(arn),
      ...(d.external !== undefined ? { external: d.external } : {}),
      handlerContext: (job, attempt): HandlerContext => {
        const chain = this.hopFor(job);
        return {
          bus: d.clientFor((i) => this.putEventsWithCause(i, chain)),
          ruleName: job.ruleName,
          ruleArn: job.ruleArn,
          targetId: job.target.Id,
          attempt,
          eventId: job.event.id,
        };
      },
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
        const bus = d.buses.find(busName);
        if (!bus) throw new DeliveryError('NO_RESOURCE', `Event bus ${busName} does not exist.`, false);
        d.trace.record({ kind: 'event.forwarded', eventId: job.event.id, bus: busName, rule: job.ruleName, targetId: job.target.Id, targetArn: job.target.Arn, message: `forwarded from bus ${job.busName} to bus ${busName}` });
        this.route(bus, job.event, { chain: this.hopFor(job), fromBus: job.busName, ingestedAt: d.clock.now() });
      },
    };
  }
}
