import { describe, expect, it } from 'vitest';
import { ManualClock } from './manual-clock.ts';

describe('ManualClock', () => {
  it('runs due timers in time order, ties in creation order, and only when advanced', async () => {
    const clock = new ManualClock(0);
    const order: string[] = [];
    clock.setTimeout(() => order.push('b@20'), 20);
    clock.setTimeout(() => order.push('a@10'), 10);
    clock.setTimeout(() => order.push('c@20'), 20);
    const cancelled = clock.setTimeout(() => order.push('never'), 5);
    clock.clearTimeout(cancelled);
    await clock.advance(15);
    expect(order).toEqual(['a@10']);
    expect(clock.now()).toBe(15);
    await clock.advance(5);
    expect(order).toEqual(['a@10', 'b@20', 'c@20']);
  });
  it('runs timers scheduled by timers, at their own time', async () => {
    const clock = new ManualClock('2025-01-01T00:00:00Z');
    const times: number[] = [];
    const tick = (): void => {
      times.push(clock.now());
      if (times.length < 3) clock.setTimeout(tick, 1000);
    };
    clock.setTimeout(tick, 1000);
    await clock.runAll();
    expect(times.map((t) => t - Date.parse('2025-01-01T00:00:00Z'))).toEqual([1000, 2000, 3000]);
    expect(clock.pending()).toBe(0);
  });
  it('lets async work started by a timer finish before the next one', async () => {
    const clock = new ManualClock(0);
    const order: string[] = [];
    clock.setTimeout(async () => {
      await Promise.resolve();
      order.push('async done');
    }, 1);
    clock.setTimeout(() => order.push('second'), 2);
    await clock.advance(2);
    expect(order).toEqual(['async done', 'second']);
  });
  it('rejects bad input', async () => {
    expect(() => new ManualClock('not a date')).toThrow(/not a valid date/);
    await expect(new ManualClock(0).advance(-1)).rejects.toThrow(/non-negative/);
  });
});
