import { z } from 'astro/zod';
import { courseModules } from '../course/modules.ts';

const moduleIds = courseModules.map((m) => m.id) as [string, ...string[]];

// A source is written as a Markdown link in a quoted YAML string, "[Title](https://…)", so that it fits on one
// frontmatter line and reads the same in the file as on the page.
const SOURCE_LINK = /^\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)$/;
const SOURCE_ERROR = 'each source must be a Markdown link in quotes: "[Title](https://…)"';

/** One primary page a lesson's facts rest on. */
export const lessonSource = z
  .string({ error: SOURCE_ERROR })
  .regex(SOURCE_LINK, { error: SOURCE_ERROR })
  .transform((text) => {
    const [, title, url] = SOURCE_LINK.exec(text)!;
    return { title: title!.trim(), url: url! };
  });

export type LessonSource = z.output<typeof lessonSource>;

/** The sources of a lesson: at least one, every one a link to a page. */
export const lessonSources = z.array(lessonSource, { error: 'must be a list of sources' }).min(1, { error: 'must list at least one source' });

/**
 * The day the lesson's facts were last verified against its sources, as an ISO date (2026-12-01). YAML may read an
 * unquoted date as a Date, so both forms are accepted; the output is always the ISO string.
 */
export const checkedDate = z
  .union([z.date(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date such as 2026-12-01' })], {
    error: 'must be an ISO date such as 2026-12-01',
  })
  .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
  }, { error: 'must be a real calendar date' });

/** Frontmatter a lesson adds to Starlight's own (title, description, sidebar, …). */
export const lessonFields = z.object({
  /** The module the lesson belongs to: one of the ids in `src/course/modules.ts`. */
  module: z.enum(moduleIds, { error: `must be one of: ${moduleIds.join(', ')}` }).optional(),
  /** Position of the lesson inside its module, from 1. */
  order: z.number({ error: 'must be a number (the position of the lesson in its module, from 1)' }).int().positive().optional(),
  /** What the learner can do after the lesson, one short sentence each. */
  objectives: z.array(z.string().min(1), { error: 'must be a list of sentences' }).default([]),
  /** Estimated time to read and practise, in minutes. */
  minutes: z.number({ error: 'must be a number of minutes' }).int().positive().optional(),
  /** Ids of labs (folder names under `labs/`) that practise this lesson. */
  labs: z.array(z.string(), { error: 'must be a list of lab ids (folder names under labs/)' }).default([]),
  /** The primary pages (AWS documentation, announcements, the original authors) the lesson's facts rest on. */
  sources: lessonSources.optional(),
  /** When those facts were last checked against the sources (ISO date); the freshness check reads it. */
  checked: checkedDate.optional(),
});

export type LessonFields = z.infer<typeof lessonFields>;
