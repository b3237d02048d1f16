// One lab open in two tabs: an edit saved in one reaches the other, and when both changed the same file
// the tab that has its own edit keeps it and says so, instead of silently losing one side.
import { test, expect } from './fixtures.ts';
import { fileBox, openLab, setFile } from './lab-helpers.ts';

const KEY = 'ebc:lab-work:02-content-filtering';

test('edits in one tab reach the other; a file changed in both is kept and the learner is warned', async ({ page, context }) => {
  const other = await context.newPage();
  await openLab(other, '02-content-filtering');
  // This tab's clock stands still, so its autosave waits until the test says: its edit stays unsaved
  // while the other tab saves, which is the race two real tabs run.
  await page.clock.install();
  await openLab(page, '02-content-filtering');

  await other.bringToFront();
  await setFile(other, 'india.json', '{ "from": "tab two" }');
  await expect(fileBox(page, 'india.json')).toHaveValue('{ "from": "tab two" }', { timeout: 5000 });
  await expect(page.locator('.lab-save-status')).toHaveText('Updated india.json with the work saved in another tab.');

  await page.bringToFront();
  await setFile(page, 'priority.json', '{ "mine": "tab one" }');
  // The other tab saves its own priority.json (as its autosave would) while this tab's edit is unsaved.
  await other.evaluate((key) => {
    const saved = JSON.parse(localStorage.getItem(key) ?? '{}') as { files: Record<string, string> };
    localStorage.setItem(key, JSON.stringify({ ...saved, files: { ...saved.files, 'priority.json': '{ "mine": "tab two" }' } }));
  }, KEY);
  await expect(page.locator('.lab-save-status')).toContainText('priority.json also changed in another tab', { timeout: 5000 });
  await expect(fileBox(page, 'priority.json')).toHaveValue('{ "mine": "tab one" }');
  // When this tab saves, the other tab (which has no edit of its own there) takes the text and says so.
  await page.clock.runFor(1000);
  await expect(fileBox(other, 'priority.json')).toHaveValue('{ "mine": "tab one" }', { timeout: 5000 });
  await expect(other.locator('.lab-save-status')).toHaveText('Updated priority.json with the work saved in another tab.');
  await other.close();
});

test('the open file tab is restored on reload', async ({ page }) => {
  await openLab(page, '02-content-filtering');
  await page.getByRole('tab', { name: /^priority\.json/ }).click();
  await page.reload();
  await expect(page.getByRole('tab', { name: /^priority\.json/ })).toHaveAttribute('aria-selected', 'true');
  await expect(fileBox(page, 'priority.json')).toBeVisible();
});
