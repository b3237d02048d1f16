// A record of every step the bus takes, with monotonic ids, live listeners and JSON export.

export type TraceKind =
  | 'event.put' // an entry accepted onto a bus
  | 'event.rejected' // an entry failed PutEvents validation
  | 'event.dropped' // accepted but not routed (unknown bus, bus-hop limit)
  | 'event.forwarded' // a rule's event-bus target passed the event to another bus
  | 'rules.matched' // which rules on the bus matched (possibly none)
  | 'schedule.fired' // a scheduled rule produced its event
  | 'target.input' // the payload a target will receive (after Input/InputPath/InputTransformer)
  | 'attempt.start'
  | 'attempt.succeeded'
  | 'attempt.failed'
  | 'retry.scheduled'
  | 'delivery.failed' // retries exhausted or error not retryable
  | 'dlq.sent'
  | 'archive.stored'
  | 'replay.started'
  | 'replay.completed'
  | 'loop.warning'; // a causal chain passed the hop limit and was stopped

export interface TraceEntry {
  id: number;
  time: string;
  kind: TraceKind;
  eventId?: string;
  bus?: string;
  rule?: string;
  targetId?: string;
  targetArn?: string;
  attempt?: number;
  /** For events put by a handler: the id of the event whose delivery caused this one. */
  causedBy?: string;
  message: string;
  data?: unknown;
}

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

  record(entry: Omit<TraceEntry, 'id' | 'time'>): TraceEntry {
    const now = this.now();
    // Many steps share one instant (always so on a ManualClock): format each instant once.
    if (now !== this.lastMs) {
      this.lastMs = now;
      this.lastIso = new Date(now).toISOString();
    }
    const full: TraceEntry = { id: this.nextId++, time: this.lastIso, ...entry };
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

  ofKind(kind: TraceKind): TraceEntry[] {
    return this.entries.filter((e) => e.kind === kind);
  }

  clear(): void {
    this.entries.length = 0;
  }

  toJSON(): TraceEntry[] {
    return this.all();
  }
}
