import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

/** What a page makes a real browser download before anyone touches it, in gzipped bytes. */
export interface Transfer {
  js: number;
  css: number;
  /** The script URLs, for reports and tests. */
  scripts: string[];
}

/** Every built HTML page, as the path a visitor opens (`/a/b/` or `/404.html`). */
export function listPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push('/' + relative(dist, path).replace(/\\/g, '/').replace(/index\.html$/, ''));
    }
  };
  walk(dist);
  return out.sort();
}

/**
 * Opens `url` in a fresh browser context (empty cache) and sums the scripts and stylesheets it loads until the
 * network is idle. Measured in a browser rather than from the HTML, because pages also load code on idle
 * (Pagefind's UI, for example) that a static reading of the imports would miss.
 */
export async function measureTransfer(browser: Browser, url: string): Promise<Transfer> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const sizes = new Map<string, { kind: 'js' | 'css'; bytes: number }>();
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    const kind = type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : undefined;
    if (!kind || !res.ok()) return;
    pending.push(
      res.body().then(
        (body) => void sizes.set(res.url(), { kind, bytes: gzipSync(body, { level: 9 }).length }),
        () => undefined,
      ),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await Promise.all(pending);
  await context.close();
  const sum = (kind: 'js' | 'css') => [...sizes.values()].filter((s) => s.kind === kind).reduce((n, s) => n + s.bytes, 0);
  return { js: sum('js'), css: sum('css'), scripts: [...sizes].filter(([, s]) => s.kind === 'js').map(([u]) => u) };
}

export const isLabPage = (page: string) => /^\/labs\/[^/]+\/$/.test(page);

/** The storming board and its facilitator view: tools, not reading pages. */
export const isToolPage = (page: string) => /^\/storming\/(facilitator\/)?$/.test(page);

/** The budget from the README: lessons and other pages 60 KB of JS, the board 100 KB, lab pages 300 KB before the editor. */
export function budgetFor(page: string): number {
  return (isLabPage(page) ? 300 : isToolPage(page) ? 100 : 60) * 1024;
}

/** What a lab page costs the network: bytes the server sent (gzipped as served, headers included). */
export interface LabVisit {
  /** Empty cache, no service worker, until the code editor is ready and nothing more is fetched. */
  first: number;
  /** The same page again in the same browser, with its HTTP cache and no service worker. */
  repeat: number;
}

/** Waits until the page's code editor has loaded and the server has sent nothing for `quietMs`. */
async function settle(page: Page, sent: () => number, quietMs: number): Promise<void> {
  await page.locator('lab-workspace[data-editor="monaco"]').waitFor({ state: 'attached', timeout: 60_000 });
  for (let last = -1, rounds = 0; last !== sent() && rounds < 60; rounds++) {
    last = sent();
    await page.waitForTimeout(quietMs);
  }
}

/** `sent` counts what the server at `url` has sent so far (serveFolder's bytesSent). */
export async function measureLabVisit(browser: Browser, url: string, sent: () => number, quietMs = 1500): Promise<LabVisit> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const visit = async (go: () => Promise<unknown>) => {
    const before = sent();
    await go();
    await settle(page, sent, quietMs);
    return sent() - before;
  };
  const first = await visit(() => page.goto(url));
  const repeat = await visit(() => page.reload());
  await context.close();
  return { first, repeat };
}
