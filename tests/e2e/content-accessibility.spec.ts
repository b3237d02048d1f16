import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';

// A sample of lessons that use every content component (quiz, playground, diagram, term, tabs, cards).
const sample = [
  '/serverless/summary/',
  '/architectures/lambda-pinball/',
  '/eventbridge/rules-and-patterns/',
  '/eventbridge-storming/discovery-and-timeline/',
  '/in-practice/triggering-events/',
  '/in-practice/what-next/',
  '/reference/glossary/',
];

for (const theme of ['light', 'dark'] as const) {
  for (const path of sample) {
    test(`no serious or critical accessibility violations on ${path} (${theme})`, async ({ page }) => {
      await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
      await page.goto(path);
      // Expressive Code makes a code block that scrolls focusable from a ResizeObserver, 250 ms after layout and
      // on idle; under load axe could run first and report the block before the page has fixed it.
      await expect
        .poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.expressive-code pre')].every((p) => p.scrollWidth <= p.clientWidth || p.hasAttribute('tabindex'))))
        .toBe(true);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    });
  }
}

test('quiz feedback and an open tooltip pass axe too', async ({ page }) => {
  await page.goto('/soa-and-esb/events-and-eventbridge/');
  const question = page.locator('ebc-quiz-question[data-question="esb-words"]');
  await question.getByRole('radio').first().check();
  await question.getByRole('button', { name: 'Check' }).click();
  await page.locator('.ebc-term a').first().focus();
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});
