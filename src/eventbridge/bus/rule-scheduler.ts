// Timers for scheduled rules: one pending timer per rule, re-armed after each firing.
import type { Clock } from './clock.ts';
import { nextFireTime } from './schedule-expression.ts';
import type { Schedule } from './schedule-expression.ts';

export class RuleScheduler {
  private readonly clock: Clock;
  private readonly timers = new Map<string, unknown>();

  constructor(clock: Clock) {
    this.clock = clock;
  }

  /**
   * (Re)starts the schedule for `key`: `fire` runs at each due time until `stop(key)`.
   * Rates count from `anchor` (the rule's creation time).
   */
  start(key: string, schedule: Schedule, anchor: number, fire: () => void): void {
    this.stop(key);
    const now = this.clock.now();
    const at = nextFireTime(schedule, now, anchor);
    if (at === undefined) return; // a cron whose years are all past
    this.timers.set(
      key,
      this.clock.setTimeout(() => {
        this.timers.delete(key);
        fire();
        this.start(key, schedule, anchor, fire);
      }, at - now),
    );
  }

  stop(key: string): void {
    const handle = this.timers.get(key);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.timers.delete(key);
  }
}
