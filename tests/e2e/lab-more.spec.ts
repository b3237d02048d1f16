// Labs 04–09, 11 and 12: for each, the starter fails a check, the solution typed into the textareas passes every check.
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { check, openLab, result, setFile } from './lab-helpers.ts';

const solution = (lab: string, f: string) => readFileSync(new URL(`../../labs/${lab}/solution/${f}`, import.meta.url), 'utf8');

const labs = [
  { id: '04-stop-the-pinball', files: ['to-kitchen.json', 'to-orders.json'], failing: 'The kitchen gets only requests to cook', checks: 6 },
  { id: '05-shared-schema', files: ['order-placed.schema.json', 'allergy-desk.json'], failing: 'The schema rejects a created_at that is not an RFC 3339 date-time', checks: 8 },
  { id: '06-one-bus', files: ['payments.json', 'kitchen.json', 'delivery.json'], failing: 'kitchen receives nothing else', checks: 8 },
  { id: '07-replay-the-outage', files: ['archive.json', 'replay.json', 'notify.json', 'replay-log.json'], failing: 'Orders outside the outage hour are not invoiced twice', checks: 11 },
  { id: '08-a-bus-and-a-schedule', files: ['to-fulfilment.json', 'pick-list.json', 'daily-report.json', 'fulfilment-policy.json'], failing: 'The daily report runs every morning at the agreed time', checks: 9 },
  { id: '09-version-the-contract', files: ['order-placed-v2.schema.json', 'kitchen.json', 'delivery.json'], failing: "The kitchen receives the shop's placed orders of the versions it reads", checks: 10 },
  { id: '11-retries-and-dead-letters', files: ['handler.ts', 'invoke-config.json'], failing: 'Every order is reserved, even when the warehouse is busy at first', checks: 9 },
  { id: '12-test-against-local-aws', files: ['smoke-test.ts'], failing: "The rule and the events are on the smoke test's own bus", checks: 11 },
];

for (const lab of labs) {
  test(`${lab.id}: the starter fails a check, the solution passes every check`, async ({ page }) => {
    await openLab(page, lab.id);
    await check(page);
    await expect(result(page, lab.failing)).toHaveAttribute('data-status', 'failed');
    await expect(page.locator('.lab-results-summary')).toHaveText(new RegExp(`of ${lab.checks} checks passed`));
    for (const f of lab.files) await setFile(page, f, solution(lab.id, f));
    await check(page);
    await expect(page.locator('.lab-results-summary')).toHaveText(`All ${lab.checks} checks passed. Lab complete!`, { timeout: 30_000 });
    await expect(page.locator('.lab-result[data-status="passed"]')).toHaveCount(lab.checks);
  });
}

test('04-stop-the-pinball: the starter shows a loop warning in the trace, the fixed rules do not', async ({ page }) => {
  const lab = '04-stop-the-pinball';
  await openLab(page, lab);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-trace-empty')).toHaveText(/event\(s\) put on the bus\.$/, { timeout: 20_000 });
  await expect(page.locator('.lab-trace .lab-trace-warning').first()).toContainText('Loop stopped after 10 hops', { timeout: 20_000 });
  for (const f of ['to-kitchen.json', 'to-orders.json']) await setFile(page, f, solution(lab, f));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // The summary line says "Running…" from the click until the run has finished.
  await expect(page.locator('.lab-trace-empty')).toHaveText(/event\(s\) put on the bus\.$/, { timeout: 20_000 });
  await expect(page.locator('.lab-output')).toContainText('orders got OrderReady for o-1001');
  await expect(page.locator('.lab-trace')).toContainText('OrderCompleted');
  await expect(page.locator('.lab-trace .lab-trace-warning')).toHaveCount(0);
});

test("11-retries-and-dead-letters: Run shows Lambda's retries in the page, and what it gave up on", async ({ page }) => {
  const lab = '11-retries-and-dead-letters';
  await openLab(page, lab);
  for (const f of ['handler.ts', 'invoke-config.json']) await setFile(page, f, solution(lab, f));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-trace-empty')).toHaveText(/event\(s\) put on the bus\.$/, { timeout: 20_000 });
  // The handler imports the lab's own modules (warehouse.ts, idempotency-store.ts) in the page's worker too.
  await expect(page.locator('.lab-output')).toContainText('Lambda will retry reserve-stock');
  await expect(page.locator('.lab-output')).toContainText('warehouse: reserved 2 x MUG-RED for o-1001');
  await expect(page.locator('.lab-output')).toContainText('sent its record to arn:aws:sqs:us-east-1:123456789012:reservations-failed');
  await expect(page.locator('.lab-trace')).toContainText('StockReserved');
});

test('12-test-against-local-aws: Run runs the script in the page against a local AWS, with the real EventBridge and CloudWatch Logs clients', async ({ page }) => {
  const lab = '12-test-against-local-aws';
  await openLab(page, lab);
  await setFile(page, 'smoke-test.ts', solution(lab, 'smoke-test.ts'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // Each SDK call the script made is a line of output, with what the local AWS answered.
  await expect(page.locator('.lab-output')).toContainText('Smoke test passed: 3 events reached /aws/events/course-smoke-test.', { timeout: 30_000 });
  await expect(page.locator('.lab-output')).toContainText('CloudWatch Logs PutResourcePolicy: ok');
  await expect(page.locator('.lab-output')).toContainText('EventBridge PutEvents: 3 accepted, 0 failed');
  await expect(page.locator('.lab-output')).toContainText('CloudWatch Logs FilterLogEvents: 3 event(s)');
  // A script has no sample events or rules: no explainer to offer, and the trace says where to look.
  await expect(page.locator('.lab-why')).toHaveCount(0);
  await expect(page.locator('.lab-trace-empty')).toHaveText(/Your script ran once against a fresh local AWS/);
});
