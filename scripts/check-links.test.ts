import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { checkLinks, idsIn, linksIn } from './check-links.ts';

// A tiny built site, written fresh for each run.
let dist = '';
const page = (body: string) => `<!doctype html><html><head><link rel="stylesheet" href="/_astro/site.css"></head><body>${body}</body></html>`;
const files: Record<string, string> = {
  'index.html': page('<a href="/lessons/one/">one</a> <a href="lessons/two/#part-2">two</a> <a href="https://example.com/x">ext</a> <a href="mailto:a@b.c">mail</a>'),
  'lessons/one/index.html': page('<h2 id="intro">Intro</h2><a href="#intro">self</a><a href="../two/">two</a><img src="/img/logo.svg" alt=""><a href="/lessons/one/?q=1#intro">query</a>'),
  'lessons/two/index.html': page('<h2 id="part-2">Part 2</h2><a name="old-anchor"></a><a href="/lessons/one/#intro">back</a><a href="/lessons/one/#old-anchor">bad anchor</a><a href="/missing/">missing</a><a href="#nowhere">bad self</a><a href="#top">top is always fine</a><script>const s = \'<a href="/in-script/">\';</script>'),
  '_astro/site.css': 'body{}',
  'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '404.html': page('<a href="/lessons/two/#old-anchor">ok by name</a><a href="/img/missing.png">missing asset</a>'),
};

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'check-links-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('linksIn / idsIn', () => {
  it('reads href and src attributes, decoding entities, and ignores script bodies', () => {
    expect(linksIn('<a href="/a/?x=1&amp;y=2">a</a><img src=\'/b.png\'><script>x = "<a href=\\"/c/\\">"</script>')).toEqual(['/a/?x=1&y=2', '/b.png']);
  });
  it('collects id and name attributes', () => {
    expect([...idsIn('<h2 id="a">A</h2><a name="b"></a>')]).toEqual(['a', 'b']);
  });
});

describe('checkLinks on a fixture site', () => {
  it('reports exactly the broken links and anchors', () => {
    const report = checkLinks(dist);
    expect(report.pages).toBe(4);
    expect(report.problems.map((p) => `${p.page} ${p.link}`).sort()).toEqual(
      [
        '404.html /img/missing.png',
        'lessons/two/index.html #nowhere',
        'lessons/two/index.html /lessons/one/#old-anchor',
        'lessons/two/index.html /missing/',
      ].sort(),
    );
    expect(report.problems.find((p) => p.link === '/missing/')?.problem).toContain('no file in the build serves /missing/');
    expect(report.problems.find((p) => p.link === '#nowhere')?.problem).toContain('no element with id "nowhere"');
  });

  it('counts internal links only (external and mailto are skipped)', () => {
    // index: 2 internal + stylesheet; one: 4 + stylesheet; two: 5 + stylesheet (not the one in the script); 404: 2 + stylesheet
    expect(checkLinks(dist).links).toBe(3 + 5 + 6 + 3);
  });

  it('fails clearly on a folder that does not exist', () => {
    expect(() => checkLinks(join(dist, 'nope'))).toThrow(/is not a folder/);
  });

  it('runs as a CLI: exit code 1 and one line per problem', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [join(import.meta.dirname, 'check-links.ts'), dist], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(4);
    expect(stderr).toContain('lessons/two/index.html: /missing/');
  });
});
