// Reads the course's lesson files (content/**/*.mdx) for the content checks: frontmatter, body and slug.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { frontmatterData, readFrontmatter } from '../labs/frontmatter.ts';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const contentDir = join(repoRoot, 'content');

export interface LessonFile {
  /** Path relative to content/, e.g. "eventbridge/rules-and-patterns.mdx". */
  file: string;
  /** URL slug without slashes at the ends, e.g. "eventbridge/rules-and-patterns". */
  slug: string;
  /** Folder name: the module id for lessons. */
  folder: string;
  /** The frontmatter's YAML text. */
  frontmatter: string;
  /** The frontmatter, parsed. */
  data: Record<string, unknown>;
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
      const fm = readFrontmatter(readFileSync(full, 'utf8'), file);
      const slug = file.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, '');
      return { file, slug, folder: file.includes('/') ? file.split('/')[0]! : '', frontmatter: fm.raw, data: fm.data, body: fm.body };
    });
}

/** A scalar frontmatter value as text (numbers too); undefined when absent or not a scalar. */
export function frontmatterValue(fm: string, key: string): string | undefined {
  const v = frontmatterData(fm)[key];
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** Items of a frontmatter list, as text; [] when absent. */
export function frontmatterList(fm: string, key: string): string[] {
  const v = frontmatterData(fm)[key];
  return Array.isArray(v) ? v.map((x) => String(x)) : [];
}

/** Every `<Tag ...>` or `<Tag .../>` opening in a body, with its raw attribute text. */
export function componentUses(body: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b([^>]*?)\\/?>`, 'g');
  return [...body.matchAll(re)].map((m) => m[1] ?? '');
}
