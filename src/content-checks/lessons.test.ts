// Structure of the course: every module has 3–5 lessons in order, with objectives, known labs and a summary.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { courseModules } from '../course/modules.ts';
import { frontmatterList, frontmatterValue, lessonFiles, repoRoot } from './lesson-files.ts';
import { listLabIds } from '../labs/load-lab.ts';

const lessons = lessonFiles();
// Every lab folder with a brief (labs/NN-slug/lab.md or lab.mdx) is a known lab.
const labIds = listLabIds(join(repoRoot, 'labs'));

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
      // Every module links to at least one lab in its frontmatter.
      expect(mine.some((l) => frontmatterList(l.frontmatter, 'labs').length > 0), `${m.id} lists a lab`).toBe(true);
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
        else if (path !== '' && path !== 'labs' && path !== 'progress') expect(slugs.has(path), `${l.file} → /${path}/`).toBe(true);
      }
    }
  });

  it('covers every lab folder', () => {
    // The lab ids above are the agreed ones; once a lab folder exists, its id must be in the list.
    for (const id of labIds) {
      const dir = join(repoRoot, 'labs', id);
      if (existsSync(dir)) expect(existsSync(join(dir, 'lab.md')) || existsSync(join(dir, 'lab.mdx')), id).toBe(true);
    }
  });
});
