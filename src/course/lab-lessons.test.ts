// Teaching around the labs: each lab names the lessons it practises, each lesson's `labs` points only at labs
// that practise it, and every list of labs follows the one lab order (level, then id).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lessonFiles, repoRoot } from '../content-checks/lesson-files.ts';
import { labSchema } from '../schemas/lab.ts';
import { LAB_LEVELS, listLabFolders } from '../labs/lab-folders.ts';
import { listLabLinks } from './lab-list.ts';

const labsDir = join(repoRoot, 'labs');
const labs = listLabFolders(labsDir).map((f) => labSchema.parse(f.brief.data));
const lessons = lessonFiles();
const slugs = new Set(lessons.map((l) => l.slug));
/** The closing lesson lists every lab, in order, rather than the labs that practise it. */
const WHAT_NEXT = 'in-practice/what-next';
/** The ids a lesson lists in its `labs` frontmatter. */
const labsOf = (lesson: (typeof lessons)[number]): string[] => (Array.isArray(lesson.data.labs) ? lesson.data.labs.map(String) : []);

describe('labs and the lessons they practise', () => {
  it('every lab names lessons that exist', () => {
    for (const lab of labs) for (const slug of lab.lessons) expect(slugs.has(slug), `${lab.id} practises ${slug}`).toBe(true);
  });

  it("every lesson's labs link points at a lab that practises it", () => {
    const practised = new Map(labs.map((l) => [l.id, new Set(l.lessons)]));
    const wrong = lessons
      .filter((l) => l.slug !== WHAT_NEXT)
      .flatMap((l) => labsOf(l).filter((id) => !practised.get(id)?.has(l.slug)).map((id) => `${l.slug} -> ${id}`));
    expect(wrong).toEqual([]);
  });

  it('every lesson a lab practises links back to that lab', () => {
    const linked = new Map(lessons.map((l) => [l.slug, new Set(labsOf(l))]));
    const missing = labs.flatMap((lab) => lab.lessons.filter((slug) => !linked.get(slug)?.has(lab.id)).map((slug) => `${slug} -> ${lab.id}`));
    expect(missing).toEqual([]);
  });

  it('the closing lesson lists every lab, in the one lab order, in its frontmatter and its text', () => {
    const whatNext = lessons.find((l) => l.slug === WHAT_NEXT);
    if (!whatNext) throw new Error(`${WHAT_NEXT} is missing`);
    const order = labs.map((l) => l.id);
    expect(labsOf(whatNext)).toEqual(order);
    // The first link to each lab's page (`/labs/<id>/`, not its sub-pages such as a download) gives the text's order.
    const linked = [...whatNext.body.matchAll(/\/labs\/(\d{2}-[a-z0-9-]+)\/(?=["')\s])/g)].map((m) => m[1]);
    expect([...new Set(linked)]).toEqual(order);
  });
});

describe('the one lab order', () => {
  it('is by level, then by id, and the sidebar (previous/next) follows it', () => {
    const order = labs.map((l) => `${LAB_LEVELS.indexOf(l.level)}:${l.id}`);
    expect(order).toEqual([...order].sort());
    expect(listLabLinks(labsDir).map((l) => l.id)).toEqual(labs.map((l) => l.id));
  });
});
