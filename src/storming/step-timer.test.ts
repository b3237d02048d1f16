import { describe, expect, it } from 'vitest';
import { formatRemaining, StepTimers } from './step-timer.ts';
import { STEPS } from './steps.ts';

describe('step timers', () => {
  it('counts down per step, pauses, resumes and resets', () => {
    const t = new StepTimers();
    expect(t.remainingMs(1, 0)).toBe(STEPS[0]!.minutes * 60_000);
    t.start(1, 1000);
    expect(t.running(1)).toBe(true);
    expect(t.remainingMs(1, 61_000)).toBe(STEPS[0]!.minutes * 60_000 - 60_000);
    t.pause(1, 61_000);
    expect(t.remainingMs(1, 999_999)).toBe(STEPS[0]!.minutes * 60_000 - 60_000);
    expect(t.running(2)).toBe(false);
    expect(t.remainingMs(2, 5000)).toBe(STEPS[1]!.minutes * 60_000);
    t.reset(1);
    expect(t.remainingMs(1, 0)).toBe(STEPS[0]!.minutes * 60_000);
  });

  it('formats minutes and seconds, and overrun', () => {
    expect(formatRemaining(725_000)).toBe('12:05');
    expect(formatRemaining(-30_500)).toBe('−0:30');
  });
});
