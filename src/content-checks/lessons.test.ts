// Structure of the course: every module has 3–5 lessons in order, with objectives, known labs and a summary.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { courseModules } from '../course/modules.ts';
import { listLabLinks } from '../course/lab-list.ts';
import { listLabIds } from '../labs/load-lab.ts';
import { labSchema } from '../schemas/lab.ts';
import { readFrontmatter } from '../labs/frontmatter.ts';
import { listLabFolders } from '../labs/lab-folders.ts';
import { frontmatterList, frontmatterValue, lessonFiles, repoRoot } from './lesson-files.ts';

const lessons = lessonFiles();
// Every lab folder with a brief (labs/NN-slug/lab.md or lab.mdx) is a known lab.
const labIds = listLabIds(join(repoRoot, 'labs'));
// The lessons some lab practises, from each brief's `lessons` (a lesson may link only labs that practise it).
const practisedLessons = new Set(listLabFolders(join(repoRoot, 'labs')).flatMap((f) => labSchema.parse(f.brief.data).lessons));

describe('course lessons', () => {
  for (const m of courseModules) {
    it(`module ${m.id} has 3 to 5 ordered lessons with objectives and a summary at the end`, () => {
      const mine = lessons.filter((l) => l.folder === m.id);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.length).toBeLessThanOrEqual(5);
      const orders = mine.map((l) => Number(frontmatterValue(l.frontmatter, 'order'))).sort((a, b) => a - b);
      expect(orders).toEqual(mine.map((_, i) => i + 1));
      for (const l of mine) {
        expect(frontmatterValue(l.frontmatter, 'module'), l.file).toBe(m.id);
        expect(frontmatterList(l.frontmatter, 'objectives').length, `${l.file} objectives`).toBeGreaterThanOrEqual(2);
      }
      const last = mine.find((l) => Number(frontmatterValue(l.frontmatter, 'order')) === mine.length)!;
      expect(last.body, `${last.file} has a Summary heading`).toMatch(/^## (Module \d summary|Summary)/m);
      // Every module leads to the labs: it lists a lab in its frontmatter or, while no lab practises any of its
      // lessons, a lesson says so and links to the labs index.
      if (mine.some((l) => practisedLessons.has(l.slug))) expect(mine.some((l) => frontmatterList(l.frontmatter, 'labs').length > 0), `${m.id} lists a lab`).toBe(true);
      else expect(mine.some((l) => /No lab practises/.test(l.body) && l.body.includes('](/labs/)')), `${m.id}: no lab practises it, so a lesson says so and links to /labs/`).toBe(true);
    });
  }

  it('lists only known labs, and links to them where it lists them', () => {
    for (const l of lessons) {
      for (const lab of frontmatterList(l.frontmatter, 'labs')) {
        expect(labIds, `${l.file}: lab ${lab}`).toContain(lab);
        expect(l.body, `${l.file} links to /labs/${lab}/`).toContain(`/labs/${lab}/`);
      }
    }
  });

  it('links only to lessons and labs that exist (in the MDX source)', () => {
    const slugs = new Set(lessons.map((l) => l.slug));
    for (const l of lessons) {
      for (const m of l.body.matchAll(/\]\((\/[^)#\s]*)(#[^)\s]*)?\)|href="(\/[^"#]*)/g)) {
        const path = (m[1] ?? m[3] ?? '').replace(/^\/|\/$/g, '');
        const lab = /^labs\/([^/]+)$/.exec(path)?.[1];
        if (lab) expect(labIds, `${l.file} → /${path}/`).toContain(lab);
        else if (path !== '' && path !== 'labs' && path !== 'progress' && path !== 'storming') expect(slugs.has(path), `${l.file} → /${path}/`).toBe(true);
      }
    }
  });

  it('covers every lab folder: each folder under labs/ is a lab the site and the CLI list, with a brief', () => {
    // Every real folder, not only those with a brief: a folder without one, or named so that a lister skips it,
    // would otherwise vanish from the site and the CLI without a test noticing.
    const folders = readdirSync(join(repoRoot, 'labs'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.length).toBeGreaterThan(0);
    const cliIds = listLabIds();
    const siteIds = listLabLinks(join(repoRoot, 'labs')).map((l) => l.id);
    for (const id of folders) {
      expect(labSchema.shape.id.safeParse(id).success, `labs/${id}: the folder name is a lab id (like 01-first-rule)`).toBe(true);
      const brief = ['lab.md', 'lab.mdx'].map((f) => join(repoRoot, 'labs', id, f)).find((f) => existsSync(f));
      expect(brief, `labs/${id} has a brief (lab.md or lab.mdx)`).toBeDefined();
      expect(readFrontmatter(readFileSync(brief!, 'utf8'), brief).data.id, `labs/${id}: the brief's id is the folder name`).toBe(id);
      expect(labIds, `labs/${id} is a known lab`).toContain(id);
      expect(cliIds, `labs/${id} is listed by npm run lab -- list`).toContain(id);
      expect(siteIds, `labs/${id} is listed on the site`).toContain(id);
    }
  });
});
