// The docs name only files that exist: every repository path written in code (backticks or a fenced block) in
// README.md and CONTRIBUTING.md must be in the repository, so a moved or deleted file cannot stay documented;
// and every link to a section of either file must find its heading.
import { describe, expect, it } from 'vitest';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const DOCS = ['README.md', 'CONTRIBUTING.md'];

// A repository path starts with one of our top-level folders and is not part of a longer path or a URL
// (`/labs/<id>/` is a page, `monaco-editor/.../src/x.js` is inside a package).
const PATH = /(?<![\w.@/-])((?:src|scripts|labs|content|tests|public)\/[^\s`'"),;]*)/g;

// A fenced block (its text in group 1) and an inline code span (group 1).
const FENCE = /^```[^\n]*\n([\s\S]*?)^```/gm;
const CODE_SPAN = /`([^`\n]+)`/g;

/** Every text written as code: fenced blocks, then inline code spans. */
function codeTexts(markdown: string): string[] {
  const fences = [...markdown.matchAll(FENCE)].map((m) => m[1]!);
  return [...fences, ...[...markdown.replace(FENCE, '').matchAll(CODE_SPAN)].map((m) => m[1]!)];
}

/** The repository paths named in a Markdown text, without trailing sentence punctuation. */
function repoPaths(markdown: string): string[] {
  const found = codeTexts(markdown).flatMap((code) => [...code.matchAll(PATH)].map((m) => m[1]!.replace(/[.:]+$/, '')));
  return [...new Set(found)];
}

/** Whether a path exists; `<placeholder>` segments and globs (`*`, `{a,b}`) must match at least one file. */
function pathExists(path: string, root = repoRoot): boolean {
  if (existsSync(join(root, path))) return true; // also `src/pages/labs/[id].astro`, whose brackets are literal
  const pattern = path.replace(/<[^>]+>/g, '*').replace(/\/$/, '');
  if (!/[*?{[]/.test(pattern)) return false;
  return globSync(pattern, { cwd: root }).length > 0;
}

/** GitHub's anchors for a Markdown text's headings (outside fenced blocks): lower case, punctuation dropped,
 * spaces to dashes, a repeated anchor suffixed -1, -2, ... */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, title] of markdown.replace(FENCE, '').matchAll(/^#{1,6} (.+)$/gm)) {
    const base = title!.toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n ? `${base}-${n}` : base);
  }
  return out;
}

/** Links to a section of one of the docs, as `[text](#anchor)` or `[text](OTHER.md#anchor)`. */
function sectionLinks(markdown: string, self: string): { doc: string; anchor: string }[] {
  const prose = markdown.replace(FENCE, '').replace(CODE_SPAN, ''); // links shown as code are examples
  return [...prose.matchAll(/\]\(((?:README|CONTRIBUTING)\.md)?#([^)\s]+)\)/g)].map((m) => ({ doc: m[1] ?? self, anchor: m[2]! }));
}

describe('paths named in the docs', () => {
  it('finds paths in code spans and fences, skipping URLs and package paths, and allowing placeholders and globs', () => {
    const md = [
      'See `src/eventbridge/limits.ts`, `node scripts/bench-engine.ts --x` and `labs/<id>/lab.md`.',
      'Not these: `/labs/<id>/`, `monaco-editor/esm/src/x.js`, `@scope/pkg/src/y.js`, src/outside-code.ts.',
      '```sh\nnode scripts/gone.ts\n```',
      'Globs: `tests/e2e/lab-*.spec.ts`, `content/<module>/quiz-data.ts`.',
    ].join('\n');
    expect(repoPaths(md).sort()).toEqual(
      ['content/<module>/quiz-data.ts', 'labs/<id>/lab.md', 'scripts/bench-engine.ts', 'scripts/gone.ts', 'src/eventbridge/limits.ts', 'tests/e2e/lab-*.spec.ts'].sort(),
    );
    const missing = repoPaths(md).filter((p) => !pathExists(p));
    expect(missing).toEqual(['scripts/gone.ts']);
    expect(pathExists('src/eventbridge/bus/delivery-bench.ts')).toBe(false);
    expect(pathExists('labs/<id>/no-such-file.md')).toBe(false);
    expect(pathExists('src/pages/labs/[id].astro')).toBe(true);
  });

  it('computes the anchors GitHub gives headings', () => {
    const md = '# Talk topic → lesson checklist\n## The local emulator (`npm run emulator`)\n### COOP/COEP headers\n### Quick start\n### Quick start\n```\n# not a heading\n```';
    expect([...anchors(md)]).toEqual(['talk-topic--lesson-checklist', 'the-local-emulator-npm-run-emulator', 'coopcoep-headers', 'quick-start', 'quick-start-1']);
    expect(sectionLinks('[a](#x) [b](README.md#y) [c](https://e.example/#z) `[d](#shown-as-code)`', 'CONTRIBUTING.md')).toEqual([
      { doc: 'CONTRIBUTING.md', anchor: 'x' },
      { doc: 'README.md', anchor: 'y' },
    ]);
  });

  it('links only to sections of README.md and CONTRIBUTING.md that exist', () => {
    const texts = new Map(DOCS.map((d) => [d, readFileSync(join(repoRoot, d), 'utf8')]));
    const links = DOCS.flatMap((d) => sectionLinks(texts.get(d)!, d).map((l) => ({ ...l, from: d })));
    expect(links.length).toBeGreaterThan(10);
    const broken = links.filter((l) => !anchors(texts.get(l.doc)!).has(l.anchor)).map((l) => `${l.from} → ${l.doc}#${l.anchor}`);
    expect(broken).toEqual([]);
  });

  for (const doc of DOCS) {
    it(`${doc} names only paths that exist`, () => {
      const paths = repoPaths(readFileSync(join(repoRoot, doc), 'utf8'));
      // The docs are full of paths; finding none would mean the finder broke.
      expect(paths.length, `${doc}: paths found`).toBeGreaterThan(10);
      expect(paths.filter((p) => !pathExists(p)), `${doc}: paths that do not exist`).toEqual([]);
    });
  }
});
