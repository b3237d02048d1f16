import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticSite } from './static-site.ts';

const dist = mkdtempSync(join(tmpdir(), 'static-site-'));
let server: Server;
let url = '';

beforeAll(async () => {
  mkdirSync(join(dist, '_astro'));
  mkdirSync(join(dist, 'lesson'));
  writeFileSync(join(dist, '_astro', 'app.abc123.js'), 'export const x = 1;'.repeat(50));
  writeFileSync(join(dist, 'lesson', 'index.html'), '<!doctype html><p>lesson</p>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><p>not here</p>');
  writeFileSync(join(dist, '_headers'), '/*\n  X-Frame-Options: DENY\n/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n');
  server = createServer(staticSite(dist));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('staticSite', () => {
  it("takes a file's cache rule from _headers, and revalidates everything else", async () => {
    const asset = await fetch(`${url}/_astro/app.abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-frame-options')).toBe('DENY');
    const page = await fetch(`${url}/lesson/`);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('lesson');
  });

  it('gzips text for a client that accepts it, and answers a missing path with the 404 page and its headers', async () => {
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      get(`${url}/_astro/app.abc123.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(gunzipSync(raw.body).toString()).toBe('export const x = 1;'.repeat(50));
    const missing = await fetch(`${url}/nowhere/`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
    expect(await missing.text()).toContain('not here');
  });

  it('refuses a path that climbs out of the folder', async () => {
    const res = await fetch(`${url}/%2e%2e/%2e%2e/etc/passwd`);
    expect([403, 404]).toContain(res.status);
    expect(await res.text()).not.toContain('root:');
  });
});
