import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, readHeadersFile, type HeaderRule } from '../src/site/headers-file.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
};

/**
 * Serves a built site from a folder on a free loopback port, as a static host would (`/a/` is
 * `/a/index.html`), with the headers of the folder's `_headers` file applied as Netlify and Cloudflare
 * Pages apply them (404s included).
 */
export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const rulesFile = join(root, '_headers');
  const rules: HeaderRule[] = existsSync(rulesFile) ? readHeadersFile(rulesFile) : [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    for (const [name, value] of Object.entries(headersFor(rules, path))) res.setHeader(name, value);
    if (path === '/_headers') return void res.writeHead(404).end('not found');
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
