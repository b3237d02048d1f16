// Retention and the memory cap of the Logs model: the retention periods PutRetentionPolicy accepts, and a
// FIFO of retained events so the oldest are dropped once the configured count or bytes are reached.
import { invalidParameter } from './logs-errors.ts';
import type { OutputLogEvent } from './logs-types.ts';

/** The values AWS's API reference lists for retentionInDays. */
export const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export function checkRetention(days: unknown): number {
  if (typeof days !== 'number' || !(RETENTION_DAYS as readonly number[]).includes(days)) {
    throw invalidParameter(`1 validation error detected: Value '${String(days)}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${RETENTION_DAYS.join(', ')}]`);
  }
  return days;
}

/** AWS counts 26 bytes of overhead per event. */
export function eventBytes(message: string): number {
  let n = 26;
  for (let k = 0; k < message.length; k++) {
    const c = message.charCodeAt(k);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) { n += 4; k++; } // a surrogate pair is one 4-byte character
    else n += 3;
  }
  return n;
}

export interface RetainedStream {
  events: OutputLogEvent[];
  /** Index of the first live event (dropped events are cut off in chunks, not shifted one by one). */
  head: number;
  bytes: number;
  alive: boolean;
}

export interface RetentionCaps {
  maxEvents: number;
  maxBytes: number;
}

/** Default caps: enough for any lab, small enough that a long PutEvents run cannot exhaust the heap. */
export const DEFAULT_CAPS: RetentionCaps = { maxEvents: 200_000, maxBytes: 64 * 1024 * 1024 };

export class RetainedEvents {
  readonly caps: RetentionCaps;
  private order: RetainedStream[] = [];
  private orderHead = 0;
  count = 0;
  bytes = 0;
  /** Events dropped at the cap since start (reported by the emulator). */
  dropped = 0;

  constructor(caps: RetentionCaps) {
    this.caps = caps;
  }

  /** Notes one event appended to `stream`, then drops the oldest retained events while over a cap. */
  added(stream: RetainedStream, bytes: number, onDrop: (s: RetainedStream, e: OutputLogEvent, bytes: number) => void): void {
    this.order.push(stream);
    this.count++;
    this.bytes += bytes;
    while ((this.count > this.caps.maxEvents || this.bytes > this.caps.maxBytes) && this.orderHead < this.order.length) {
      const s = this.order[this.orderHead++] as RetainedStream;
      if (!s.alive || s.head >= s.events.length) continue;
      const e = s.events[s.head] as OutputLogEvent;
      s.head++;
      const b = eventBytes(e.message);
      this.removed(b);
      this.dropped++;
      onDrop(s, e, b);
      compact(s);
    }
    if (this.orderHead > 4096 && this.orderHead * 2 > this.order.length) {
      this.order = this.order.slice(this.orderHead);
      this.orderHead = 0;
    }
  }

  /** Rebuilds the FIFO when entries for events removed otherwise (retention, deletes) pile up in it. */
  prune(streams: () => Iterable<RetainedStream>): void {
    if (this.order.length - this.orderHead <= 2 * this.count + 4096) return;
    const order: RetainedStream[] = [];
    for (const s of streams()) for (let k = s.head; k < s.events.length; k++) order.push(s);
    this.order = order;
    this.orderHead = 0;
  }

  removed(bytes: number, n = 1): void {
    this.count -= n;
    this.bytes -= bytes;
  }
}

/** Cuts dropped events off the front of the array once they are a large share of it. */
export function compact(s: RetainedStream): void {
  if (s.head > 1024 && s.head * 2 > s.events.length) {
    s.events = s.events.slice(s.head);
    s.head = 0;
  }
}
