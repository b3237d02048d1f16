// A record of every step the bus takes, with monotonic ids, live listeners and JSON export.

import type { CausalChain } from './loop-guard.ts';
import type { MessageAttributeValue } from './queues.ts';
import type { EventEnvelope } from './types.ts';

/** What each kind of step carries in `data` (nothing for kinds not listed with data). */
interface TraceData {
  'event.put': { data: EventEnvelope }; // an entry accepted onto a bus
  'event.rejected': { data: { entry: unknown } }; // an entry failed PutEvents validation
  'event.dropped': { data?: undefined }; // accepted but not routed (unknown bus, bus-hop limit)
  'event.forwarded': { data?: undefined }; // a rule's event-bus target passed the event to another bus
  'rules.matched': { data: { rules: string[]; disabled: string[] } }; // which rules on the bus matched (possibly none)
  'schedule.fired': { data: EventEnvelope }; // a scheduled rule produced its event
  'target.input': { data: { payload: string } }; // the payload a target will receive (after Input/InputPath/InputTransformer)
  'attempt.start': { data?: undefined };
  'attempt.succeeded': { data?: undefined };
  'attempt.failed': { data: { code: string; retryable: boolean } };
  'retry.scheduled': { data: { delayMs: number; at: string } };
  /** Retries exhausted, error not retryable, input not deliverable, or the dead-letter queue failed. */
  'delivery.failed': { data?: { code: string; message: string; condition: string; attempts: number } };
  'dlq.sent': { data: { attributes: Record<string, MessageAttributeValue> } };
  'archive.stored': { data?: undefined };
  'replay.started': { data: { replay: string } };
  'replay.completed': { data: { replay: string } };
  'loop.warning': { data: { chain: CausalChain; cycle: CausalChain | undefined; maxHops: number } }; // a causal chain passed the hop limit
}

export type TraceKind = keyof TraceData;

interface TraceBase {
  id: number;
  time: string;
  eventId?: string;
  bus?: string;
  rule?: string;
  targetId?: string;
  targetArn?: string;
  attempt?: number;
  /** For events put by a handler: the id of the event whose delivery caused this one. */
  causedBy?: string;
  message: string;
}

/** One step of the bus: a union on `kind`, so `data` has the shape its kind gives it. */
export type TraceEntry = { [K in TraceKind]: TraceBase & { kind: K } & TraceData[K] }[TraceKind];

/** What record() takes: an entry without the id and time the store assigns. */
export type TraceInput = TraceEntry extends infer E ? (E extends TraceEntry ? Omit<E, 'id' | 'time'> : never) : never;

export type TraceListener = (entry: TraceEntry) => void;

export class TraceStore {
  private readonly entries: TraceEntry[] = [];
  private readonly listeners = new Set<TraceListener>();
  private nextId = 1;
  private lastMs = Number.NaN;
  private lastIso = '';
  private readonly now: () => number;
  /** Entries kept (the store may briefly hold up to 10% more before trimming). */
  readonly limit: number;

  constructor(now: () => number, limit = 10_000) {
    this.now = now;
    this.limit = limit;
  }

  record(entry: TraceInput): TraceEntry {
    const now = this.now();
    // Many steps share one instant (always so on a ManualClock): format each instant once.
    if (now !== this.lastMs) {
      this.lastMs = now;
      this.lastIso = new Date(now).toISOString();
    }
    const full = { id: this.nextId++, time: this.lastIso, ...entry } as TraceEntry;
    this.entries.push(full);
    // Keep memory bounded in long-running labs: drop the oldest entries in chunks (10% of the limit at a
    // time) so a full store does not shift the whole array on every record.
    if (this.entries.length > this.limit + Math.ceil(this.limit / 10)) this.entries.splice(0, this.entries.length - this.limit);
    for (const l of this.listeners) {
      try {
        l(full);
      } catch {
        // A broken listener (e.g. a closed lab page) must not break delivery.
      }
    }
    return full;
  }

  /** Calls `listener` for every new entry; returns an unsubscribe function. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  all(): TraceEntry[] {
    return this.entries.slice();
  }

  forEvent(eventId: string): TraceEntry[] {
    return this.entries.filter((e) => e.eventId === eventId);
  }

  ofKind<K extends TraceKind>(kind: K): Extract<TraceEntry, { kind: K }>[] {
    return this.entries.filter((e): e is Extract<TraceEntry, { kind: K }> => e.kind === kind);
  }

  clear(): void {
    this.entries.length = 0;
  }

  toJSON(): TraceEntry[] {
    return this.all();
  }
}
