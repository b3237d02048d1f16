// Link checker for a built site: every internal href/src in every HTML file must resolve to a file in the
// output folder, and every #anchor must name an id (or <a name>) on the target page.
// Usage: node scripts/check-links.ts <dist-folder>
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface LinkProblem {
  /** HTML file the link is in, relative to the dist folder. */
  page: string;
  /** The attribute value as written. */
  link: string;
  problem: string;
}

export interface LinkReport {
  pages: number;
  links: number;
  problems: LinkProblem[];
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return htmlFiles(full);
    return name.endsWith('.html') ? [full] : [];
  });
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

/** Markup without the bodies of scripts, styles and templates, where href-like text is not a link. */
function markupOnly(html: string): string {
  return html.replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1>/gi, '');
}

export function linksIn(html: string): string[] {
  const out: string[] = [];
  for (const m of markupOnly(html).matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    out.push(decodeEntities(m[1] ?? m[2] ?? ''));
  }
  return out;
}

export function idsIn(html: string): Set<string> {
  const ids = new Set<string>();
  for (const m of markupOnly(html).matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    ids.add(decodeEntities(m[1] ?? m[2] ?? ''));
  }
  return ids;
}

/** True for links that leave the site or are not navigations (mailto:, data:, https://…, //host/…). */
function isExternal(link: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//');
}

/** The file in dist that serves a site path, or null. */
export function resolveSitePath(dist: string, sitePath: string): string | null {
  const clean = sitePath.replace(/^\/+/, '');
  const candidates = clean === '' || clean.endsWith('/')
    ? [join(dist, clean, 'index.html')]
    : [join(dist, clean), join(dist, `${clean}.html`), join(dist, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** The site path of an HTML file, e.g. "eventbridge/rules/index.html" → "/eventbridge/rules/". */
function pagePath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export function checkLinks(dist: string): LinkReport {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    throw new Error(`check-links: "${dist}" is not a folder (build the site first, e.g. npx astro build)`);
  }
  const files = htmlFiles(dist);
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) idCache.set(file, (ids = idsIn(readFileSync(file, 'utf8'))));
    return ids;
  };
  const problems: LinkProblem[] = [];
  let links = 0;

  for (const file of files) {
    const page = relative(dist, file).split(sep).join('/');
    const base = new URL(pagePath(dist, file), 'http://site.invalid');
    for (const link of linksIn(readFileSync(file, 'utf8'))) {
      if (link === '' || isExternal(link)) continue;
      links++;
      const url = new URL(link, base);
      let target = file;
      if (!link.startsWith('#')) {
        let path: string;
        try {
          path = decodeURIComponent(url.pathname);
        } catch {
          problems.push({ page, link, problem: 'the path is not valid percent-encoding' });
          continue;
        }
        const found = resolveSitePath(dist, path);
        if (!found) {
          problems.push({ page, link, problem: `no file in the build serves ${path}` });
          continue;
        }
        target = found;
      }
      const anchor = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      // The HTML spec makes "#top" scroll to the top of the page even without such an id.
      if (anchor && anchor.toLowerCase() !== 'top' && target.endsWith('.html') && !idsOf(target).has(anchor)) {
        problems.push({ page, link, problem: `no element with id "${anchor}" on ${relative(dist, target).split(sep).join('/')}` });
      }
    }
  }
  return { pages: files.length, links, problems };
}

// CLI: report problems and exit 1 if there are any.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2];
  if (!dist) {
    console.error('usage: node scripts/check-links.ts <dist-folder>');
    process.exit(2);
  }
  try {
    const report = checkLinks(dist);
    for (const p of report.problems) console.error(`${p.page}: ${p.link} — ${p.problem}`);
    console.log(`check-links: ${report.pages} pages, ${report.links} internal links, ${report.problems.length} problem(s)`);
    process.exit(report.problems.length > 0 ? 1 : 0);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
}
