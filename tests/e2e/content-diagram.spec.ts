import { test, expect } from './fixtures.ts';

test('on a phone a wide diagram says that it scrolls, and scrolling reveals the rest', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/in-practice/serverless-framework/');
  const figure = page.locator('figure.ebc-diagram').first();
  const scroller = figure.locator('.ebc-dg-scroll');
  const hint = figure.locator('[data-scroll-hint]');
  await expect(hint).toBeVisible();
  await expect(hint).toContainText('scroll sideways');
  await expect(scroller).toHaveAttribute('data-overflow', 'true');
  await expect(scroller).toHaveAttribute('data-at-end', 'false');
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(scroller).toHaveAttribute('data-at-end', 'true');
  // The page itself does not scroll sideways: only the diagram does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('on a wide screen the same diagram fits and shows no hint', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/in-practice/serverless-framework/');
  const figure = page.locator('figure.ebc-diagram').first();
  await expect(figure.locator('[data-scroll-hint]')).toBeHidden();
  await expect(figure.locator('.ebc-dg-scroll')).toHaveAttribute('data-overflow', 'false');
});
