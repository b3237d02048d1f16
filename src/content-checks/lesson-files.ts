// Reads the course's lesson files (content/**/*.mdx) for the content checks: frontmatter, body and slug.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const contentDir = join(repoRoot, 'content');

export interface LessonFile {
  /** Path relative to content/, e.g. "eventbridge/rules-and-patterns.mdx". */
  file: string;
  /** URL slug without slashes at the ends, e.g. "eventbridge/rules-and-patterns". */
  slug: string;
  /** Folder name: the module id for lessons. */
  folder: string;
  frontmatter: string;
  body: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

export function lessonFiles(): LessonFile[] {
  return walk(contentDir)
    .filter((f) => /\.mdx?$/.test(f) && !relative(contentDir, f).split('/').some((part) => part.startsWith('_')))
    .map((full) => {
      const file = relative(contentDir, full);
      const text = readFileSync(full, 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${file}: no frontmatter block`);
      const slug = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
      return { file, slug, folder: file.includes('/') ? file.split('/')[0]! : '', frontmatter: m[1]!, body: m[2]! };
    });
}

/** Value of a simple `key: value` frontmatter line. */
export function frontmatterValue(fm: string, key: string): string | undefined {
  const m = new RegExp(`^${key}:\\s*(.+)$`, 'm').exec(fm);
  return m?.[1]?.trim().replace(/^["']|["']$/g, '');
}

/** Items of a frontmatter list (`key:` followed by `  - item` lines); [] for `key: []`. */
export function frontmatterList(fm: string, key: string): string[] {
  const m = new RegExp(`^${key}:[ \\t]*\\n((?:[ \\t]+- .*\\n?)+)`, 'm').exec(fm);
  if (!m) return [];
  return m[1]!
    .split('\n')
    .filter((l) => l.trim().startsWith('- '))
    .map((l) => l.trim().slice(2).trim().replace(/^["']|["']$/g, ''));
}

/** Every `<Tag ...>` or `<Tag .../>` opening in a body, with its raw attribute text. */
export function componentUses(body: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b([^>]*?)\\/?>`, 'g');
  return [...body.matchAll(re)].map((m) => m[1] ?? '');
}
