// The docs name only files that exist: every repository path written in code (backticks or a fenced block) in
// README.md and CONTRIBUTING.md must be in the repository, so a moved or deleted file cannot stay documented.
import { describe, expect, it } from 'vitest';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..');
const DOCS = ['README.md', 'CONTRIBUTING.md'];

// A repository path starts with one of our top-level folders and is not part of a longer path or a URL
// (`/labs/<id>/` is a page, `monaco-editor/.../src/x.js` is inside a package).
const PATH = /(?<![\w.@/-])((?:src|scripts|labs|content|tests|public)\/[^\s`'"),;]*)/g;

/** Every text written as code: fenced blocks, then inline code spans. */
function codeTexts(markdown: string): string[] {
  const fences = [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '');
  return [...fences, ...[...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!)];
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

  for (const doc of DOCS) {
    it(`${doc} names only paths that exist`, () => {
      const paths = repoPaths(readFileSync(join(repoRoot, doc), 'utf8'));
      // The docs are full of paths; finding none would mean the finder broke.
      expect(paths.length, `${doc}: paths found`).toBeGreaterThan(10);
      expect(paths.filter((p) => !pathExists(p)), `${doc}: paths that do not exist`).toEqual([]);
    });
  }
});
