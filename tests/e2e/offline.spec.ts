import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures.ts';
import { check, setFile } from './lab-helpers.ts';
import { startMeetupHost } from './meetup-host.ts';

const solution = (lab: string, f: string) => readFileSync(new URL(`../../labs/${lab}/solution/${f}`, import.meta.url), 'utf8');

// Served by the meetup host so lab pages get their _headers (COOP/COEP), as on a real static host.
test('after one online visit the course works with the network off: a new lesson, labs 01 and 03, a reload', async ({ browser }) => {
  test.setTimeout(120_000);
  const { url, host } = await startMeetupHost();
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}/`);
    await expect(page.locator('.ebc-offline')).toHaveText(/^Available offline/, { timeout: 90_000 });
    await context.setOffline(true);

    await page.goto(`${url}/eventbridge/rules-and-patterns/`);
    await expect(page.locator('h1')).toHaveText(/Rules and/);

    await page.goto(`${url}/labs/01-first-rule/?editor=plain`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await setFile(page, 'pattern.json', solution('01-first-rule', 'pattern.json'));
    await check(page);
    await expect(page.locator('.lab-results-summary')).toHaveText('All 7 checks passed. Lab complete!');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.locator('.lab-trace')).toContainText('matched big-orders');

    await page.goto(`${url}/labs/03-first-handler/?editor=plain`);
    for (const f of ['target.json', 'handler.ts', 'order-confirmed.schema.json']) await setFile(page, f, solution('03-first-handler', f));
    await check(page);
    await expect(page.locator('.lab-results-summary')).toHaveText('All 12 checks passed. Lab complete!', { timeout: 30_000 });

    await page.reload();
    await expect(page.locator('lab-workspace')).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await host.close();
  }
});

test('a new deployment shows an update prompt, and accepting it reloads into the new version', async ({ browser }) => {
  test.setTimeout(120_000);
  // A copy of the build, so this test can "deploy" a new version without touching the one others test.
  const dist = join(mkdtempSync(join(tmpdir(), 'e2e-dist-')), 'dist');
  cpSync(resolve(process.env.ASTRO_OUT_DIR ?? 'dist'), dist, { recursive: true });
  const { url, host } = await startMeetupHost(dist);
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/serverless/what-is-serverless/`);
    await expect(page.locator('.ebc-offline')).toHaveText(/^Available offline/, { timeout: 90_000 });
    appendFileSync(join(dist, 'sw.js'), '\n// new deployment\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const prompt = page.locator('.ebc-offline[data-state="update"]');
    await expect(prompt).toContainText('A new version of the course is ready.', { timeout: 90_000 });
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload to update' }).click()]);
    await expect(page.locator('h1')).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  } finally {
    await context.close();
    await host.close();
  }
});

test('where a service worker cannot register, the page says so in plain words and the note can be dismissed', async ({ page }) => {
  // The default test context blocks service workers, as a private window or blocked storage does.
  await page.goto('/');
  const note = page.locator('.ebc-offline[data-state="unavailable"]');
  await expect(note).toHaveText(/^Offline use is not available in this browser/);
  await expect(note).not.toContainText('undefined');
  await note.getByRole('button', { name: 'Dismiss' }).click();
  await expect(note).toBeHidden();
});

