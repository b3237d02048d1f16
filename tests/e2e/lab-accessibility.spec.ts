import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { check, openLab } from './lab-helpers.ts';

for (const id of ['01-first-rule', '03-first-handler', '12-test-against-local-aws']) {
  test(`no serious or critical accessibility violations on lab ${id}, with results shown`, async ({ page }) => {
    await openLab(page, id);
    await check(page);
    const results = await new AxeBuilder({ page }).exclude('.lab-monaco').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
}
