import { describe, expect, it } from 'vitest';
import { nextFireTime, parseScheduleExpression } from './schedule-expression.ts';
import { EventBridgeError } from './errors.ts';

const at = (iso: string): number => Date.parse(iso);
const next = (expr: string, after: string): string | undefined => {
  const t = nextFireTime(parseScheduleExpression(expr), at(after));
  return t === undefined ? undefined : new Date(t).toISOString();
};

describe('parseScheduleExpression', () => {
  it.each(['rate(1 minute)', 'rate(5 minutes)', 'rate(1 hour)', 'rate(12 hours)', 'rate(1 day)', 'rate(7 days)'])('accepts %s', (e) => {
    expect(parseScheduleExpression(e).kind).toBe('rate');
  });
  it.each([
    'rate(10 seconds)',
    'rate(10 years)',
    'rate(1 minutes)',
    'rate(1 hours)',
    'rate(1 days)',
    'rate(10 minute)',
    'rate(10 hour)',
    'rate()',
    'rate(10)',
    'rate(foo minutes)',
    'rate(0 minutes)',
    'rate(-10 minutes)',
    'rate(10 MINUTES)',
    'rate( 10 minutes )',
    ' rate(10 minutes)',
    'every 5 minutes',
    'cron(0 12 * * *)',
    'cron(0 12 * * * *)',
    'cron(0 12 ? * ? *)',
    'cron(60 12 * * ? *)',
    'cron(0 24 * * ? *)',
    'cron(0 12 32 * ? *)',
    'cron(0 12 * 13 ? *)',
    'cron(0 12 ? * 8 *)',
    'cron(0 12 * * ? 1969)',
    'cron(0 12 5-1 * ? *)',
  ])('rejects %s with AWS message', (e) => {
    try {
      parseScheduleExpression(e);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EventBridgeError);
      expect((err as EventBridgeError).code).toBe('ValidationException');
      expect((err as Error).message).toBe('Parameter ScheduleExpression is not valid.');
    }
  });
  it.each(['cron(0 12 * * ? *)', 'cron(0/15 * ? * MON-FRI *)', 'cron(0 8 1 JAN,JUL ? 2030)', 'cron(0 0 L * ? *)', 'cron(0 9 ? * 6L *)', 'cron(0 9 ? * 2#1 *)', 'cron(0 9 15W * ? *)'])(
    'accepts %s',
    (e) => expect(parseScheduleExpression(e).kind).toBe('cron'),
  );
});

describe('nextFireTime', () => {
  it('counts rates from the anchor', () => {
    const s = parseScheduleExpression('rate(5 minutes)');
    const anchor = at('2025-01-01T00:00:30Z');
    expect(nextFireTime(s, anchor, anchor)).toBe(anchor + 300_000);
    expect(nextFireTime(s, anchor + 300_000, anchor)).toBe(anchor + 600_000);
    expect(nextFireTime(s, anchor + 301_000, anchor)).toBe(anchor + 600_000);
  });
  it('finds the next cron minute in UTC', () => {
    expect(next('cron(0 12 * * ? *)', '2025-01-01T11:59:00Z')).toBe('2025-01-01T12:00:00.000Z');
    expect(next('cron(0 12 * * ? *)', '2025-01-01T12:00:00Z')).toBe('2025-01-02T12:00:00.000Z');
    expect(next('cron(0/15 * * * ? *)', '2025-01-01T10:07:00Z')).toBe('2025-01-01T10:15:00.000Z');
  });
  it('handles weekdays, last day and nth weekday', () => {
    // 2025-01-04 is a Saturday: MON-FRI skips to Monday the 6th.
    expect(next('cron(30 9 ? * MON-FRI *)', '2025-01-04T00:00:00Z')).toBe('2025-01-06T09:30:00.000Z');
    expect(next('cron(0 0 L * ? *)', '2025-02-10T00:00:00Z')).toBe('2025-02-28T00:00:00.000Z');
    // First Monday (2#1) of February 2025 is the 3rd.
    expect(next('cron(0 9 ? * 2#1 *)', '2025-02-01T00:00:00Z')).toBe('2025-02-03T09:00:00.000Z');
    // Last Friday (6L) of January 2025 is the 31st.
    expect(next('cron(0 9 ? * 6L *)', '2025-01-01T00:00:00Z')).toBe('2025-01-31T09:00:00.000Z');
    // 15W in March 2025: the 15th is a Saturday, so Friday the 14th.
    expect(next('cron(0 9 15W * ? *)', '2025-03-01T00:00:00Z')).toBe('2025-03-14T09:00:00.000Z');
  });
  it('respects the year field and ends when no time is left', () => {
    expect(next('cron(0 8 1 JAN ? 2030)', '2025-06-01T00:00:00Z')).toBe('2030-01-01T08:00:00.000Z');
    expect(next('cron(0 8 1 JAN ? 2024)', '2025-06-01T00:00:00Z')).toBeUndefined();
  });
});
