// Every PatternPlayground example gives the verdict its lesson claims, run through the EventBridge engine itself
// (not through the component's wrapper alone), and every playground in a lesson uses such an example.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testEventPattern, validatePattern } from '../eventbridge/index.ts';
import type { PlaygroundExample } from '../components/mdx/playground-verdict.ts';
import { playgroundVerdict } from '../components/mdx/playground-verdict.ts';
import { componentUses, contentDir, lessonFiles } from './lesson-files.ts';

const lessons = lessonFiles();
const folders = [...new Set(lessons.map((l) => l.folder))].filter((f) => existsSync(join(contentDir, f, 'playgrounds.ts')));

async function examples(folder: string): Promise<Record<string, PlaygroundExample>> {
  const mod = (await import(join(contentDir, folder, 'playgrounds.ts'))) as { playgrounds: Record<string, PlaygroundExample> };
  return mod.playgrounds;
}

describe('playground examples', () => {
  it('exist (module 4 has several)', async () => {
    expect(folders).toContain('eventbridge');
    expect(Object.keys(await examples('eventbridge')).length).toBeGreaterThanOrEqual(5);
  });

  for (const folder of folders) {
    it(`${folder}: each example's claimed verdict is what the engine says`, async () => {
      for (const [name, ex] of Object.entries(await examples(folder))) {
        const where = `${folder}/playgrounds.ts ${name}`;
        const problems = validatePattern(ex.pattern);
        if (ex.expect === 'invalid') {
          expect(problems.length, `${where}: the engine rejects the pattern`).toBeGreaterThan(0);
        } else {
          expect(problems, `${where}: the pattern is valid`).toEqual([]);
          const matched = testEventPattern(ex.pattern, ex.event);
          expect(matched ? 'match' : 'no-match', where).toBe(ex.expect);
        }
        // The component shows the same verdict.
        expect(playgroundVerdict(ex.pattern, ex.event).kind, where).toBe(ex.expect);
        // Events are valid JSON objects, so the learner starts from a working example.
        expect(typeof JSON.parse(ex.event), where).toBe('object');
      }
    });
  }

  it('every <PatternPlayground> in a lesson spreads a named example from its playgrounds.ts', async () => {
    let count = 0;
    for (const l of lessons) {
      for (const attrs of componentUses(l.body, 'PatternPlayground')) {
        count++;
        const name = /\{\.\.\.playgrounds\.(\w+)\}/.exec(attrs)?.[1];
        expect(name, `${l.file}: use <PatternPlayground {...playgrounds.name} />`).toBeTruthy();
        expect(/\b(pattern|event|expect)=/.test(attrs), `${l.file}: no inline pattern/event/expect props`).toBe(false);
        expect((await examples(l.folder))[name!], `${l.folder}/playgrounds.ts has ${name}`).toBeDefined();
      }
    }
    expect(count).toBeGreaterThanOrEqual(5);
  });
});
