import { resolve } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { listLabIds } from '../labs/load-lab.ts';
import { courseModules, type CourseModule } from './modules.ts';

export interface OutlineModule extends CourseModule {
  lessons: CollectionEntry<'docs'>[];
}

/** Every lab in the one lab order (level, then id), the order of the sidebar and of previous/next. */
export async function labsInOrder(): Promise<CollectionEntry<'labs'>[]> {
  const byId = new Map((await getCollection('labs')).map((l) => [l.id, l]));
  // The build runs from the project root, where the labs folder is.
  return listLabIds(resolve('labs')).flatMap((id) => byId.get(id) ?? []);
}

/** The course in order: modules, each with its lessons (by `order`). Labs come in their own order: labsInOrder. */
export async function courseOutline(): Promise<OutlineModule[]> {
  const docs = await getCollection('docs');
  return courseModules.map((m) => ({
    ...m,
    lessons: docs
      .filter((d) => d.data.module === m.id)
      .sort((a, b) => (a.data.order ?? 999) - (b.data.order ?? 999) || a.id.localeCompare(b.id)),
  }));
}
