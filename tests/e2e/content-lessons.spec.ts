import { test, expect } from './fixtures.ts';
import { courseModules } from '../../src/course/modules.ts';

// Every lesson listed in the sitemap renders with its title, and the sidebar reaches every module.
test('every lesson in the sitemap renders', async ({ page, request }) => {
  const index = await (await request.get('/sitemap-index.xml')).text();
  const maps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const paths: string[] = [];
  for (const map of maps) {
    const xml = await (await request.get(map)).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  }
  const moduleIds = new Set(courseModules.map((m) => m.id));
  const lessons = paths.filter((p) => moduleIds.has(p.split('/')[1] ?? ''));
  expect(lessons.length).toBeGreaterThanOrEqual(courseModules.length * 3);
  for (const m of courseModules) expect(lessons.some((p) => p.startsWith(`/${m.id}/`)), m.id).toBe(true);

  for (const path of [...lessons, '/reference/glossary/', '/reference/references/']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
    await expect(page.locator('main .sl-markdown-content'), path).not.toBeEmpty();
  }
});

test('the sidebar lists every module and the reference pages', async ({ page }) => {
  await page.goto('/eventbridge/rules-and-patterns/');
  const sidebar = page.locator('nav[aria-label="Main"]');
  for (const m of courseModules) await expect(sidebar).toContainText(m.title);
  await sidebar.getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glossary');
  await expect(page.locator('dt#bounded-context')).toHaveText('Bounded context');
});
