import { describe, expect, it } from 'vitest';
import { progressBar } from './progress-bar.ts';

describe('progressBar', () => {
  it('redraws one line on a terminal and writes a few plain lines elsewhere', () => {
    let tty = '';
    const bar = progressBar({ isTTY: true, write: (s) => (tty += s) });
    bar(1, 4);
    bar(4, 4);
    expect(tty).toBe(`\rgrading [${'#'.repeat(8)}${'.'.repeat(22)}] 1/4\rgrading [${'#'.repeat(30)}] 4/4\n`);
    const plain: string[] = [];
    const log = progressBar({ write: (s) => plain.push(s) });
    for (let i = 1; i <= 100; i++) log(i, 100);
    expect(plain.length).toBeLessThanOrEqual(11);
    expect(plain.at(-1)).toBe('grading: 100 of 100 labs re-run\n');
  });
});
