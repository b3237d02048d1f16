import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { budgetFor, listPages, pageWeight } from './page-weight.ts';

const gz = (s: string) => gzipSync(s, { level: 9 }).length;

it('counts a page script, its static imports, and its lazy chunks separately', () => {
  const dist = mkdtempSync(join(tmpdir(), 'weight-'));
  mkdirSync(join(dist, '_astro'));
  mkdirSync(join(dist, 'lesson'));
  const entry = 'import{a}from"./shared.js";a();document.querySelector("x")?.addEventListener("click",()=>import("./editor.js"));';
  const shared = 'export const a=()=>console.log("shared code that every page needs");';
  const editor = 'export default "a very large editor ".repeat(100);';
  writeFileSync(join(dist, '_astro', 'entry.js'), entry);
  writeFileSync(join(dist, '_astro', 'shared.js'), shared);
  writeFileSync(join(dist, '_astro', 'editor.js'), editor);
  writeFileSync(join(dist, '_astro', 'site.css'), 'body{color:red}');
  writeFileSync(
    join(dist, 'lesson', 'index.html'),
    '<link rel="stylesheet" href="/_astro/site.css"><script type="module" src="/_astro/entry.js"></script><script type="application/json">{"big":1}</script>',
  );
  expect(listPages(dist)).toEqual([join(dist, 'lesson', 'index.html')]);
  const w = pageWeight(dist, join(dist, 'lesson', 'index.html'));
  expect(w.page).toBe('/lesson/');
  expect(w.js).toBe(gz(entry) + gz(shared));
  expect(w.jsWithLazy).toBe(gz(entry) + gz(shared) + gz(editor));
  expect(w.css).toBe(gz('body{color:red}'));
});

it('gives lab pages the larger budget', () => {
  expect(budgetFor('/labs/01-first-rule/')).toBe(300 * 1024);
  expect(budgetFor('/labs/')).toBe(60 * 1024);
  expect(budgetFor('/eventbridge/rules/')).toBe(60 * 1024);
});
