import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { check, fileBox, fileTab, openLab, result, setFile } from './lab-helpers.ts';

const solution = (f: string) => readFileSync(new URL(`../../labs/02-content-filtering/solution/${f}`, import.meta.url), 'utf8');

test('the prefix trap fails with an explanation, the fixes pass, and all files survive a reload', async ({ page }) => {
  await openLab(page, '02-content-filtering');
  await setFile(page, 'india.json', '{ "source": ["com.example.shipping"], "detail-type": ["ShipmentUpdated"], "detail": { "destination": [{ "prefix": "IN" }] } }');
  await check(page);
  const hub = result(page, 'India desk: shipments to other destinations stay out');
  await expect(hub).toHaveAttribute('data-status', 'failed');
  await expect(hub).toContainText('Trap: INT-HUB starts with IN too');
  await hub.getByText('Why did my event match?').click();
  await expect(hub.locator('details')).toContainText('to-int-hub vs rule india-desk');

  for (const f of ['india.json', 'attention.json', 'priority.json']) await setFile(page, f, solution(f));
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText('All 14 checks passed. Lab complete!');

  await page.reload();
  for (const f of ['india.json', 'attention.json', 'priority.json']) {
    await fileTab(page, f).click();
    await expect(fileBox(page, f)).toHaveValue(solution(f));
  }
});

test('the editor upgrades to Monaco: operator completion, pattern errors as markers, and typing there is saved', async ({ page }) => {
  await openLab(page, '02-content-filtering', 'monaco');
  await expect(page.locator('lab-workspace')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  const editor = page.locator('.lab-monaco .monaco-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  // The pattern schema offers the operators.
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ "detail": { "weightKg": [{ "');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.lab-monaco .suggest-widget')).toContainText('numeric', { timeout: 15_000 });
  await expect(page.locator('.lab-monaco .suggest-widget')).toContainText('anything-but');
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ "detail": { "weightKg": [{ "numeric": [">>", 5] }] } }');
  await expect(page.locator('.lab-monaco .squiggly-error').first()).toBeAttached({ timeout: 15_000 });
  await expect(page.locator('.lab-problems')).toContainText('india.json');
  await page.waitForTimeout(400);
  const saved = await page.evaluate(() => JSON.parse(localStorage.getItem('ebc:lab-work:02-content-filtering') ?? '{}') as { files?: Record<string, string> });
  expect(saved.files?.['india.json']).toContain('">>"');
});

test('file tabs follow the arrow keys and the lab list shows a passed lab', async ({ page }) => {
  await openLab(page, '02-content-filtering');
  await fileTab(page, 'india.json').focus();
  await page.keyboard.press('ArrowRight');
  await expect(fileTab(page, 'attention.json')).toBeFocused();
  await expect(fileTab(page, 'attention.json')).toHaveAttribute('aria-selected', 'true');
  await expect(fileBox(page, 'attention.json')).toBeVisible();
  await expect(fileBox(page, 'india.json')).toBeHidden();
  await page.keyboard.press('End');
  await expect(fileTab(page, 'priority.json')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(fileTab(page, 'india.json')).toBeFocused();

  for (const f of ['india.json', 'attention.json', 'priority.json']) await setFile(page, f, solution(f));
  await check(page);
  await page.goto('/labs/');
  await expect(page.locator('[data-lab-passed="02-content-filtering"]')).toBeVisible();
  await expect(page.locator('[data-lab-passed="01-first-rule"]')).toBeHidden();
});
