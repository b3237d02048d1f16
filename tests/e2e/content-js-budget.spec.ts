import { gzipSync } from 'node:zlib';
import { test, expect } from './fixtures.ts';

// A lesson page may load at most 60 KB of gzipped JavaScript up front; the engine comes later, on demand.
for (const path of ['/eventbridge/rules-and-patterns/', '/soa-and-esb/events-and-eventbridge/', '/ddd-event-storming/bounded-contexts/']) {
  test(`${path} loads under 60 KB of gzipped JavaScript`, async ({ page }) => {
    const sizes = new Map<string, number>();
    page.on('response', async (res) => {
      if (res.request().resourceType() !== 'script' || !res.ok()) return;
      const body = await res.body().catch(() => null);
      if (body) sizes.set(res.url(), gzipSync(body).length);
    });
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    test.info().annotations.push({ type: 'js-gzip-bytes', description: `${path}: ${total}` });
    expect(total).toBeLessThan(60 * 1024);
  });
}
