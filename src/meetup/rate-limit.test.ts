import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('lets a burst through, then the refill rate, per key', () => {
    let now = 0;
    const rl = new RateLimiter(2, 3, () => now);
    expect([rl.take('a'), rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([true, true, true, false]);
    expect(rl.take('b')).toBe(true);
    now = 500;
    expect([rl.take('a'), rl.take('a')]).toEqual([true, false]);
  });
});
