// The facilitator's timer: one countdown per step, started, paused and reset independently. Pure: the
// caller passes the time, so tests need no clock.
import { STEPS } from './steps.ts';

interface Countdown { remainingMs: number; startedAt?: number }

export class StepTimers {
  private timers = new Map<number, Countdown>();

  private get(step: number): Countdown {
    let t = this.timers.get(step);
    if (!t) {
      t = { remainingMs: (STEPS[step - 1]?.minutes ?? 10) * 60_000 };
      this.timers.set(step, t);
    }
    return t;
  }

  running(step: number): boolean {
    return this.get(step).startedAt !== undefined;
  }

  remainingMs(step: number, now: number): number {
    const t = this.get(step);
    return t.startedAt === undefined ? t.remainingMs : t.remainingMs - (now - t.startedAt);
  }

  start(step: number, now: number): void {
    const t = this.get(step);
    if (t.startedAt === undefined) t.startedAt = now;
  }

  pause(step: number, now: number): void {
    const t = this.get(step);
    if (t.startedAt === undefined) return;
    t.remainingMs -= now - t.startedAt;
    delete t.startedAt;
  }

  reset(step: number): void {
    this.timers.delete(step);
  }
}

/** "12:05", or "−0:30" once time is up (the room sees it has overrun). */
export function formatRemaining(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
