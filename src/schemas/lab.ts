import { z } from 'astro/zod';
import { courseModules } from '../course/modules.ts';

const moduleIds = courseModules.map((m) => m.id) as [string, ...string[]];

/** Frontmatter of a lab brief, `labs/NN-slug/lab.md(x)`. */
export const labSchema = z.object({
  /** Stable id; must equal the lab's folder name, e.g. `01-first-rule`. */
  id: z.string({ error: 'is required (the folder name, e.g. 01-first-rule)' }).regex(/^\d{2}-[a-z0-9-]+$/, 'must look like 01-first-rule (two digits, a dash, kebab-case)'),
  /** Title the learner sees. */
  title: z.string({ error: 'is required' }).min(1, 'must not be empty'),
  /** One sentence on what the lab practises. */
  description: z.string().optional(),
  /** The module the lab practises: one of the ids in `src/course/modules.ts`. */
  module: z.enum(moduleIds, { error: `must be one of: ${moduleIds.join(', ')}` }),
  /** How hard it is. */
  level: z.enum(['beginner', 'intermediate', 'advanced'], { error: 'must be beginner, intermediate or advanced' }),
  /** Estimated time in minutes. */
  minutes: z.number({ error: 'must be a number of minutes' }).int().positive(),
  /** The lessons the lab practises, as lesson slugs (`eventbridge/rules-and-patterns`); each of them links back in its `labs`. */
  lessons: z
    .array(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be a lesson slug such as eventbridge/rules-and-patterns'), { error: 'must be a list of lesson slugs (module/lesson)' })
    .min(1, 'must name at least one lesson the lab practises'),
  /** Hints, revealed one at a time, in order. */
  hints: z.array(z.string()).default([]),
});

export type LabManifest = z.infer<typeof labSchema>;
