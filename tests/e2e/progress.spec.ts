import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures.ts';

test('a completed lesson stays completed after a reload and shows on the home page', async ({ page }) => {
  await page.goto('/serverless/what-is-serverless/');
  const button = page.locator('ebc-lesson-complete button');
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.locator('ebc-lesson-complete button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('nav[aria-label="Main"] a.ebc-done')).toHaveText(/What is serverless/);
  await page.goto('/');
  await expect(page.locator('[data-progress-summary]')).toContainText('You have completed 1 of');
  await expect(page.locator('[data-progress-next] a')).toContainText('Not just Lambda');
});

test('progress and lab work round-trip through export and import', async ({ page, browser }) => {
  await page.goto('/serverless/not-just-lambda/');
  await page.locator('ebc-lesson-complete button').click();
  await page.evaluate(() => localStorage.setItem('ebc:lab-work:01-first-rule', JSON.stringify({ files: { 'pattern.json': '{"x":1}' } })));
  await page.goto('/progress/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export progress (JSON)' }).click();
  const file = await (await download).path();
  const text = await readFile(file, 'utf8');
  expect(JSON.parse(text).progress.lessons).toHaveProperty(['serverless/not-just-lambda']);

  // A fresh browser profile, as on another machine.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto('/progress/');
  await expect(fresh.locator('[data-summary]')).toContainText('Lessons completed: 0');
  // It asks first; saying no changes nothing.
  fresh.once('dialog', (d) => void d.dismiss());
  await fresh.locator('[data-import]').setInputFiles(file);
  await expect(fresh.locator('[data-status]')).toContainText('Import cancelled: nothing was changed.');
  await expect(fresh.locator('[data-summary]')).toContainText('Lessons completed: 0');
  let question = '';
  fresh.once('dialog', (d) => {
    question = d.message();
    void d.accept();
  });
  await fresh.locator('[data-import]').setInputFiles(file);
  await expect(fresh.locator('[data-status]')).toContainText('Imported progress');
  expect(question).toMatch(/Replace your progress and lab work in this browser with .*1 completed lesson\(s\)/);
  await expect(fresh.locator('[data-summary]')).toContainText('Lessons completed: 1');
  const work = await fresh.evaluate(() => localStorage.getItem('ebc:lab-work:01-first-rule'));
  expect(JSON.parse(work ?? 'null')).toEqual({ files: { 'pattern.json': '{"x":1}' } });
  await other.close();
});

test('a corrupt saved value is reset with a notice, not a crash', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('ebc:progress', '{oops'));
  await page.reload();
  await expect(page.locator('.ebc-notice--error')).toContainText('could not be read');
  await expect(page.locator('[data-progress-summary]')).toContainText('You have completed 0 of');
});

test('importing a file that is not an export explains why and keeps progress', async ({ page }) => {
  await page.goto('/progress/');
  await page.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
  await expect(page.locator('[data-status]')).toContainText('not a progress export');
});

test('an export naming a lab this course does not have is refused before anything is written', async ({ page }) => {
  await page.goto('/progress/');
  const file = { format: 'eventbridge-course-progress', version: 1, exportedAt: '', progress: { version: 1, lessons: {}, labs: {} }, labWork: { '99-evil': { files: { 'a.json': '1' } } }, saved: {} };
  await page.locator('[data-import]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.locator('[data-status]')).toContainText('labs this course does not have (99-evil)');
  expect(await page.evaluate(() => localStorage.getItem('ebc:lab-work:99-evil'))).toBeNull();
});

test('a passed lab is ticked on the home page and in the sidebar', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem('ebc:progress', JSON.stringify({ version: 1, lessons: {}, labs: { '01-first-rule': { passedAt: new Date().toISOString() } } })),
  );
  await page.reload();
  await expect(page.locator('.ebc-course-path a.ebc-done')).toHaveText(['Lab: Your first rule']);
  await page.goto('/serverless/what-is-serverless/');
  await expect(page.locator('nav[aria-label="Main"] a.ebc-done')).toHaveText([/Your first rule/]);
});
