// A clock that only moves when told to: tests and labs run retries and schedules instantly and in order.
import type { Clock } from './clock.ts';

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

/** Lets queued promise callbacks (async handlers) run before the next timer fires. */
const settle = (): Promise<void> => new Promise((resolve) => globalThis.setTimeout(resolve, 0));

export class ManualClock implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(start: number | string | Date = Date.UTC(2025, 0, 1)) {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new Error(`ManualClock: start time ${String(start)} is not a valid date`);
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ id, due: this.current + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /** Number of timers still waiting. */
  pending(): number {
    return this.timers.length;
  }

  /** Time of the next timer, if any. */
  nextDue(): number | undefined {
    return this.earliest()?.due;
  }

  /** Moves time forward by `ms`, running every timer that falls due, earliest first (ties in creation order). */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new Error(`ManualClock.advance: ms must be a non-negative number, got ${ms}`);
    const target = this.current + ms;
    await settle();
    for (;;) {
      const next = this.earliest();
      if (!next || next.due > target) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = next.due;
      next.fn();
      await settle();
    }
    this.current = target;
  }

  /** Sets the absolute time (forwards only), running due timers. */
  async advanceTo(time: number | string | Date): Promise<void> {
    const t = new Date(time).getTime();
    await this.advance(Math.max(0, t - this.current));
  }

  /** Runs timers until none are left (bounded, so a self-rescheduling schedule cannot spin forever). */
  async runAll(maxTimers = 10_000): Promise<void> {
    for (let n = 0; n < maxTimers; n++) {
      const next = this.earliest();
      if (!next) return;
      await this.advance(next.due - this.current);
    }
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers) if (!best || t.due < best.due || (t.due === best.due && t.id < best.id)) best = t;
    return best;
  }
}
