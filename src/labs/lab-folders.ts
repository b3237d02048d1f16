// The one lister of lab folders, in the one lab order (level, then id) that the labs index, the sidebar's
// previous/next, the home page and the CLI all use. Node only (reads the disk).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontmatter, type Frontmatter } from './frontmatter.ts';

/** A lab's folder name and id, e.g. `01-first-rule`. */
export const LAB_ID = /^\d{2}-[a-z0-9-]+$/;
export const LAB_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

export interface LabFolder {
  id: string;
  dir: string;
  briefPath: string;
  brief: Frontmatter;
  title: string;
  level: (typeof LAB_LEVELS)[number];
}

/** The brief of the lab in `dir`, or an error naming what is missing. */
export function readLabFolder(labsDir: string, id: string): LabFolder {
  const dir = join(labsDir, id);
  const briefPath = ['lab.mdx', 'lab.md'].map((f) => join(dir, f)).find((p) => existsSync(p));
  if (!briefPath) throw new Error(`Lab ${id} has no lab.md or lab.mdx.`);
  const brief = readFrontmatter(readFileSync(briefPath, 'utf8'), `Lab ${id} (${briefPath})`);
  const title = brief.data.title;
  if (typeof title !== 'string' || !title.trim()) throw new Error(`Lab ${id}: the brief has no title in its frontmatter.`);
  const level = LAB_LEVELS.find((l) => l === brief.data.level);
  if (!level) throw new Error(`Lab ${id}: the brief's level must be one of ${LAB_LEVELS.join(', ')}.`);
  return { id, dir, briefPath, brief, title, level };
}

/** Ids of every folder in `labsDir` named like a lab, sorted by name. */
export function labFolderIds(labsDir: string): string[] {
  if (!existsSync(labsDir)) return [];
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && LAB_ID.test(d.name))
    .map((d) => d.name)
    .sort();
}

/** Every lab in `labsDir` in the one lab order: by level, then by id. */
export function listLabFolders(labsDir: string): LabFolder[] {
  return labFolderIds(labsDir)
    .map((id) => readLabFolder(labsDir, id))
    .sort((a, b) => LAB_LEVELS.indexOf(a.level) - LAB_LEVELS.indexOf(b.level) || a.id.localeCompare(b.id));
}
