// `npm run size`: the gzipped JavaScript and CSS each built page loads in Chromium before any interaction.
// Lab pages are measured twice: with the plain editor (before Monaco is requested) and as they open by default.
// `--check` fails when a page is over its budget.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from '../tests/e2e/find-browser.ts';
import { budgetFor, isLabPage, listPages, measureLabVisit, measureTransfer } from './page-weight.ts';
import { serveFolder } from './static-server.ts';

const dist = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'dist';
const check = process.argv.includes('--check');
if (!existsSync(dist)) {
  console.error(`No build found at "${dist}". Run \`npm run build\` first.`);
  process.exit(2);
}

const server = await serveFolder(dist);
const browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS });
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const pages = listPages(dist);
const width = Math.max(...pages.map((p) => p.length), 4);
console.log(`${'page'.padEnd(width)}  ${'JS'.padStart(9)}  ${'CSS'.padStart(9)}  ${'JS with editor'.padStart(14)}  budget (JS)`);
const over: string[] = [];
try {
  for (const page of pages) {
    const lab = isLabPage(page);
    const first = await measureTransfer(browser, `${server.url}${page}${lab ? '?editor=plain' : ''}`);
    const withEditor = lab ? kb((await measureTransfer(browser, `${server.url}${page}`)).js) : '';
    const mark = first.js > budgetFor(page) ? '  OVER' : '';
    if (mark) over.push(`${page} (${kb(first.js)} > ${kb(budgetFor(page))})`);
    console.log(`${page.padEnd(width)}  ${kb(first.js).padStart(9)}  ${kb(first.css).padStart(9)}  ${withEditor.padStart(14)}  ${kb(budgetFor(page))}${mark}`);
  }
  // Everything a learner downloads for a lab ready to edit (one JSON lab, one TypeScript lab); with the
  // service worker a repeat visit fetches nothing (tests/e2e/offline.spec.ts).
  console.log(`\n${'lab page: bytes sent until the editor is ready'.padEnd(56)}  ${'first visit'.padStart(11)}  ${'repeat (no service worker)'.padStart(26)}`);
  for (const page of pages.filter((p) => /^\/labs\/(01|03)-/.test(p))) {
    const v = await measureLabVisit(browser, `${server.url}${page}`, server.bytesSent);
    console.log(`${page.padEnd(56)}  ${kb(v.first).padStart(11)}  ${kb(v.repeat).padStart(26)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${pages.length} pages, gzipped, as Chromium loads them until the network is idle. Lab pages: "JS" is before the editor is requested (?editor=plain); "JS with editor" is the default page once Monaco has loaded.`);
if (check && over.length) {
  console.error(`Over budget: ${over.join(', ')}`);
  process.exit(1);
}
