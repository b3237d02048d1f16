// Attacks on the in-page runner, as a learner's handler: each must end that run with a message, keep
// the page responsive (a frame round trip under 200 ms while it happens), and leave the next run clean.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { check, openLab, result, setFile } from './lab-helpers.ts';

const solution = (f: string) => readFileSync(new URL(`../../labs/03-first-handler/solution/${f}`, import.meta.url), 'utf8');

/** Milliseconds from asking for an animation frame to getting it. */
function frameRoundTrip(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); }));
}

async function expectResponsive(page: Page): Promise<void> {
  for (let i = 0; i < 3; i++) expect(await frameRoundTrip(page)).toBeLessThan(200);
}

async function attack(page: Page, handler: string): Promise<void> {
  await openLab(page, '03-first-handler');
  await setFile(page, 'target.json', solution('target.json'));
  await setFile(page, 'handler.ts', handler);
}

/** Starts the attack with `button`, checks the page still draws while it runs, then waits for `message`. */
async function survive(page: Page, button: 'Run' | 'Check', message: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForTimeout(200);
  await expectResponsive(page);
  await expect(page.locator('.lab-output')).toContainText(message, { timeout: 20_000 });
}

/** After the attack, the solution passes: nothing of the attack survived into the next Check. */
async function expectCleanNextCheck(page: Page): Promise<void> {
  await setFile(page, 'handler.ts', solution('handler.ts'));
  await check(page);
  await expect(result(page, 'The handler emits OrderConfirmed')).toHaveAttribute('data-status', 'passed', { timeout: 20_000 });
}

test('a loop at the top level of the module is stopped by the watchdog', async ({ page }) => {
  await attack(page, 'for (;;) {}\nexport async function handler() {}\n');
  await survive(page, 'Check', 'handler.ts did not finish loading within 5 s');
  await expectCleanNextCheck(page);
});

test('a million log lines are capped and batched: "output truncated", and the page keeps drawing', async ({ page }) => {
  await attack(page, "export async function handler() {\n  for (let i = 0; i < 1_000_000; i++) console.log('line', i, 'x'.repeat(100));\n}\n");
  await survive(page, 'Run', 'Output truncated');
  const lines = await page.locator('.lab-output').innerText();
  expect(lines.split('\n').length).toBeLessThan(1100);
  await expectResponsive(page);
  await expectCleanNextCheck(page);
});

test('a patched built-in does not survive into the next Check', async ({ page }) => {
  await attack(page, "Array.prototype.some = function () { return true; };\nArray.prototype.every = function () { return true; };\nexport async function handler() {}\n");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  // In that run the patch breaks even the bus (it shares the worker): that is the learner's own page.
  await expect(page.locator('.lab-trace li').first()).toBeVisible({ timeout: 20_000 });
  // Back to the starter handler: the next Check, in a fresh worker, must fail it again.
  await setFile(page, 'handler.ts', "import type { ConfirmInput } from './events.ts';\nexport async function handler(input: ConfirmInput) {}\n");
  await check(page);
  await expect(result(page, 'The handler emits OrderConfirmed')).toHaveAttribute('data-status', 'failed');
  await expectCleanNextCheck(page);
});

test('a memory bomb in a handler is stopped at its timeout; the tab survives and the next Check is clean', async ({ page }) => {
  let crashed = false;
  page.on('crash', () => (crashed = true));
  // As fast as a handler can grow the heap: small objects, never released.
  await attack(page, "export async function handler() {\n  const kept: unknown[] = [];\n  for (let i = 0; ; i++) kept.push({ i, s: 'x' + i });\n}\n");
  await survive(page, 'Run', 'ran longer than its 3 s timeout');
  expect(crashed).toBe(false);
  await expectResponsive(page);
  await expectCleanNextCheck(page);
});
