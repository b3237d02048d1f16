// The EventBridge and CloudWatch Logs services behind the emulator, one pair per region, shared by the
// two endpoints: EventBridge log-group targets write into the same region's Logs service, and Lambda and
// SQS targets (and dead-letter queues) go to the emulator's other endpoints through ctx.deliver.
import { EventBridgeService, systemClock, type Clock } from '../eventbridge/bus/index.ts';
import { LogsService } from '../eventbridge/logs/index.ts';
import type { StoredLogEvent } from '../eventbridge/logs/logs-service.ts';
import type { ArchivedEvent } from '../eventbridge/bus/archives.ts';
import type { ReplayDescription } from '../eventbridge/bus/types.ts';
import type { RetentionCaps } from '../eventbridge/logs/log-retention.ts';
import type { EmulatorContext } from './service-endpoint.ts';

export interface CoreOptions {
  /** Caps on retained log events (count and bytes) per region; past them the oldest are dropped. */
  logCaps?: Partial<RetentionCaps>;
  clock?: Clock;
  /** True when calls are journaled (--state): stored log events are then journaled as they are stored. */
  durable?: boolean;
}

/** A journaled log event: written for every event stored, replayed without repeats. */
export interface LogAppendEntry {
  region: string;
  append: StoredLogEvent;
}

/** A journaled archived event or final replay record: archives and replays survive a restart. */
export type ArchiveEntry = { region: string; archived: { archive: string; stored: ArchivedEvent } } | { region: string; replay: ReplayDescription };

export function isArchiveEntry(v: unknown): v is ArchiveEntry {
  if (typeof v !== 'object' || v === null || typeof (v as { region?: unknown }).region !== 'string') return false;
  const e = v as Partial<{ archived: { archive?: unknown; stored?: unknown }; replay: { ReplayName?: unknown } }>;
  return (typeof e.archived === 'object' && typeof e.archived?.archive === 'string' && typeof e.archived.stored === 'object') || (typeof e.replay === 'object' && typeof e.replay?.ReplayName === 'string');
}

export class CoreRegions {
  private readonly regions = new Map<string, EventBridgeService>();
  private readonly pending = new Map<string, Set<Promise<void>>>();
  private readonly ctx: EmulatorContext;
  private readonly opts: CoreOptions;
  private readonly clock: Clock;
  /** Set while the journal is replayed, so replayed events are not journaled again. */
  replaying = false;

  constructor(ctx: EmulatorContext, opts: CoreOptions) {
    this.ctx = ctx;
    this.opts = opts;
    this.clock = opts.clock ?? systemClock();
  }

  events(region: string): EventBridgeService {
    let svc = this.regions.get(region);
    if (svc === undefined) {
      const logs = new LogsService({ region, account: this.ctx.accountId, now: () => this.clock.now(), ...(this.opts.logCaps ? { caps: this.opts.logCaps } : {}) });
      svc = new EventBridgeService({ region, account: this.ctx.accountId, clock: this.clock, logs, external: (arn, payload) => this.ctx.deliver(arn, payload) });
      if (this.opts.durable) {
        logs.onAppend = (append) => this.journalStored('logs', region, { region, append } satisfies LogAppendEntry);
        svc.persist({
          archived: (archive, stored) => this.journalStored('events', region, { region, archived: { archive, stored } } satisfies ArchiveEntry),
          replay: (replay) => this.journalStored('events', region, { region, replay } satisfies ArchiveEntry),
        });
      }
      logs.onCapReached = (caps) => this.ctx.log(
        `CloudWatch Logs in ${region}: the retained log events reached the cap (${caps.maxEvents} events or ${Math.round(caps.maxBytes / 1048576)} MB); from now on the oldest are dropped as new ones arrive (--max-log-events, --max-log-mb)`,
      );
      this.regions.set(region, svc);
    }
    return svc;
  }

  logs(region: string): LogsService {
    return this.events(region).logs;
  }

  all(): IterableIterator<[string, EventBridgeService]> {
    return this.regions.entries();
  }

  /** Resolves once every log event, archived event and replay record stored so far in the region is on disk. */
  async stored(region: string): Promise<void> {
    const set = this.pending.get(region);
    if (set !== undefined && set.size > 0) await Promise.all([...set]);
  }

  private journalStored(endpoint: 'logs' | 'events', region: string, entry: LogAppendEntry | ArchiveEntry): void {
    if (this.replaying) return;
    let set = this.pending.get(region);
    if (set === undefined) this.pending.set(region, (set = new Set()));
    const p: Promise<void> = this.ctx.journal(endpoint, entry).finally(() => set.delete(p));
    set.add(p);
    p.catch(() => undefined); // the call waiting on it reports the failure
  }
}
