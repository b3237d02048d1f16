// `npm run size`: the gzipped JavaScript and CSS each built page loads. `--check` fails when a page is over budget.
import { existsSync } from 'node:fs';
import { budgetFor, listPages, pageWeight } from './page-weight.ts';

const dist = process.argv.find((a, i) => i > 1 && !a.startsWith('--')) ?? 'dist';
const check = process.argv.includes('--check');
if (!existsSync(dist)) {
  console.error(`No build found at "${dist}". Run \`npm run build\` first.`);
  process.exit(2);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const rows = listPages(dist).map((file) => pageWeight(dist, file));
const over = rows.filter((r) => r.js > budgetFor(r.page));
const width = Math.max(...rows.map((r) => r.page.length), 4);
console.log(`${'page'.padEnd(width)}  ${'JS (first load)'.padStart(16)}  ${'JS (with lazy)'.padStart(15)}  ${'CSS'.padStart(9)}  budget`);
for (const r of rows) {
  const mark = r.js > budgetFor(r.page) ? '  OVER' : '';
  console.log(`${r.page.padEnd(width)}  ${kb(r.js).padStart(16)}  ${kb(r.jsWithLazy).padStart(15)}  ${kb(r.css).padStart(9)}  ${kb(budgetFor(r.page))}${mark}`);
}
console.log(`\n${rows.length} pages; all sizes gzipped. "With lazy" adds what a page can load later (the editor, workers).`);
if (check && over.length) {
  console.error(`Over budget: ${over.map((r) => `${r.page} (${kb(r.js)} > ${kb(budgetFor(r.page))})`).join(', ')}`);
  process.exit(1);
}
