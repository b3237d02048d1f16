// The lab editor type-checks a real Lambda handler: the SDK's EventBridgeClient and PutEventsCommand,
// aws-lambda's Context, process.env. Independent of the lab's starter: the test writes its own handler.
import { test, expect } from './fixtures.ts';
import { CONFIRM_ORDER_HANDLER } from '../../src/labs/editor-types/sample-handler.ts';
import { fileBox, fileTab, openLab } from './lab-helpers.ts';

test('the code editor knows the SDK client, Lambda Context and process.env, and names a misspelt PutEvents member', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  // The handler goes in through the plain box (saved as the learner's work), then the editor opens on it.
  await openLab(page, '03-first-handler');
  await fileTab(page, 'handler.ts').click();
  expect(CONFIRM_ORDER_HANDLER).toContain('Entries: [{');
  await fileBox(page, 'handler.ts').fill(CONFIRM_ORDER_HANDLER.replace('Entries: [{', 'Entrie: [{'));
  await page.getByRole('button', { name: 'Use the code editor' }).click();
  await expect(page.locator('lab-workspace')).toHaveAttribute('data-editor', 'monaco', { timeout: 30_000 });
  const editor = page.locator('.lab-monaco .monaco-editor');
  await expect(editor).toContainText('confirm-order received');

  // One problem, and Go to Next Problem (F8) shows what it is.
  await expect(page.locator('.lab-monaco .squiggly-error')).toHaveCount(1, { timeout: 30_000 });
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('F8');
  const problem = page.locator('.lab-monaco .marker-widget');
  await expect(problem).toContainText("'Entrie' does not exist in type 'PutEventsCommandInput'");

  // F8 left the cursor on the misspelt name: mend it, and the editor has nothing left to flag.
  await page.keyboard.press('Escape');
  await expect(problem).toBeHidden();
  await page.keyboard.press('ControlOrMeta+Shift+ArrowRight');
  await page.keyboard.insertText('Entries');
  await expect(editor).toContainText('Entries: [{ EventBusName');
  await expect(page.locator('.lab-monaco .squiggly-error')).toHaveCount(0, { timeout: 30_000 });
  await page.keyboard.press('F8');
  await page.waitForTimeout(500);
  await expect(problem).toHaveCount(0);
  await expect(fileBox(page, 'handler.ts')).toHaveValue(CONFIRM_ORDER_HANDLER);
});
