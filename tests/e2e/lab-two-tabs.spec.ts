// One lab open in two tabs: an edit saved in one reaches the other, and when both changed the same file
// the tab that has its own edit keeps it and says so, instead of silently losing one side.
import { test, expect } from './fixtures.ts';
import { fileBox, openLab, setFile } from './lab-helpers.ts';

test('edits in one tab reach the other; a file changed in both is kept and the learner is warned', async ({ page, context }) => {
  const other = await context.newPage();
  await openLab(page, '02-content-filtering');
  await openLab(other, '02-content-filtering');

  await setFile(page, 'india.json', '{ "from": "tab one" }');
  await expect(fileBox(other, 'india.json')).toHaveValue('{ "from": "tab one" }', { timeout: 5000 });

  await expect(other.locator('.lab-save-status')).toHaveText('Updated india.json with the work saved in another tab.');

  // Both change the same file before either save reaches the other tab.
  await other.getByRole('tab', { name: /^priority\.json/ }).click();
  await page.getByRole('tab', { name: /^priority\.json/ }).click();
  await Promise.all([fileBox(other, 'priority.json').fill('{ "mine": "tab two" }'), fileBox(page, 'priority.json').fill('{ "mine": "tab one" }')]);
  const warned = [page, other].map((p) => p.locator('.lab-save-status').filter({ hasText: 'priority.json also changed in another tab' }));
  await expect.poll(async () => (await warned[0]!.count()) + (await warned[1]!.count()), { timeout: 5000 }).toBeGreaterThan(0);
  // The warned tab kept its own text: neither edit vanished without a word.
  const keptBy = (await warned[0]!.count()) ? page : other;
  await expect(fileBox(keptBy, 'priority.json')).toHaveValue(keptBy === page ? '{ "mine": "tab one" }' : '{ "mine": "tab two" }');
  await other.close();
});

test('the open file tab is restored on reload', async ({ page }) => {
  await openLab(page, '02-content-filtering');
  await page.getByRole('tab', { name: /^priority\.json/ }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: /^priority\.json/ })).toHaveAttribute('aria-selected', 'true');
  await expect(fileBox(page, 'priority.json')).toBeVisible();
});
