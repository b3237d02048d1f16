import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BROWSER_ARGS, findBrowser } from '../tests/e2e/find-browser.ts';
import { budgetFor, listPages, measureLabVisit, measureTransfer } from './page-weight.ts';
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
  mkdirSync(join(dist, 'labs', 'x'), { recursive: true });
  // A lab page whose "editor" arrives in a module and a worker, and then marks the page ready.
  writeFileSync(join(dist, '_astro', 'lab.js'), 'await import("./editor.js");new Worker("/_astro/editor-worker.js");document.querySelector("lab-workspace").dataset.editor="monaco";');
  writeFileSync(join(dist, '_astro', 'editor-worker.js'), `self.x = "${'worker code '.repeat(2000)}";`);
  writeFileSync(join(dist, 'labs', 'x', 'index.html'), '<!doctype html><body><lab-workspace></lab-workspace><script type="module" src="/_astro/lab.js"></script></body>');
  writeFileSync(join(dist, '_headers'), '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  writeFileSync(join(dist, 'lesson', 'index.html'), '<!doctype html><link rel="stylesheet" href="/_astro/site.css"><body><script type="module" src="/_astro/entry.js"></script></body>');
  server = await serveFolder(dist);
  browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('lists built pages as the paths a visitor opens', () => {
  expect(listPages(dist)).toEqual(['/labs/x/', '/lesson/']);
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

it("counts what a lab page costs until its editor is ready, workers included, and a repeat visit served from the browser's cache", async () => {
  const v = await measureLabVisit(browser, `${server.url}/labs/x/`, server.bytesSent, 300);
  // The worker's script alone is 24,000 characters before gzip; a visit that missed it would be far smaller.
  const workerGz = gz(`self.x = "${'worker code '.repeat(2000)}";`);
  expect(v.first).toBeGreaterThan(workerGz + gz(editor));
  // Again: only the page itself (the hashed files are kept), far less than the first visit.
  expect(v.repeat).toBeGreaterThan(0);
  expect(v.repeat).toBeLessThan(v.first / 2);
});
