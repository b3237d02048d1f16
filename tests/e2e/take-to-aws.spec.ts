// In Chromium: Download project on a lab page gives a zip whose files equal `npm run lab -- export` of the
// same work (here the solution, saved as the learner's work, and the untouched starter).
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { filesFor } from '../../src/cli/lab.ts';
import { loadLab } from '../../src/labs/load-lab.ts';
import { exportLab } from '../../src/lab-export/export-command.ts';
import { expect, test } from './fixtures.ts';

async function downloadProject(page: import('@playwright/test').Page, labId: string): Promise<Record<string, string>> {
  await page.locator('ebc-take-to-aws summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download project' }).click()]);
  expect(download.suggestedFilename()).toBe(`course-${labId}.zip`);
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const prefix = `course-${labId}/`;
  return Object.fromEntries(Object.entries(zip).map(([p, bytes]) => {
    expect(p.startsWith(prefix)).toBe(true);
    return [p.slice(prefix.length), strFromU8(bytes)];
  }));
}

for (const labId of ['03-first-handler', '01-first-rule', '12-test-against-local-aws']) {
  test(`lab ${labId}: Download project equals lab export --solution of the same work`, async ({ page }) => {
    const lab = loadLab(labId);
    const work = filesFor(lab, { kind: 'solution' });
    await page.addInitScript(([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key!, value!);
        sessionStorage.setItem('seeded', '1');
      }
    }, [`ebc:lab-work:${labId}`, JSON.stringify({ version: 1, files: work, savedAt: new Date().toISOString() })]);
    await page.goto(`/labs/${labId}/`);
    const zipped = await downloadProject(page, labId);
    const exported = await exportLab(labId, { kind: 'solution' }, filesFor);
    expect(Object.keys(zipped).sort()).toEqual(Object.keys(exported).sort());
    for (const [path, text] of Object.entries(exported)) expect(zipped[path], path).toBe(text);
    // Nothing on the panel asks for credentials.
    await expect(page.locator('ebc-take-to-aws input')).toHaveCount(0);
  });
}

test('lab 04-stop-the-pinball: the untouched starter downloads as lab export --starter', async ({ page }) => {
  await page.goto('/labs/04-stop-the-pinball/');
  const zipped = await downloadProject(page, '04-stop-the-pinball');
  const exported = await exportLab('04-stop-the-pinball', { kind: 'starter' }, filesFor);
  expect(zipped).toEqual(exported);
});
