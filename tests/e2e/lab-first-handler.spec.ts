import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { check, fileBox, openLab, result, setFile } from './lab-helpers.ts';

const solution = (f: string) => readFileSync(new URL(`../../labs/03-first-handler/solution/${f}`, import.meta.url), 'utf8');

test('the TypeScript handler lab passes with the solution, compiled and run in the page', async ({ page }) => {
  await openLab(page, '03-first-handler');
  await check(page);
  await expect(result(page, 'The handler receives orderId')).toHaveAttribute('data-status', 'failed');
  for (const f of ['target.json', 'handler.ts', 'order-confirmed.schema.json']) await setFile(page, f, solution(f));
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText('All 12 checks passed. Lab complete!', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-trace')).toContainText('OrderConfirmed from com.example.orders');
  await expect(page.locator('.lab-trace')).toContainText('this event was put by a handler');
  await expect(page.locator('.lab-output')).toContainText('confirm-order received');
});

test('a handler stuck in while (true) is stopped within its timeout, the page stays responsive, and the next check works', async ({ page }) => {
  await openLab(page, '03-first-handler');
  await setFile(page, 'target.json', solution('target.json'));
  await setFile(page, 'handler.ts', 'export async function handler() {\n  while (true) {}\n}\n');
  const started = Date.now();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  // While the worker spins, the page still answers.
  await page.getByRole('button', { name: /Show a hint/ }).click();
  await expect(page.locator('.lab-hint-list li').first()).toBeVisible();
  await expect(page.locator('.lab-output')).toContainText('confirm-order (handler.ts) ran longer than its 3 s timeout', { timeout: 15_000 });
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(page.locator('.lab-results-summary')).toHaveText(/of 12 checks passed/);
  await setFile(page, 'handler.ts', solution('handler.ts'));
  await check(page);
  await expect(result(page, 'The handler emits OrderConfirmed')).toHaveAttribute('data-status', 'passed', { timeout: 20_000 });
});

test('a handler that throws is reported with its stack', async ({ page }) => {
  await openLab(page, '03-first-handler');
  await setFile(page, 'target.json', solution('target.json'));
  await setFile(page, 'handler.ts', 'export async function handler(input: { orderId: string }) {\n  throw new Error(`no stock for ${input.orderId}`);\n}\n');
  await check(page);
  const emitted = result(page, 'The handler emits OrderConfirmed');
  await expect(emitted).toContainText('Your handler confirm-order threw: Error: no stock for o-1001');
  await expect(emitted).toContainText('handler.ts');
});

test('a handler cannot reach the network or storage', async ({ page }) => {
  await openLab(page, '03-first-handler');
  await setFile(page, 'target.json', solution('target.json'));
  await setFile(page, 'handler.ts', "export async function handler() {\n  console.log('sandbox', typeof fetch, typeof indexedDB, typeof importScripts, typeof XMLHttpRequest, typeof localStorage);\n}\n");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-output')).toContainText('sandbox undefined undefined undefined undefined undefined');
});

test('Show solution compares without touching the learner code; Reset asks first', async ({ page }) => {
  await openLab(page, '03-first-handler');
  const mine = 'export async function handler() {\n  // my attempt\n}\n';
  await setFile(page, 'handler.ts', mine);
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.locator('#lab-solution')).toBeVisible();
  await expect(page.locator('.lab-diff-del', { hasText: '// my attempt' })).toHaveText(/^− +\/\/ my attempt/);
  await expect(page.locator('.lab-diff-add').first()).toBeVisible();
  await expect(fileBox(page, 'handler.ts')).toHaveValue(mine);
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await expect(fileBox(page, 'handler.ts')).toHaveValue(mine);
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset to starter' }).click();
  await expect(fileBox(page, 'handler.ts')).toHaveValue(/TODO: put an OrderConfirmed event/);
});

test('in the code editor, handler.ts is type-checked against the lab types and aws-lambda', async ({ page }) => {
  await openLab(page, '03-first-handler', 'monaco');
  await expect(page.locator('lab-workspace')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'handler.ts' }).click();
  const editor = page.locator('.lab-monaco .monaco-editor');
  await expect(editor).toContainText('confirm-order received');
  // The starter (imports from ./events.ts, uses console) has no type errors.
  await page.waitForTimeout(3000);
  await expect(page.locator('.lab-monaco .squiggly-error')).toHaveCount(0);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\nexport const wrong: number = ({} as import("./events.ts").ConfirmInput).email;\nexport type E = import("aws-lambda").EventBridgeEvent<"X", { a: 1 }>["detail-type"];\n');
  await expect(page.locator('.lab-monaco .squiggly-error')).toHaveCount(1, { timeout: 20_000 });
});

test('Stop cancels a run at once, and the next run uses a fresh worker', async ({ page }) => {
  await openLab(page, '03-first-handler');
  await setFile(page, 'target.json', solution('target.json'));
  await setFile(page, 'handler.ts', 'export async function handler() {\n  while (true) {}\n}\n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const stop = page.getByRole('button', { name: 'Stop' });
  await expect(stop).toBeVisible();
  await expect(page.locator('.lab-trace')).toContainText('attempt 1', { timeout: 15_000 });
  await stop.click();
  await expect(page.locator('.lab-output')).toContainText('Cancelled.');
  await expect(stop).toBeHidden();
  await setFile(page, 'handler.ts', solution('handler.ts'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-output')).toContainText('confirm-order received', { timeout: 15_000 });
});
