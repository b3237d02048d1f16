// Reads a lab folder from disk (Node only: the CLI, tests and the site build).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseLabDefinition } from './lab-definition.ts';
import type { LabDefinition, LabFiles, LabFileSpec } from './lab-types.ts';

export interface LabOnDisk {
  id: string;
  title: string;
  dir: string;
  briefPath: string;
  definition: LabDefinition;
  starter: LabFiles;
  solution: LabFiles;
  /** Tab order with read-only flags. */
  fileSpecs: LabFileSpec[];
  /** Absolute path of checks.ts when the lab has custom checks. */
  customChecksPath?: string;
}

export const LABS_DIR = new URL('../../labs/', import.meta.url).pathname;

/** Every file under `dir`, by path relative to it (forward slashes). */
export function readFilesDir(dir: string): LabFiles {
  const out: LabFiles = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = readFileSync(p, 'utf8');
    }
  };
  if (!existsSync(dir)) throw new Error(`The folder ${dir} does not exist.`);
  walk(dir);
  return out;
}

export function listLabIds(labsDir = LABS_DIR): string[] {
  if (!existsSync(labsDir)) return [];
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{2}-[a-z0-9-]+$/.test(d.name))
    .map((d) => d.name)
    .sort();
}

function frontmatterTitle(text: string, id: string): string {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const raw = /^title:\s*(.+)$/m.exec(fm)?.[1]?.trim();
  if (!raw) throw new Error(`Lab ${id}: the brief has no title in its frontmatter.`);
  return raw.replace(/^(['"])(.*)\1$/, '$2');
}

export function loadLab(id: string, labsDir = LABS_DIR): LabOnDisk {
  const dir = join(labsDir, id);
  if (!/^\d{2}-[a-z0-9-]+$/.test(id) || !existsSync(dir)) {
    throw new Error(`There is no lab "${id}". Labs: ${listLabIds(labsDir).join(', ') || '(none)'}.`);
  }
  const briefPath = ['lab.mdx', 'lab.md'].map((f) => join(dir, f)).find((p) => existsSync(p));
  if (!briefPath) throw new Error(`Lab ${id} has no lab.md or lab.mdx.`);
  const checksPath = join(dir, 'checks.json');
  if (!existsSync(checksPath)) throw new Error(`Lab ${id} has no checks.json.`);
  let definition: LabDefinition;
  try {
    definition = parseLabDefinition(readFileSync(checksPath, 'utf8'));
  } catch (e) {
    throw new Error(`Lab ${id}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const starter = readFilesDir(join(dir, 'files'));
  // A lab copied for a learner (the WebContainer project) has no solution folder.
  const solution = existsSync(join(dir, 'solution')) ? readFilesDir(join(dir, 'solution')) : {};
  const listed = definition.files ?? [];
  const fileSpecs: LabFileSpec[] = [...listed.filter((f) => f.path in starter), ...Object.keys(starter).filter((p) => !listed.some((f) => f.path === p)).map((path) => ({ path }))];
  const custom = ['checks.ts', 'checks.js'].map((f) => join(dir, f)).find((p) => existsSync(p)) ?? '';
  return { id, title: frontmatterTitle(readFileSync(briefPath, 'utf8'), id), dir, briefPath, definition, starter, solution, fileSpecs, ...(custom ? { customChecksPath: custom } : {}) };
}
