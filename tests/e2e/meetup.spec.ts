import { test, expect } from './fixtures.ts';
import { check, setFile } from './lab-helpers.ts';
import { startMeetupHost } from './meetup-host.ts';

const fixed = JSON.stringify({ source: ['com.example.shop'], 'detail-type': ['OrderPlaced'], detail: { currency: ['EUR'], total: [{ numeric: ['>', 100] }] } }, null, 2);

test('the host serves the course, a learner joins, and their passed check appears on the dashboard within seconds', async ({ browser }) => {
  const { url, host } = await startMeetupHost();
  try {
    const hostPage = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await hostPage.goto(`${url}/meetup/`);
    await expect(hostPage.locator('[data-connection]')).toHaveText(/^Live/);
    await expect(hostPage.locator('[data-qr] svg')).toBeVisible();
    await expect(hostPage.locator('[data-join-url]')).toHaveText(`${url}/meetup/join/`);
    await expect(hostPage.locator('[data-count]')).toHaveText('0');

    const learner = await (await browser.newContext({ serviceWorkers: 'block' })).newPage();
    await learner.goto(`${url}/meetup/join/`);
    await learner.getByLabel('Your name').fill('Ada Lovelace');
    await learner.getByRole('button', { name: 'Join' }).click();
    await expect(learner.locator('ebc-meetup-join [data-status]')).toHaveText(/in the room as Ada Lovelace/);
    await expect(hostPage.locator('tr[data-learner="Ada Lovelace"]')).toBeVisible({ timeout: 5_000 });

    await learner.goto(`${url}/labs/01-first-rule/?editor=plain`);
    await setFile(learner, 'pattern.json', fixed);
    await check(learner);
    await expect(learner.locator('.lab-results-summary')).toHaveText('All 7 checks passed. Lab complete!');
    const cell = hostPage.locator('tr[data-learner="Ada Lovelace"] td[data-lab="01-first-rule"]');
    await expect(cell).toHaveText('7/7', { timeout: 5_000 });
    await expect(cell).toHaveAttribute('data-state', 'passed');
  } finally {
    await host.close();
  }
});

test('the presenter view shows a lesson in slides, moved by keyboard, with its key points', async ({ page }) => {
  await page.goto('/meetup/present/serverless/what-is-serverless/');
  await expect(page.locator('[data-position]')).toHaveText(/^slide 1 of \d+$/);
  await expect(page.locator('.present-notes li').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('[data-position]')).toHaveText(/^slide 2 of/);
  await expect(page.locator('[data-slide]:not([hidden]) h2')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('[data-position]')).toHaveText(/^slide 1 of/);
  await page.keyboard.press('n');
  await expect(page.locator('.present-notes')).toBeHidden();
});
