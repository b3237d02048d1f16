import { test, expect } from './fixtures.ts';

test('a pattern playground updates its verdict as you type', async ({ page }) => {
  await page.goto('/eventbridge/rules-and-patterns/');
  const pg = page.locator('ebc-pattern-playground').filter({ hasText: '31.5 is not >= 50' });
  const verdict = pg.locator('.ebc-pg-headline');
  await expect(verdict).toHaveText('No match');

  // Lower the threshold below the order total: the verdict flips to a match.
  const pattern = pg.getByLabel('Event pattern');
  await pattern.fill(`{ "detail": { "total": [{ "numeric": [">=", 30] }] } }`);
  await expect(verdict).toHaveText('Match');
  await expect(pg.locator('.ebc-pg-fields')).toContainText('detail.total: 31.5 satisfies the pattern');

  // Break the JSON: the verdict explains the problem.
  await pattern.press('End');
  await pattern.pressSequentially(' oops');
  await expect(verdict).toContainText('Invalid pattern:');

  // Edit the event instead, after a reset.
  await pg.getByRole('button', { name: 'Reset example' }).click();
  await expect(verdict).toHaveText('No match');
  const event = pg.getByLabel('Event', { exact: true });
  await event.fill((await event.inputValue()).replace('"total": 31.5', '"total": 75'));
  await expect(verdict).toHaveText('Match');
});

test('the engine is loaded only when a learner uses a playground', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/eventbridge/rules-and-patterns/');
  await page.waitForLoadState('networkidle');
  // The verdict module (and the engine it imports) is a separate chunk, not part of the page's first load.
  expect(scripts.filter((u) => u.includes('playground-verdict'))).toEqual([]);
  const before = scripts.length;
  const pg = page.locator('ebc-pattern-playground').first();
  await pg.getByLabel('Event pattern').fill('{ "source": ["other"] }');
  await expect(pg.locator('.ebc-pg-headline')).toHaveText('No match');
  expect(scripts.slice(before).some((u) => u.includes('playground-verdict'))).toBe(true);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('each playground shows its example and the verdict computed at build time', async ({ page }) => {
    await page.goto('/eventbridge/rules-and-patterns/');
    const headlines = page.locator('.ebc-pg-headline');
    await expect(headlines.first()).toHaveText('Match');
    await expect(page.locator('.ebc-pg-headline', { hasText: 'Invalid pattern' })).toHaveCount(1);
  });
});

test('the $or playground matches when one branch holds, and flips when the event meets another branch', async ({ page }) => {
  await page.goto('/eventbridge/rules-and-patterns/');
  const either = page.locator('ebc-pattern-playground').filter({ hasText: 'one branch is enough' });
  await expect(either.locator('.ebc-pg-headline')).toHaveText('Match');
  const neither = page.locator('ebc-pattern-playground').filter({ hasText: 'no $or branch does' });
  const verdict = neither.locator('.ebc-pg-headline');
  await expect(verdict).toHaveText('No match');
  const event = neither.getByLabel('Event', { exact: true });
  await event.fill((await event.inputValue()).replace('"city": "Lyon"', '"city": "Paris"'));
  await expect(verdict).toHaveText('Match');
  // Fields outside $or still apply to every branch.
  await event.fill((await event.inputValue()).replace('"source": "food.orders"', '"source": "food.payments"'));
  await expect(verdict).toHaveText('No match');
});
