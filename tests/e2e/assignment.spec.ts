import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { check, openLab, setFile } from './lab-helpers.ts';

test('an assignment link shows its labs and due date on the home page and on its labs', async ({ page }) => {
  await page.goto('/assign/');
  await page.getByLabel('Title').fill('Week 1: rules');
  await page.getByLabel(/01-first-rule/).check();
  await page.getByLabel(/03-first-handler/).check();
  await page.getByLabel('Due').fill('2030-12-08T18:00');
  await page.getByLabel('Time zone').fill('Europe/Paris');
  await page.getByRole('button', { name: 'Make the link' }).click();
  // The link is written once the builder's validator has loaded: wait for it rather than read at once.
  await expect(page.locator('[data-link]')).toHaveValue(/\/#assignment=[\w-]+$/);
  const link = await page.locator('[data-link]').inputValue();

  await page.goto(link);
  const banner = page.locator('ebc-assignment');
  await expect(banner.locator('[data-title]')).toHaveText('Assignment: Week 1: rules');
  await expect(banner.locator('[data-due]')).toContainText('8 Dec 2030, 18:00 (Europe/Paris)');
  await expect(banner.locator('li[data-lab]')).toHaveText([/Your first rule: not passed yet/, /: not passed yet/]);
  await page.goto('/labs/01-first-rule/?editor=plain');
  await expect(page.locator('ebc-assignment [data-title]')).toHaveText('Part of the assignment “Week 1: rules”');
  await expect(page.locator('ebc-assignment li[data-lab]')).toHaveText([/Your first rule: not passed yet/]);
  await page.goto('/labs/02-content-filtering/?editor=plain');
  await expect(page.locator('ebc-assignment')).toBeHidden();

  // The whole assignment in one file, from the home page.
  await page.goto('/');
  await page.locator('ebc-assignment').getByLabel('Your name').fill('Ada');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download submission (whole assignment)' }).click()]);
  const file = join(mkdtempSync(join(tmpdir(), 'e2e-all-')), download.suggestedFilename());
  await download.saveAs(file);
  const submission = JSON.parse(readFileSync(file, 'utf8')) as { learner: string; assignment: { title: string }; labs: { id: string }[] };
  expect(submission).toMatchObject({ learner: 'Ada', assignment: { title: 'Week 1: rules' } });
  expect(submission.labs.map((l) => l.id)).toEqual(['01-first-rule', '03-first-handler']);
});

test('a damaged assignment link says so', async ({ page }) => {
  await page.goto('/#assignment=bm90LWpzb24');
  await expect(page.locator('ebc-assignment [data-status]')).toHaveText(/damaged/);
});

test('Download submission gives a file that npm run grade grades as the page showed', async ({ page }) => {
  await openLab(page, '01-first-rule');
  await setFile(page, 'pattern.json', JSON.stringify({ source: ['com.example.shop'], 'detail-type': ['OrderPlaced'], detail: { currency: ['EUR'] } }));
  await check(page);
  const shown = await page.locator('.lab-result').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.status));
  expect(shown).toContain('failed');
  await page.getByText('Hand in this lab').click();
  await page.getByLabel('Your name').fill('Grace Hopper');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download submission' }).click()]);
  expect(download.suggestedFilename()).toBe('grace-hopper-01-first-rule.submission.json');
  const dir = mkdtempSync(join(tmpdir(), 'e2e-subs-'));
  await download.saveAs(join(dir, download.suggestedFilename()));
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, ['src/cli/grade.ts', dir, '--out', out], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  const grades = JSON.parse(readFileSync(join(out, 'grades.json'), 'utf8')) as { rows: { learner: string; checks: { status: string }[]; claimedMismatch: string[]; hashMatches: boolean }[] };
  expect(grades.rows).toHaveLength(1);
  expect(grades.rows[0]).toMatchObject({ learner: 'Grace Hopper', claimedMismatch: [], hashMatches: true });
  expect(grades.rows[0]!.checks.map((c) => c.status)).toEqual(shown);
});
