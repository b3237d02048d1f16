import { describe, expect, it } from 'vitest';
import { runPool } from './pool.ts';

describe('runPool', () => {
  it('keeps at most `limit` tasks in flight and settles every one, failures included', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    const results = await runPool([1, 2, 3, 4, 5], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (n === 3) throw new Error('broken');
      return n * 10;
    }, (done) => seen.push(done));
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
