import { getCollection, type CollectionEntry } from 'astro:content';
import { courseModules, type CourseModule } from './modules.ts';

export interface OutlineModule extends CourseModule {
  lessons: CollectionEntry<'docs'>[];
  labs: CollectionEntry<'labs'>[];
}

/** The course in order: modules, each with its lessons (by `order`) and its labs (by id). */
export async function courseOutline(): Promise<OutlineModule[]> {
  const docs = await getCollection('docs');
  const labs = await getCollection('labs');
  return courseModules.map((m) => ({
    ...m,
    lessons: docs
      .filter((d) => d.data.module === m.id)
      .sort((a, b) => (a.data.order ?? 999) - (b.data.order ?? 999) || a.id.localeCompare(b.id)),
    labs: labs.filter((l) => l.data.module === m.id).sort((a, b) => a.id.localeCompare(b.id)),
  }));
}
