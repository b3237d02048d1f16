// One lab order everywhere (labs index, previous/next, home page), and what a learner sees of hold-out events.
import { test, expect } from './fixtures.ts';
import { openLab } from './lab-helpers.ts';
import { listLabFolders } from '../../src/labs/lab-folders.ts';
import { loadLab } from '../../src/labs/load-lab.ts';

const labs = listLabFolders(new URL('../../labs/', import.meta.url).pathname);

test('the labs index, the home page and previous/next follow the one lab order', async ({ page }) => {
  await page.goto('/labs/');
  await expect(page.locator('.lab-index > li > a:first-child')).toHaveText(labs.map((l) => l.title));
  await expect(page.locator('.lab-index > li').first()).toContainText('Practises');
  await page.goto('/');
  await expect(page.locator('.ebc-course-path a[href*="/labs/"]')).toHaveText(labs.map((l) => `Lab: ${l.title}`));
  for (const [i, lab] of labs.slice(0, -1).entries()) {
    await page.goto(`/labs/${lab.id}/`);
    await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', new RegExp(`/labs/${labs[i + 1]!.id}/$`));
  }
});

test('hold-out events are not offered by the explainer nor put by Run; the trace names its steps in words', async ({ page }) => {
  const lab = loadLab('01-first-rule');
  await openLab(page, lab.id);
  await expect(page.locator('#lab-why-event option')).toHaveText(Object.keys(lab.definition.events));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-trace-event')).toHaveCount(Object.keys(lab.definition.events).length);
  await expect(page.locator('.lab-trace-kind').first()).toHaveText('Rules matched');
  await expect(page.locator('.lab-trace')).not.toContainText('rules.matched');
});
