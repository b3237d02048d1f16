import { describe, expect, it } from 'vitest';
import { assignmentFromHash, assignmentLink, decodeAssignment, isLate, parseAssignment, type Assignment } from './assignment.ts';
import { formatInZone, wallClockToInstant } from './time-zone.ts';

const a: Assignment = { version: 1, title: 'Week 1 — règles', labs: ['01-first-rule', '03-first-handler'], dueAt: '2026-12-08T17:00:00.000Z', timeZone: 'Europe/Paris', notes: 'Bring questions.' };

describe('assignment links', () => {
  it('round-trips through the URL fragment, non-ASCII included', () => {
    const link = assignmentLink('https://course.example/', a);
    expect(link.startsWith('https://course.example/#assignment=')).toBe(true);
    const encoded = assignmentFromHash(new URL(link).hash)!;
    expect(encoded).toMatch(/^[\w-]+$/);
    expect(decodeAssignment(encoded)).toEqual({ ok: true, value: a });
  });

  it('says what is wrong with a bad or damaged assignment', () => {
    expect(decodeAssignment('%%%')).toMatchObject({ ok: false, error: expect.stringMatching(/damaged/) });
    expect(parseAssignment({ ...a, labs: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/^labs: pick at least one lab/) });
    expect(parseAssignment({ ...a, labs: ['01-first-rule', '01-first-rule'] })).toMatchObject({ ok: false, error: expect.stringMatching(/twice/) });
    expect(parseAssignment({ ...a, timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: expect.stringMatching(/^timeZone/) });
    expect(parseAssignment({ ...a, dueAt: 'tomorrow' })).toMatchObject({ ok: false });
  });

  it('turns a wall-clock deadline in a zone into one instant, across daylight saving', () => {
    expect(wallClockToInstant('2026-12-08T18:00', 'Europe/Paris')).toBe('2026-12-08T17:00:00.000Z');
    expect(wallClockToInstant('2026-07-08T18:00', 'Europe/Paris')).toBe('2026-07-08T16:00:00.000Z');
    expect(wallClockToInstant('2026-03-08T09:30', 'America/New_York')).toBe('2026-03-08T13:30:00.000Z');
    expect(wallClockToInstant('2026-12-08T18:00', 'UTC')).toBe('2026-12-08T18:00:00.000Z');
    expect(formatInZone('2026-12-08T17:00:00.000Z', 'Europe/Paris')).toMatch(/8 Dec 2026, 18:00 \(Europe\/Paris\)/);
    expect(() => wallClockToInstant('2026-12-08', 'UTC')).toThrow(/date and time/);
  });

  it('is late only after the due instant', () => {
    expect(isLate(a, '2026-12-08T17:00:00.000Z')).toBe(false);
    expect(isLate(a, '2026-12-08T17:00:00.001Z')).toBe(true);
  });
});
