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

test('the home page says how long the whole course takes, adding every lesson and lab', async ({ page }) => {
  await page.goto('/');
  const time = page.locator('[data-course-time]');
  await expect(time).toContainText(/The whole course takes about \d+ h \d{2} min: \d+ lessons, about .+, and \d+ labs, about .+\./);
  // The sum agrees with the minutes shown next to each step of the path.
  const shown = await page.locator('.ebc-course-path .ebc-minutes').allTextContents();
  const sum = shown.reduce((n, t) => n + Number(/(\d+) min/.exec(t)?.[1] ?? 0), 0);
  const text = (await time.textContent()) ?? '';
  const [, h, m] = /about (\d+) h (\d{2}) min:/.exec(text) ?? [];
  expect(Number(h) * 60 + Number(m)).toBe(sum);
});

test('the labs list keeps a space between a lab minutes and "Passed."', async ({ page }) => {
  await page.goto('/labs/');
  await page.evaluate(() => localStorage.setItem('ebc:progress', JSON.stringify({ version: 1, lessons: {}, labs: { '01-first-rule': { passedAt: '2026-01-01T00:00:00Z' } } })));
  await page.reload();
  const item = page.locator('li').filter({ has: page.locator('[data-lab-passed="01-first-rule"]') });
  await expect(item.locator('[data-lab-passed]')).toBeVisible();
  expect(await item.innerText()).toMatch(/\. Passed\./);
});
