import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures.ts';
import { check, fileBox, openLab, result, setFile } from './lab-helpers.ts';

const overMatching = '{\n  "source": ["com.example.shop"],\n  "detail-type": ["OrderPlaced"]\n}';
const fixed = JSON.stringify({ source: ['com.example.shop'], 'detail-type': ['OrderPlaced'], detail: { currency: ['EUR'], total: [{ numeric: ['>', 100] }] } }, null, 2);

test('a wrong pattern fails with an explanation, the fix passes, and the work survives a reload', async ({ page }) => {
  await openLab(page, '01-first-rule');
  await setFile(page, 'pattern.json', overMatching);
  await check(page);
  const small = result(page, 'An order of 40 EUR stays out');
  await expect(small).toHaveAttribute('data-status', 'failed');
  await expect(small).toContainText('Compare the total with a numeric condition');
  await small.getByText('Why did my event match?').click();
  await expect(small.locator('details li').first()).toContainText('small-eur-order vs rule big-orders');

  await setFile(page, 'pattern.json', fixed);
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText('All 7 checks passed. Lab complete!');
  await expect(page.locator('.lab-result[data-status="passed"]')).toHaveCount(7);
  const progress = await page.evaluate(() => JSON.parse(localStorage.getItem('ebc:progress') ?? '{}') as { labs?: Record<string, unknown> });
  expect(progress.labs).toHaveProperty(['01-first-rule']);

  await page.reload();
  await expect(fileBox(page, 'pattern.json')).toHaveValue(fixed);
  await expect(page.locator('.lab-save-status')).toHaveText('Your saved work was restored.');
});

test('the WebContainer says nothing until asked; without internet it says why, and the in-page runner runs the lab', async ({ page }) => {
  await openLab(page, '01-first-rule');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.locator('.lab-runner-status')).toHaveText('');
  await page.getByRole('button', { name: /Open a Node\.js terminal/ }).click();
  await expect(page.locator('.lab-runner-status')).not.toHaveText(/^(|Starting Node\.js in the browser…)$/, { timeout: 30_000 });
  await expect(page.locator('.lab-terminal')).toBeHidden();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-trace-event')).toHaveCount(6);
  await expect(page.locator('.lab-trace')).toContainText('matched big-orders');
  await expect(page.locator('.lab-trace-empty')).toHaveText('6 event(s) put on the bus.');
});

test('Run and Check are reachable with Tab and work from the keyboard; tabs move with arrow keys', async ({ page }) => {
  await openLab(page, '01-first-rule');
  await fileBox(page, 'pattern.json').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const checkButton = page.getByRole('button', { name: 'Check', exact: true });
  await expect(checkButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab-results-summary')).toHaveText(/of 7 checks passed/, { timeout: 20_000 });
  await page.getByRole('button', { name: /Show a hint/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.lab-hint-list li').first()).toBeVisible();
  await expect(page.locator('.lab-hint-list li').nth(1)).toBeHidden();
});

test('the explainer says why an event does not match a rule', async ({ page }) => {
  await openLab(page, '01-first-rule');
  await setFile(page, 'pattern.json', fixed);
  await page.getByLabel('Event', { exact: true }).selectOption('exactly-100-eur');
  await page.getByRole('button', { name: 'Explain' }).click();
  await expect(page.locator('.lab-why-result')).toContainText('Does not match.');
  await expect(page.locator('.lab-why-result')).toContainText('detail.total');
});

test('a failed save is shown, not swallowed', async ({ page }) => {
  await page.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.startsWith('ebc:lab-work:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  await openLab(page, '01-first-rule');
  await fileBox(page, 'pattern.json').fill('{ "source": ["x"] }');
  await expect(page.locator('.lab-save-status')).toHaveText(/could not be saved: browser storage is full/);
});

test('the lab page loads at most 300 KB of JavaScript (gzipped) before the editor is requested', async ({ page }) => {
  const sizes = new Map<string, number>();
  page.on('response', async (res) => {
    if (res.request().resourceType() !== 'script' && !res.url().endsWith('.js')) return;
    try {
      sizes.set(res.url(), gzipSync(await res.body()).length);
    } catch {
      // redirects have no body
    }
  });
  await openLab(page, '01-first-rule');
  await page.waitForLoadState('networkidle');
  expect([...sizes.keys()].filter((u) => /editor\.api|monaco-editors|webcontainer|xterm|typescriptServices|lab-worker/.test(u))).toEqual([]);
  const total = [...sizes.values()].reduce((a, b) => a + b, 0);
  console.log(`lab page JS before the editor: ${(total / 1024).toFixed(1)} KB gzipped in ${sizes.size} files`);
  expect(total).toBeLessThanOrEqual(300 * 1024);
});
