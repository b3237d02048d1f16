// Serves the built course (`dist/`) as a static host would: `/a/` is `/a/index.html`, the headers of its
// `_headers` file applied as Netlify and Cloudflare Pages apply them (404s included), text gzipped. Used by
// `npm run meetup` and by the tests that check the deployed site.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from '../site/headers-file.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

// A room shares one access point: text is sent gzipped (compressed once per file and kept in memory).
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|xml|wasm)|image\/svg)/;

export function staticSite(dist: string): (req: IncomingMessage, res: ServerResponse) => void {
  const root = normalize(dist + sep);
  const headersPath = join(dist, '_headers');
  const rules: HeaderRule[] = existsSync(headersPath) ? parseHeadersFile(readFileSync(headersPath, 'utf8')) : [];
  const gzipped = new Map<string, { mtime: number; body: Buffer }>();
  const gzipOf = (file: string): Buffer => {
    const mtime = statSync(file).mtimeMs;
    const hit = gzipped.get(file);
    if (hit && hit.mtime === mtime) return hit.body;
    const body = gzipSync(readFileSync(file));
    gzipped.set(file, { mtime, body });
    return body;
  };
  return (req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    } catch {
      return void res.writeHead(400).end('bad path');
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root) && file !== normalize(dist)) return void res.writeHead(403).end('forbidden');
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/')) return void res.writeHead(301, { location: `${path}/` }).end();
      file = join(file, 'index.html');
    }
    const headers = headersFor(rules, path);
    if (!existsSync(file) || file.endsWith(`${sep}_headers`)) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      return void (existsSync(notFound) ? createReadStream(notFound).pipe(res) : res.end('not found'));
    }
    // Without a rule of _headers, as a static host does: revalidate each time (the service worker must be
    // re-checked on every visit, or an update is never seen).
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const base = { 'cache-control': 'no-cache', ...headers, 'content-type': type, vary: 'accept-encoding' };
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipOf(file);
      res.writeHead(200, { ...base, 'content-encoding': 'gzip', 'content-length': body.length });
      return void res.end(req.method === 'HEAD' ? undefined : body);
    }
    res.writeHead(200, base);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  };
}
