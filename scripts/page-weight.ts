import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What one built page makes the browser download, in gzipped bytes. */
export interface PageWeight {
  page: string;
  /** JavaScript loaded up front: page scripts and everything they import statically. */
  js: number;
  /** JavaScript including what is loaded later on demand (dynamic imports, workers), e.g. the editor. */
  jsWithLazy: number;
  css: number;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

export function listPages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) out.push(path);
    }
  };
  walk(dist);
  return out.sort();
}

function resolveAsset(dist: string, from: string, ref: string): string | undefined {
  if (/^(https?:)?\/\//.test(ref) || ref.startsWith('data:')) return undefined;
  const clean = ref.split(/[?#]/)[0] ?? '';
  const path = clean.startsWith('/') ? join(dist, clean) : resolve(dirname(from), clean);
  return existsSync(path) && statSync(path).isFile() ? path : undefined;
}

// Static imports in bundled ES modules: `import x from"./a.js"`, `import"./a.js"`, `export{x}from"./a.js"`.
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+\.js)["']/g;
// Anything a module may fetch later: dynamic imports, worker URLs, preload lists.
const ANY_JS_STRING = /["'`]([^"'`\s]+\.js)["'`]/g;

function moduleGraph(dist: string, entries: string[], lazy: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const re of lazy ? [STATIC_IMPORT, ANY_JS_STRING] : [STATIC_IMPORT]) {
      for (const m of code.matchAll(re)) {
        const target = resolveAsset(dist, file, m[1] ?? '') ?? resolveAsset(dist, join(dist, 'x'), m[1] ?? '');
        if (target && !seen.has(target)) queue.push(target);
      }
    }
  }
  return seen;
}

export function pageWeight(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile, 'utf8');
  const entries: string[] = [];
  let inlineJs = 0;
  let css = 0;
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(m[1] ?? '')?.[1];
    if (src) {
      const file = resolveAsset(dist, htmlFile, src);
      if (file) entries.push(file);
    } else if (!/type="application\/(ld\+)?json"/.test(m[1] ?? '') && (m[2] ?? '').trim()) {
      inlineJs += gz(m[2] ?? '');
      for (const imp of (m[2] ?? '').matchAll(STATIC_IMPORT)) {
        const file = resolveAsset(dist, htmlFile, imp[1] ?? '');
        if (file) entries.push(file);
      }
    }
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="(?:modulepreload)"[^>]*href="([^"]+)"/g)) {
    const file = resolveAsset(dist, htmlFile, m[1] ?? '');
    if (file) entries.push(file);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link\b[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)) {
    const file = resolveAsset(dist, htmlFile, m[1] ?? m[2] ?? '');
    if (file) css += gz(readFileSync(file));
  }
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gz(m[1] ?? '');
  const sum = (files: Set<string>) => [...files].reduce((n, f) => n + gz(readFileSync(f)), 0);
  return {
    page: '/' + relative(dist, htmlFile).replace(/index\.html$/, '').replace(/\\/g, '/'),
    js: inlineJs + sum(moduleGraph(dist, entries, false)),
    jsWithLazy: inlineJs + sum(moduleGraph(dist, entries, true)),
    css,
  };
}

/** The budget a page must meet, from the README: lessons 60 KB of JS, lab pages 300 KB before the editor. */
export function budgetFor(page: string): number {
  if (/^\/labs\/[^/]+\/$/.test(page)) return 300 * 1024;
  return 60 * 1024;
}
