// Every lesson names its sources and was checked recently enough (FACTS_MAX_AGE_MONTHS, default 12).
import { describe, expect, it } from 'vitest';
import { freshnessProblems, maxAgeMonths, oldestFreshDate, DEFAULT_MAX_AGE_MONTHS } from './freshness.ts';
import { frontmatterValue, lessonFiles } from './lesson-files.ts';

const lessons = lessonFiles().filter((l) => frontmatterValue(l.frontmatter, 'module'));

describe('lesson facts freshness', () => {
  it('every lesson has sources and a recent checked date', () => {
    expect(lessons.length).toBeGreaterThan(20);
    const problems = lessons.flatMap((l) => freshnessProblems(l, new Date(), maxAgeMonths()));
    expect(problems).toEqual([]);
  });

  const fm = (checked: string, sources = '  - "[PutEvents](https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutEvents.html)"') =>
    `title: T\nmodule: eventbridge\nsources:\n${sources}\nchecked: ${checked}`;
  const today = new Date('2026-12-01T10:00:00Z');

  it('flags a lesson checked more than the allowed months ago, and passes one just inside', () => {
    expect(freshnessProblems({ file: 'a.mdx', frontmatter: fm('2025-12-01') }, today, 12)).toEqual([]);
    expect(freshnessProblems({ file: 'a.mdx', frontmatter: fm('2025-11-30') }, today, 12)).toEqual([
      'a.mdx: facts last checked on 2025-11-30, more than 12 months ago (before 2025-12-01): check them again',
    ]);
    expect(freshnessProblems({ file: 'a.mdx', frontmatter: fm('2026-07-01') }, today, 3)).toHaveLength(1);
  });

  it('flags missing sources, sources that are not links, a missing or impossible date', () => {
    expect(freshnessProblems({ file: 'b.mdx', frontmatter: 'title: T\nchecked: 2026-11-01' }, today, 12)[0]).toMatch(/sources must list at least one source/);
    expect(freshnessProblems({ file: 'b.mdx', frontmatter: fm('2026-11-01', '  - AWS docs') }, today, 12)[0]).toMatch(/Markdown link/);
    expect(freshnessProblems({ file: 'b.mdx', frontmatter: 'title: T\nsources:\n  - "[A](https://a.example/)"' }, today, 12)).toEqual([
      'b.mdx: no "checked" date (when its facts were last verified)',
    ]);
    expect(freshnessProblems({ file: 'b.mdx', frontmatter: fm('2026-02-30') }, today, 12)).toEqual(['b.mdx: checked must be a real calendar date']);
    expect(freshnessProblems({ file: 'b.mdx', frontmatter: fm('2027-01-01') }, today, 12)).toEqual(['b.mdx: checked date 2027-01-01 is in the future']);
  });

  it('reads the age limit from FACTS_MAX_AGE_MONTHS, defaulting to 12', () => {
    expect(maxAgeMonths({})).toBe(DEFAULT_MAX_AGE_MONTHS);
    expect(maxAgeMonths({ FACTS_MAX_AGE_MONTHS: '6' })).toBe(6);
    expect(() => maxAgeMonths({ FACTS_MAX_AGE_MONTHS: 'soon' })).toThrow(/whole number/);
    expect(oldestFreshDate(today, 12)).toBe('2025-12-01');
  });
});
