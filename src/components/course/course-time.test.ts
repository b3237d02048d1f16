import { describe, expect, it } from 'vitest';
import { courseTime, formatMinutes } from './course-time.ts';

describe('course time', () => {
  it('formats minutes as hours and minutes', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(125)).toBe('2 h 05 min');
  });

  it('adds lessons and labs, and says when a lesson has no estimate', () => {
    expect(courseTime([10, 20], [30])).toBe('The whole course takes about 1 h 00 min: 2 lessons, about 30 min, and 1 lab, about 30 min.');
    expect(courseTime([10, undefined], [])).toMatch(/2 lessons \(1 without an estimate\), about 10 min/);
  });
});
