import { test, expect } from './fixtures.ts';
import { checkLinks } from '../../scripts/check-links.ts';

// The built site the browser tests run against has no broken internal links or anchors.
test('every internal link and anchor in the build resolves', () => {
  const dist = process.env.ASTRO_OUT_DIR ?? 'dist';
  const report = checkLinks(dist);
  expect(report.pages).toBeGreaterThan(30);
  expect(report.problems.map((p) => `${p.page}: ${p.link} — ${p.problem}`)).toEqual([]);
});
