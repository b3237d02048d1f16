import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

// Keyboard only: focus a control (as Tab would), then keys. Chromium on Linux changes a closed <select>
// with the arrow keys.
async function choose(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 30; i++) {
    const current = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    if (typeof text === 'string' ? current === text : text.test(current)) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option ${String(text)}`);
}

async function addNote(page: Page, kind: string, text: string): Promise<void> {
  await choose(page, page.locator('#sb-add-kind'), kind);
  await typeInto(page, page.locator('#sb-add-text'), text, 'Enter');
  await expect(page.locator('[data-part="status"]').filter({ hasText: `"${text}"` })).toBeVisible();
}

const note = (page: Page, label: string) => page.locator('.sb-canvas').getByRole('button', { name: new RegExp(`^${label}`) });
const inspector = (page: Page) => page.locator('[data-part="inspector"]');

async function edit(page: Page, label: string): Promise<void> {
  await note(page, label).focus();
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByLabel('Text', { exact: true })).toBeFocused();
}

async function nextStep(page: Page, n: number): Promise<void> {
  await page.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(`.sb-step-btn[data-step="${n}"]`)).toHaveAttribute('aria-current', 'step');
}

async function putInContext(page: Page, name: string): Promise<void> {
  await choose(page, inspector(page).getByLabel('Context', { exact: true }), name);
  await inspector(page).getByRole('button', { name: 'Put in context' }).focus();
  await page.keyboard.press('Enter');
}

const EVENTS = ['Order placed', 'Order paid'];

async function chooseOnEachEvent(page: Page, control: string, option: string): Promise<void> {
  for (const e of EVENTS) {
    await edit(page, `Domain event: ${e}`);
    await choose(page, inspector(page).getByLabel(control), option);
  }
}

async function typeInto(page: Page, field: Locator, text: string, then: 'Enter' | 'Tab'): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
  await page.keyboard.press(then);
}

const checkOk = (page: Page, n: number) => expect(page.locator('[data-part="check"]')).toContainText(`Step ${n} (`);

test('a small board built by keyboard alone through the eight steps, undo and redo, reload, export and import', async ({ page }) => {
  await page.goto('/storming/');
  await expect(page.locator('[data-part="status"]').filter({ hasText: 'New board' })).toBeVisible();

  // 1. event discovery
  await addNote(page, 'Domain event', 'Order placed');
  await addNote(page, 'Domain event', 'Order paid');
  await checkOk(page, 1);
  // 2. timeline: nothing to merge
  await nextStep(page, 2);
  await checkOk(page, 2);
  // 3. triggers
  await nextStep(page, 3);
  await expect(page.locator('[data-part="check"]')).toContainText('has no trigger');
  await addNote(page, 'Command', 'Place order');
  await addNote(page, 'Policy', 'Whenever placed: take payment');
  await edit(page, 'Domain event: Order placed');
  await choose(page, inspector(page).getByLabel('Trigger (step 3)'), 'Command: Place order');
  await edit(page, 'Domain event: Order paid');
  await choose(page, inspector(page).getByLabel('Trigger (step 3)'), 'Policy: Whenever placed: take payment');
  await checkOk(page, 3);
  // 4. aggregates
  await nextStep(page, 4);
  await addNote(page, 'Aggregate or entity', 'Order');
  await chooseOnEachEvent(page, 'Aggregate (step 4)', 'Order');
  await checkOk(page, 4);
  // 5. a bounded context, notes grouped into it by multi-select
  await nextStep(page, 5);
  await typeInto(page, page.getByLabel('Bounded context'), 'Ordering', 'Enter');
  await note(page, 'Domain event: Order placed').focus();
  await page.keyboard.press('Escape');
  for (const n of ['Domain event: Order placed', 'Domain event: Order paid', 'Aggregate or entity: Order']) {
    await note(page, n).focus();
    await page.keyboard.press('Space');
  }
  await expect(inspector(page)).toContainText('3 items selected');
  await putInContext(page, 'Ordering');
  await expect(note(page, 'Domain event: Order placed')).toHaveAccessibleName('Domain event: Order placed, in Ordering');
  await checkOk(page, 5);
  // 6. services inside the context, owners
  await nextStep(page, 6);
  for (const s of ['orders', 'billing']) {
    await addNote(page, 'Microservice', s);
    await edit(page, `Microservice: ${s}`);
    await putInContext(page, 'Ordering');
  }
  await edit(page, 'Microservice: orders, in Ordering');
  await inspector(page).getByLabel('Order (Ordering)').focus();
  await page.keyboard.press('Space');
  await chooseOnEachEvent(page, 'Owner service (step 6)', 'orders (Ordering)');
  await checkOk(page, 6);
  // 7. one bus, consumers
  await nextStep(page, 7);
  await page.getByText('Board, bus and sources').focus();
  await page.keyboard.press('Enter');
  await typeInto(page, page.getByLabel('Bus name (step 7)'), 'shop', 'Tab');
  await typeInto(page, page.getByLabel('Source prefix (step 7)'), 'shop', 'Tab');
  for (const e of EVENTS) {
    await edit(page, `Domain event: ${e}`);
    await inspector(page).getByLabel('billing (Ordering)').focus();
    await page.keyboard.press('Space');
  }
  await checkOk(page, 7);
  // 8. a shared schema: one required field per event
  await nextStep(page, 8);
  for (const e of EVENTS) {
    await edit(page, `Domain event: ${e}`);
    await inspector(page).getByRole('button', { name: 'Add field' }).focus();
    await page.keyboard.press('Enter');
    await expect(inspector(page).getByLabel('Field 1 name')).toBeFocused();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('orderId');
    await page.keyboard.press('Tab');
  }
  await checkOk(page, 8);
  for (let n = 1; n <= 8; n++) await expect(page.locator(`.sb-step-btn[data-step="${n}"]`)).toHaveAttribute('data-done', 'true');

  // move by arrow keys
  const placed = note(page, 'Domain event: Order placed');
  const left = await placed.evaluate((el) => parseFloat(el.style.left));
  await placed.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => placed.evaluate((el) => parseFloat(el.style.left))).toBe(left + 48);

  // undo and redo a delete
  await note(page, 'Command: Place order').focus();
  await page.keyboard.press('Delete');
  await expect(note(page, 'Command: Place order')).toHaveCount(0);
  await page.locator('[data-part="viewport"]').focus();
  await page.keyboard.press('Control+Z');
  await expect(note(page, 'Command: Place order')).toHaveCount(1);
  await page.keyboard.press('Control+Y');
  await expect(note(page, 'Command: Place order')).toHaveCount(0);
  await page.keyboard.press('Control+Z');
  await expect(note(page, 'Command: Place order')).toHaveCount(1);

  // reload: the board is intact
  await page.reload();
  await expect(page.locator('[data-part="status"]').filter({ hasText: 'restored' })).toBeVisible();
  await expect(page.locator('.sb-sticky')).toHaveCount(7);
  await expect(page.locator('.sb-step-btn[data-step="8"]')).toHaveAttribute('aria-current', 'step');
  await checkOk(page, 8);

  // export the board file, start afresh, import it
  await page.getByRole('button', { name: 'Download board file (JSON)' }).focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const saved = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(saved).toMatchObject({ format: 'eventbridge-storming-board', version: 1, step: 8, bus: { name: 'shop', sourcePrefix: 'shop' } });
  expect(saved.stickies).toHaveLength(7);
  await page.getByRole('button', { name: 'New board' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.sb-sticky')).toHaveCount(0);
  await page.locator('[data-part="open-file"]').setInputFiles((await file.path())!);
  await expect(page.locator('.sb-sticky')).toHaveCount(7);
  await checkOk(page, 8);

  // an architecture export downloads as a zip
  await choose(page, page.getByLabel('Export', { exact: true }), 'CloudFormation template');
  await page.getByRole('button', { name: 'Download export (.zip)' }).focus();
  const [zip] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const bytes = readFileSync((await zip.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  const entries = unzipSync(new Uint8Array(bytes));
  expect(Object.values(entries).map((b) => strFromU8(b)).join('\n')).toContain('AWS::Events::EventBus');
});

test('the worked example loads with one click, notes move by drag, and a failed save is shown', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((globalThis as { failSaves?: boolean }).failSaves) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await page.goto('/storming/');
  await page.getByRole('button', { name: 'Load the worked example' }).click();
  await expect(page.locator('.sb-sticky')).toHaveCount(41);
  await expect(page.locator('.sb-context-name')).toHaveText(['Ordering', 'Kitchen', 'Payments', 'Delivery']);
  await expect(page.locator('[data-part="check"]')).toContainText('Step 8 (');
  const ev = note(page, 'Domain event: Order placed');
  await ev.scrollIntoViewIfNeeded();
  const box = (await ev.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 80, { steps: 5 });
  await page.mouse.up();
  const moved = (await ev.boundingBox())!;
  expect(Math.round(moved.x - box.x)).toBe(40);
  expect(Math.round(moved.y - box.y)).toBe(60);
  const [picture] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download picture (SVG)' }).click()]);
  expect(readFileSync((await picture.path())!, 'utf8')).toMatch(/^<svg [\s\S]*Domain event: Order placed/);
  // a keyboard move out of a context is announced
  await ev.focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowUp');
  await expect(page.locator('[data-part="status"]')).toContainText('Now outside Ordering.');
  await page.evaluate(() => ((globalThis as { failSaves?: boolean }).failSaves = true));
  await page.locator('#sb-add-text').fill('Tip added');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('[data-part="status"]')).toContainText('Not saved');
  await expect(page.locator('[data-part="status"]')).toHaveAttribute('data-state', 'error');
});

for (const [path, theme] of [['/storming/', 'light'], ['/storming/', 'dark'], ['/storming/facilitator/', 'dark']] as const) {
  test(`no serious or critical accessibility violations on ${path} (${theme}), empty and with the example board`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    const serious = async () => {
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      return bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    };
    await page.goto(path);
    expect(await serious()).toEqual([]);
    await page.goto('/storming/');
    await page.getByRole('button', { name: 'Load the worked example' }).click();
    await note(page, 'Domain event: Order placed').click();
    if (path !== '/storming/') await page.goto(path);
    expect(await serious()).toEqual([]);
  });
}

test('the facilitator view follows the board and times the step', async ({ page, context }) => {
  await page.goto('/storming/');
  await page.getByRole('button', { name: 'Load the worked example' }).click();
  const big = await context.newPage();
  await big.goto('/storming/facilitator/');
  await expect(big.getByRole('heading', { name: 'Step 8 of 8: A shared schema' })).toBeVisible();
  await big.getByRole('button', { name: 'Previous step' }).click();
  await expect(big.getByRole('heading', { name: 'Step 7 of 8: One EventBridge bus' })).toBeVisible();
  await expect(page.locator('.sb-step-btn[data-step="7"]')).toHaveAttribute('aria-current', 'step');
  await big.getByRole('button', { name: 'Start' }).click();
  await expect(big.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => big.locator('[data-part="time"]').textContent(), { timeout: 5000 }).not.toBe('10:00');
});

test('the board page works at 390 px wide', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/storming/');
  await page.getByRole('button', { name: 'Load the worked example' }).click();
  await expect(page.locator('.sb-sticky').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const vp = (await page.locator('[data-part="viewport"]').boundingBox())!;
  expect(vp.width).toBeGreaterThan(300);
  expect(vp.x + vp.width).toBeLessThanOrEqual(390);
});
