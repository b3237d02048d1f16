// How old a lesson's "checked" date may be before the content checks fail: stale facts must show, not hide.
import { checkedDate, lessonSources } from '../schemas/lesson.ts';
import { frontmatterList, frontmatterValue, type LessonFile } from './lesson-files.ts';

/** Default age limit in months; override with FACTS_MAX_AGE_MONTHS (for example 6 before a release). */
export const DEFAULT_MAX_AGE_MONTHS = 12;

export function maxAgeMonths(env: Record<string, string | undefined> = process.env): number {
  const raw = env.FACTS_MAX_AGE_MONTHS;
  if (raw === undefined || raw === '') return DEFAULT_MAX_AGE_MONTHS;
  const months = Number(raw);
  if (!Number.isInteger(months) || months <= 0) throw new Error(`FACTS_MAX_AGE_MONTHS must be a whole number of months, got "${raw}"`);
  return months;
}

/** The oldest `checked` date still fresh on `today`: the same day, `months` months earlier (UTC). */
export function oldestFreshDate(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

/** What is wrong with one lesson's sources and check date, in words; [] when it is fine. */
export function freshnessProblems(lesson: Pick<LessonFile, 'file' | 'frontmatter'>, today: Date, months: number): string[] {
  const problems: string[] = [];
  const sources = lessonSources.safeParse(frontmatterList(lesson.frontmatter, 'sources'));
  if (!sources.success) problems.push(`${lesson.file}: sources ${sources.error.issues[0]?.message ?? 'are invalid'}`);
  const raw = frontmatterValue(lesson.frontmatter, 'checked');
  const checked = checkedDate.safeParse(raw);
  if (raw === undefined) problems.push(`${lesson.file}: no "checked" date (when its facts were last verified)`);
  else if (!checked.success) problems.push(`${lesson.file}: checked ${checked.error.issues[0]?.message ?? 'is invalid'}`);
  else {
    const limit = oldestFreshDate(today, months);
    if (checked.data < limit) problems.push(`${lesson.file}: facts last checked on ${checked.data}, more than ${months} months ago (before ${limit}): check them again`);
    if (checked.data > today.toISOString().slice(0, 10)) problems.push(`${lesson.file}: checked date ${checked.data} is in the future`);
  }
  return problems;
}
