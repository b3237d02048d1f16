// What a newcomer's walk through the lab pages found, one test each.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { fileBox, openLab, setFile } from './lab-helpers.ts';

/** WCAG contrast of an element's text against the first opaque background behind it. */
function contrast(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((node) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    let bg: number[] = [255, 255, 255];
    for (let el: Element | null = node; el; el = el.parentElement) {
      const c = rgb(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3]! > 0.99)) {
        bg = c.slice(0, 3);
        break;
      }
    }
    const [a, b] = [lum(rgb(getComputedStyle(node).color)), lum(bg)];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  });
}

test('the pinball trace is readable on a 360 px phone, and its loop warning has at least 4.5:1 contrast in both themes', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await openLab(page, '04-stop-the-pinball');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-trace-warning').first()).toBeVisible({ timeout: 20_000 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The deepest card still has room for words, not one letter per line.
  const narrowest = await page.locator('.lab-trace-event').evaluateAll((cards) => Math.min(...cards.map((c) => c.getBoundingClientRect().width)));
  expect(narrowest).toBeGreaterThan(160);
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    expect(await contrast(page, '.lab-trace-warning')).toBeGreaterThanOrEqual(4.5);
  }
});

async function openWithEditor(page: Page, id: string): Promise<void> {
  await openLab(page, id, 'monaco');
  await expect(page.locator('lab-workspace[data-editor="monaco"] .monaco-editor').first()).toBeVisible({ timeout: 20_000 });
}

test('in the code editor Ctrl+Enter runs and Ctrl+Shift+Enter checks; the way out of Tab is shown', async ({ page }) => {
  await openWithEditor(page, '01-first-rule');
  await expect(page.locator('.lab-editor-keys')).toBeVisible();
  await expect(page.locator('.lab-editor-keys')).toContainText('Ctrl+M');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.lab-trace-event').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.locator('.lab-results-summary')).toHaveText(/checks passed/, { timeout: 20_000 });
  // Neither key inserted a line into the pattern.
  expect(await page.evaluate(() => localStorage.getItem('ebc:lab-work:01-first-rule'))).toBeNull();
});

test('Show solution in the code editor throws nothing', async ({ page }) => {
  await openWithEditor(page, '03-first-handler');
  await page.getByRole('button', { name: 'Show solution' }).click();
  await expect(page.locator('.lab-diff-editor .monaco-diff-editor').first()).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(1000);
  // The fixture fails the test on any uncaught error or console error.
});

test('without JavaScript a lab page shows no dead buttons and says what needs JavaScript', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/labs/01-first-rule/');
  await expect(page.locator('.lab-nojs')).toContainText('need JavaScript');
  await expect(page.locator('.lab-nojs')).toContainText('npm run lab -- check 01-first-rule');
  for (const name of ['Run', 'Check', 'Show solution', 'Reset to starter', 'Explain']) await expect(page.getByRole('button', { name, exact: true })).toBeHidden();
  await expect(page.locator('textarea.lab-textarea').first()).toBeVisible();
  await context.close();
});

test('a TypeScript runtime error points at the learner\'s file and line, without our frames', async ({ page }) => {
  await openLab(page, '03-first-handler');
  await setFile(page, 'target.json', '{ "InputTransformer": { "InputPathsMap": { "id": "$.detail.orderId" }, "InputTemplate": "{\\"orderId\\": <id>}" } }');
  await setFile(page, 'handler.ts', "import type { ConfirmInput } from './events.ts';\n\nexport async function handler(input: ConfirmInput): Promise<void> {\n  const n: number = 1;\n  throw new Error(`broken ${n}`);\n}\n");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const output = page.locator('.lab-output');
  await expect(output).toContainText('Error: broken 1', { timeout: 20_000 });
  await expect(output).toContainText('handler.ts:5');
  await expect(output).not.toContainText('lab-worker');
  await expect(output).not.toContainText('blob:');
  expect(await fileBox(page, 'handler.ts').inputValue()).toContain('broken');
});

test('on a slow network the editor upgrade keeps what was typed, the cursor and the focus, and the page does not jump', async ({ page }) => {
  // Hold the editor's code back, as a slow connection would, until the learner has typed.
  let release: () => void = () => undefined;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/monaco-editors\.[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await openLab(page, '01-first-rule', 'monaco');
  const box = fileBox(page, 'pattern.json');
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n// typed early');
  const before = await page.locator('.lab-work').evaluate((el) => el.getBoundingClientRect().top);
  const boxHeight = await box.evaluate((el) => (el as HTMLElement).offsetHeight);
  release();
  await expect(page.locator('lab-workspace[data-editor="monaco"] .monaco-editor').first()).toBeVisible({ timeout: 20_000 });
  await page.keyboard.type(' and later');
  await expect(page.locator('.monaco-editor .view-lines').first()).toContainText('// typed early and later');
  const after = await page.locator('.lab-work').evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(after - before)).toBeLessThan(2);
  const editorHeight = await page.locator('.lab-monaco').evaluate((el) => (el as HTMLElement).offsetHeight);
  expect(Math.abs(editorHeight - Math.max(boxHeight, 240))).toBeLessThan(4);
});
