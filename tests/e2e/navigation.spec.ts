import { test, expect } from './fixtures.ts';

test('the home page shows the course path and leads to the first lesson', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Event-Driven Serverless');
  await expect(page.locator('.ebc-module').first()).toContainText('Serverless');
  await page.getByRole('link', { name: 'Start the first lesson' }).click();
  await expect(page).toHaveURL(/\/serverless\/what-is-serverless\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is serverless?');
});

test('both module 1 lessons are reachable by clicking from the home page', async ({ page }) => {
  await page.goto('/');
  await page.locator('.ebc-course-path').getByRole('link', { name: 'Not just Lambda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not just Lambda');
});

test('previous and next links walk through the lessons in order', async ({ page }) => {
  await page.goto('/serverless/what-is-serverless/');
  await page.locator('.pagination-links a[rel="next"]').click();
  await expect(page).toHaveURL(/\/serverless\/not-just-lambda\/$/);
  await page.locator('.pagination-links a[rel="prev"]').click();
  await expect(page).toHaveURL(/\/serverless\/what-is-serverless\/$/);
});

test('the sidebar lists the modules and navigates to a lesson', async ({ page }) => {
  await page.goto('/serverless/what-is-serverless/');
  const sidebar = page.locator('nav[aria-label="Main"]');
  await expect(sidebar).toContainText('1. Serverless');
  await sidebar.getByRole('link', { name: 'Not just Lambda' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not just Lambda');
  await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]')).toHaveText(/Not just Lambda/);
});

test('search finds a lesson by a word in its text', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).first().click();
  const input = page.getByRole('searchbox').or(page.locator('#starlight__search input')).first();
  await input.fill('LessOps');
  const result = page.locator('#starlight__search .pagefind-ui__result-link').first();
  await expect(result).toHaveText(/What is serverless/);
  await result.click();
  await expect(page).toHaveURL(/what-is-serverless/);
});

test('the theme selector switches between light and dark and remembers the choice', async ({ page }) => {
  await page.goto('/serverless/what-is-serverless/');
  const select = page.locator('starlight-theme-select select').first();
  await select.selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('a lesson reads on a phone without sideways scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('/serverless/not-just-lambda/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.locator('nav[aria-label="Main"]').getByRole('link', { name: 'What is serverless?' })).toBeVisible();
});
