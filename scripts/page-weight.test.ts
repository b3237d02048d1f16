import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../tests/e2e/find-browser.ts';
import { budgetFor, listPages, measureTransfer } from './page-weight.ts';
import { serveFolder } from './static-server.ts';

const gz = (s: string) => gzipSync(s, { level: 9 }).length;
const dist = mkdtempSync(join(tmpdir(), 'weight-'));
const entry = 'import{a}from"./shared.js";a();setTimeout(()=>import("./idle.js"),10);document.body.addEventListener("click",()=>import("./editor.js"));';
const shared = 'export const a=()=>document.body.dataset.ready="yes";';
const idle = 'export default "loaded on idle, without any interaction";';
const editor = 'export default "a very large editor ".repeat(100);';
let server: Awaited<ReturnType<typeof serveFolder>>;
let browser: Awaited<ReturnType<typeof chromium.launch>>;

beforeAll(async () => {
  mkdirSync(join(dist, '_astro'));
  mkdirSync(join(dist, 'lesson'));
  for (const [name, text] of Object.entries({ 'entry.js': entry, 'shared.js': shared, 'idle.js': idle, 'editor.js': editor, 'site.css': 'body{color:red}' })) {
    writeFileSync(join(dist, '_astro', name), text);
  }
  writeFileSync(join(dist, 'lesson', 'index.html'), '<!doctype html><link rel="stylesheet" href="/_astro/site.css"><body><script type="module" src="/_astro/entry.js"></script></body>');
  server = await serveFolder(dist);
  browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('lists built pages as the paths a visitor opens', () => {
  expect(listPages(dist)).toEqual(['/lesson/']);
});

it('counts what the browser loads without interaction, including code loaded on idle, but not on-demand code', async () => {
  const t = await measureTransfer(browser, `${server.url}/lesson/`);
  expect(t.scripts.map((u) => u.replace(server.url, '')).sort()).toEqual(['/_astro/entry.js', '/_astro/idle.js', '/_astro/shared.js']);
  expect(t.js).toBe(gz(entry) + gz(shared) + gz(idle));
  expect(t.css).toBe(gz('body{color:red}'));
});

it('gives lab pages the larger budget', () => {
  expect(budgetFor('/labs/01-first-rule/')).toBe(300 * 1024);
  expect(budgetFor('/labs/')).toBe(60 * 1024);
  expect(budgetFor('/eventbridge/rules-and-patterns/')).toBe(60 * 1024);
  expect(budgetFor('/storming/')).toBe(100 * 1024);
  expect(budgetFor('/storming/facilitator/')).toBe(100 * 1024);
  expect(budgetFor('/eventbridge-storming/discovery-and-timeline/')).toBe(60 * 1024);
});
