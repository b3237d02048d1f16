import { test, expect } from './fixtures.ts';

// Lesson pages show their time, objectives, the date their facts were checked and their sources, and lead to labs.
test('a lesson shows its minutes and objectives under the title', async ({ page }) => {
  await page.goto('/eventbridge/buses-and-events/');
  const intro = page.locator('[data-lesson-intro]');
  await expect(intro).toBeVisible();
  await expect(intro).toContainText('About 14 minutes');
  await expect(intro.getByRole('listitem')).toHaveCount(3);
  await expect(intro).toContainText('Send events with PutEvents and handle its limits and partial failures.');
  // It sits right after the h1, before the lesson body.
  const order = await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    const box = document.querySelector('[data-lesson-intro]')!;
    const body = document.querySelector('.sl-markdown-content')!;
    return [h1.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING, box.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING];
  });
  expect(order.every(Boolean)).toBe(true);
});

test('a lesson says when its facts were checked and links its sources', async ({ page }) => {
  await page.goto('/eventbridge/buses-and-events/');
  const facts = page.locator('section.ebc-facts');
  await expect(facts.getByRole('heading', { name: /^Facts checked on / })).toBeVisible();
  await expect(facts.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  const blog = facts.getByRole('link', { name: /More room to build/ });
  await expect(blog).toHaveAttribute('href', /aws\.amazon\.com\/blogs\/compute\/more-room-to-build/);
  // The lesson states the current limit in its text, with the date it changed.
  await expect(page.locator('.sl-markdown-content')).toContainText('1 MB per entry');
  await expect(page.locator('.sl-markdown-content')).toContainText('2026-01-29');
});

test('the home page and the glossary are not lessons: no intro, no facts box', async ({ page }) => {
  for (const path of ['/', '/reference/glossary/']) {
    await page.goto(path);
    await expect(page.locator('[data-lesson-intro]'), path).toHaveCount(0);
    await expect(page.locator('section.ebc-facts'), path).toHaveCount(0);
  }
});

test('the references page lists every lesson with its check date and sources', async ({ page }) => {
  await page.goto('/reference/references/');
  const list = page.locator('[data-lesson-sources]');
  const lessons = list.locator('li[data-lesson]');
  expect(await lessons.count()).toBeGreaterThanOrEqual(24);
  for (const li of await lessons.all()) {
    await expect(li).toContainText('facts checked on');
    expect(await li.locator('ul a[href^="http"]').count()).toBeGreaterThan(0);
  }
});

test('the last lesson of a module leads next to its lab, and the next module leads back to it', async ({ page }) => {
  await page.goto('/architectures/lambda-pinball/');
  const next = page.locator('.pagination-links a[rel="next"]');
  await expect(next).toContainText('Lab: Stop the pinball');
  await next.click();
  await expect(page).toHaveURL(/\/labs\/04-stop-the-pinball\/$/);
  await page.goto('/soa-and-esb/service-oriented-architecture/');
  await expect(page.locator('.pagination-links a[rel="prev"]')).toContainText('Lab: Stop the pinball');
  // A lesson in the middle of a module keeps Starlight's own links.
  await page.goto('/serverless/what-is-serverless/');
  await expect(page.locator('.pagination-links a[rel="next"]')).toContainText('Not just Lambda');
});

test('a lesson that lists labs ends with Practise links to them', async ({ page }) => {
  await page.goto('/eventbridge/delivery-archives-schemas/');
  const practise = page.getByRole('navigation', { name: 'Practise this lesson' });
  await practise.getByRole('link', { name: 'Practise: Replay the outage' }).click();
  await expect(page).toHaveURL(/\/labs\/07-replay-the-outage\/$/);
});
