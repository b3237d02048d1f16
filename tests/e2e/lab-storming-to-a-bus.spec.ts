// Lab 10 in the page: a payments rule without $or lets the wrong sender in (a hold-out the learner never sees),
// one branch per producer fixes it, and the whole solution passes.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { check, openLab, result, setFile } from './lab-helpers.ts';

const LAB = '10-storming-to-a-bus';
const solution = (path: string) => readFileSync(new URL(`../../labs/${LAB}/solution/${path}`, import.meta.url), 'utf8');
const files = ['rules/orders.json', 'rules/payments.json', 'rules/kitchen.json', 'rules/delivery.json', 'rules/menu-catalogue.json', 'schemas/order-placed.schema.json'];
const withoutOr = JSON.stringify({ source: ['food.orders', 'food.kitchen', 'food.delivery'], 'detail-type': ['OrderPlaced', 'OrderRejected', 'OrderDelivered'] }, null, 2);

test('a rule without $or lets the wrong producer in; one branch per producer and the schema complete the lab', async ({ page }) => {
  test.setTimeout(60_000);
  await openLab(page, LAB);
  for (const path of files) await setFile(page, path, solution(path));
  await setFile(page, 'rules/payments.json', withoutOr);
  await check(page);
  const extra = result(page, 'payments receives nothing else');
  await expect(extra).toHaveAttribute('data-status', 'failed');
  await expect(extra).toContainText('courier-rejected-order');
  await expect(result(page, 'payments receives every event the board says it consumes')).toHaveAttribute('data-status', 'passed');

  await setFile(page, 'rules/payments.json', solution('rules/payments.json'));
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText('All 19 checks passed. Lab complete!');
});
