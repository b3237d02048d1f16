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

// Lesson frontmatter belongs to the content side; these links are known to be wrong and are listed for that
// side to fix (lesson -> lab). Delete an entry once its lesson is fixed.
const PENDING_CONTENT_FIXES = new Set([
  'architectures/lambda-pinball -> 01-first-rule',
  'ddd-event-storming/bounded-contexts -> 03-first-handler',
  'eventbridge-storming/services-bus-schema -> 01-first-rule',
  'eventbridge-storming/services-bus-schema -> 02-content-filtering',
  'eventbridge-storming/services-bus-schema -> 03-first-handler',
  'in-practice/serverless-framework -> 03-first-handler',
  'in-practice/testing-and-observing -> 01-first-rule',
  'in-practice/testing-and-observing -> 03-first-handler',
  'serverless/summary -> 01-first-rule',
  'shared-schemas/schema-registry -> 02-content-filtering',
  'shared-schemas/share-schema-not-code -> 02-content-filtering',
  'shared-schemas/versioning-and-compatibility -> 02-content-filtering',
  'soa-and-esb/events-and-eventbridge -> 01-first-rule',
  `${WHAT_NEXT} lists every lab`,
]);

describe('labs and the lessons they practise', () => {
  it('every lab names lessons that exist', () => {
    for (const lab of labs) for (const slug of lab.lessons) expect(slugs.has(slug), `${lab.id} practises ${slug}`).toBe(true);
  });

  it("every lesson's labs link points at a lab that practises it", () => {
    const practised = new Map(labs.map((l) => [l.id, new Set(l.lessons)]));
    const wrong = lessons
      .filter((l) => l.slug !== WHAT_NEXT)
      .flatMap((l) => (Array.isArray(l.data.labs) ? l.data.labs.map(String) : []).filter((id) => !practised.get(id)?.has(l.slug)).map((id) => `${l.slug} -> ${id}`));
    expect(wrong.filter((w) => !PENDING_CONTENT_FIXES.has(w))).toEqual([]);
  });

  it('the closing lesson lists labs in the one lab order (every lab, once its fix is in)', () => {
    const whatNext = lessons.find((l) => l.slug === WHAT_NEXT);
    expect(whatNext, WHAT_NEXT).toBeDefined();
    const order = labs.map((l) => l.id);
    const listed = (Array.isArray(whatNext?.data.labs) ? whatNext.data.labs : []).map(String);
    const positions = listed.map((id) => order.indexOf(id));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(positions).not.toContain(-1);
    if (!PENDING_CONTENT_FIXES.has(`${WHAT_NEXT} lists every lab`)) expect(listed).toEqual(order);
  });
});

describe('the one lab order', () => {
  it('is by level, then by id, and the sidebar (previous/next) follows it', () => {
    const order = labs.map((l) => `${LAB_LEVELS.indexOf(l.level)}:${l.id}`);
    expect(order).toEqual([...order].sort());
    expect(listLabLinks(labsDir).map((l) => l.id)).toEqual(labs.map((l) => l.id));
  });
});
