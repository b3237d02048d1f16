import { test, expect } from './fixtures.ts';

test('a glossary term shows its definition on keyboard focus and hides it on Escape', async ({ page }) => {
  await page.goto('/ddd-event-storming/bounded-contexts/');
  const term = page.locator('.ebc-term').filter({ has: page.locator('a[href="/reference/glossary/#bounded-context"]') }).first();
  const link = term.getByRole('link');
  const tip = term.getByRole('tooltip');
  await expect(tip).toBeHidden();
  await link.focus();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('A boundary inside which every word of the model has one meaning');
  // The link is described by the tooltip for screen readers.
  const describedBy = await link.getAttribute('aria-describedby');
  expect(await tip.getAttribute('id')).toBe(describedBy);
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  // Hover shows it too.
  await page.mouse.move(0, 0);
  await link.blur();
  await link.hover();
  await expect(tip).toBeVisible();
});

test('a term links to its glossary entry', async ({ page }) => {
  await page.goto('/ddd-event-storming/bounded-contexts/');
  await page.locator('.ebc-term a[href="/reference/glossary/#bounded-context"]').first().click();
  await expect(page).toHaveURL(/\/reference\/glossary\/#bounded-context$/);
  await expect(page.locator('#bounded-context')).toBeInViewport();
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });

  test('a tap on a term shows its definition instead of leaving the page; a second tap opens the glossary', async ({ page }) => {
    await page.goto('/ddd-event-storming/bounded-contexts/');
    const term = page.locator('.ebc-term').filter({ has: page.locator('a[href="/reference/glossary/#bounded-context"]') }).first();
    const tip = term.getByRole('tooltip');
    await term.getByRole('link').scrollIntoViewIfNeeded();
    await term.getByRole('link').tap();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('A boundary inside which every word of the model has one meaning');
    expect(new URL(page.url()).pathname).toBe('/ddd-event-storming/bounded-contexts/');
    // The definition panel fits the phone's screen.
    const box = (await tip.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await term.getByRole('link').tap();
    await expect(page).toHaveURL(/\/reference\/glossary\/#bounded-context$/);
  });
});
