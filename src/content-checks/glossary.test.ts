// Every <Term id="…"> used in a lesson exists in the glossary, and every glossary entry points at a real lesson.
import { describe, expect, it } from 'vitest';
import { glossary, findTerm } from '../glossary/terms.ts';
import { componentUses, lessonFiles } from './lesson-files.ts';

const lessons = lessonFiles();

describe('glossary', () => {
  it('has unique kebab-case ids and non-empty definitions', () => {
    const ids = glossary.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of glossary) {
      expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(t.definition.length, t.id).toBeGreaterThan(30);
    }
  });

  it('links each term to an existing lesson', () => {
    const slugs = new Set(lessons.map((l) => l.slug));
    for (const t of glossary) expect(slugs.has(t.lesson), `${t.id} → ${t.lesson}`).toBe(true);
  });

  it('defines every term used in a lesson', () => {
    const used: string[] = [];
    for (const l of lessons) {
      for (const attrs of componentUses(l.body, 'Term')) {
        const id = /id="([^"]+)"/.exec(attrs)?.[1];
        expect(id, `${l.file}: <Term> without an id`).toBeTruthy();
        expect(findTerm(id!), `${l.file}: unknown term "${id}"`).toBeDefined();
        used.push(id!);
      }
    }
    // The glossary is used, not only defined.
    expect(new Set(used).size).toBeGreaterThanOrEqual(20);
  });
});
