import { z } from 'astro/zod';
import { courseModules } from '../course/modules.ts';

const moduleIds = courseModules.map((m) => m.id) as [string, ...string[]];

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
});

export type LessonFields = z.infer<typeof lessonFields>;
