// One TypeScript compiler per learner: with the code editor open, the editor's own TypeScript worker
// compiles the handler for Run and Check, so the in-page runner never downloads a second compiler; with
// the plain editor the runner loads its own. Errors read the same either way (file:line:column).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { check, fileBox, fileTab, openLab } from './lab-helpers.ts';

const solution = (f: string) => readFileSync(new URL(`../../labs/03-first-handler/solution/${f}`, import.meta.url), 'utf8');

async function fillSolution(page: Page, handler = solution('handler.ts')): Promise<void> {
  for (const [f, text] of [['target.json', solution('target.json')], ['order-confirmed.schema.json', solution('order-confirmed.schema.json')], ['handler.ts', handler]] as const) {
    await fileTab(page, f).click();
    await fileBox(page, f).fill(text);
  }
}

function compilerRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (/typescriptServices/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

async function openEditor(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use the code editor' }).click();
  await expect(page.locator('lab-workspace')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
}

test('with the code editor open, Check runs the handler compiled by the editor: no second TypeScript compiler is downloaded', async ({ page }) => {
  const fetched = compilerRequests(page);
  await openLab(page, '03-first-handler');
  await fillSolution(page);
  await openEditor(page);
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText('All 12 checks passed. Lab complete!');
  expect(fetched).toEqual([]);
});

test('with the plain editor the runner loads its own compiler, and both report a syntax error at the same place', async ({ page }) => {
  const fetched = compilerRequests(page);
  await openLab(page, '03-first-handler');
  const broken = solution('handler.ts').replace('const client = new EventBridgeClient({});', 'const client = new EventBridgeClient({};');
  await fillSolution(page, broken);
  await check(page);
  const plain = await page.locator('.lab-result-message').first().innerText();
  expect(plain).toMatch(/handler\.ts:\d+:\d+: '\)' expected/);
  expect(fetched.length).toBeGreaterThan(0);
  await openEditor(page);
  await check(page);
  const inEditor = await page.locator('.lab-result-message').first().innerText();
  expect(inEditor.match(/handler\.ts:\d+:\d+/)?.[0]).toBe(plain.match(/handler\.ts:\d+:\d+/)?.[0]);
});

test("a runtime error in the editor-compiled handler points at the learner's own line", async ({ page }) => {
  await openLab(page, '03-first-handler');
  await fileTab(page, 'handler.ts').click();
  await fileBox(page, 'handler.ts').fill("import type { ConfirmInput } from './events.ts';\n\nexport const handler = async (input: ConfirmInput): Promise<void> => {\n  const n: number = 1;\n  throw new Error(`broken ${n} ${input.orderId}`);\n};\n");
  await openEditor(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const output = page.locator('.lab-output');
  await expect(output).toContainText('Error: broken 1', { timeout: 20_000 });
  await expect(output).toContainText('handler.ts:5');
  await expect(output).not.toContainText('blob:');
});

test("a handler that imports the lab's own modules also runs compiled by the editor, with no second compiler", async ({ page }) => {
  const fetched = compilerRequests(page);
  const lab = '11-retries-and-dead-letters';
  await openLab(page, lab);
  for (const f of ['handler.ts', 'invoke-config.json']) {
    await fileTab(page, f).click();
    await fileBox(page, f).fill(readFileSync(new URL(`../../labs/${lab}/solution/${f}`, import.meta.url), 'utf8'));
  }
  await openEditor(page);
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText(/^All \d+ checks passed\. Lab complete!$/);
  expect(fetched).toEqual([]);
});
