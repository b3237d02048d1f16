import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { lessonFields } from './schemas/lesson.ts';
import { labSchema } from './schemas/lab.ts';

// Lessons live in the top-level `content/` folder (not src/content/docs) so that authors find them at once;
// files starting with `_` are drafts and partials, skipped like Starlight's own loader does.
const docs = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content' }),
  schema: (context) =>
    docsSchema({ extend: lessonFields })(context).transform((data) => ({
      ...data,
      // The lesson's `order` drives the sidebar, so authors write it once.
      sidebar: { ...data.sidebar, order: data.sidebar.order ?? data.order },
    })),
});

// Each lab is a folder `labs/NN-slug/` whose brief is `lab.md` or `lab.mdx`; its id is the folder name.
const labs = defineCollection({
  loader: glob({ pattern: '*/lab.{md,mdx}', base: './labs', generateId: ({ entry }) => entry.split('/')[0] ?? entry }),
  schema: labSchema,
});

export const collections = { docs, labs };
