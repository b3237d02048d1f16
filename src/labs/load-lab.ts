// Reads a lab folder from disk (Node only: the CLI, tests and the site build).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { MIN_WRONG_ANSWERS, parseLabDefinition, parseWrongAnswer, type WrongAnswerExpectation } from './lab-definition.ts';
import { LAB_ID, labFolderIds, listLabFolders, readLabFolder } from './lab-folders.ts';
import type { LabDefinition, LabFiles, LabFileSpec } from './lab-types.ts';

export interface WrongAnswer {
  name: string;
  /** Files that replace the learner's files (the rest stay as in the starter). */
  files: LabFiles;
  expect: WrongAnswerExpectation;
}

export interface LabOnDisk {
  id: string;
  title: string;
  dir: string;
  briefPath: string;
  definition: LabDefinition;
  starter: LabFiles;
  solution: LabFiles;
  /** Plausible wrong answers, each of which some check must catch (empty in a learner's copy of a lab). */
  wrongAnswers: WrongAnswer[];
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

/** Lab ids in the one lab order (level, then id). */
export function listLabIds(labsDir = LABS_DIR): string[] {
  return listLabFolders(labsDir).map((l) => l.id);
}

function readWrongAnswers(id: string, dir: string, definition: LabDefinition, starter: LabFiles): WrongAnswer[] {
  const root = join(dir, 'wrong-answers');
  if (!existsSync(root)) throw new Error(`Lab ${id} has no wrong-answers folder: every lab keeps at least ${MIN_WRONG_ANSWERS} plausible wrong answers (see "Writing a lab").`);
  const checkIds = new Set(definition.checks.map((c) => c.id));
  const answers = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const where = `Lab ${id}, wrong answer ${name}`;
      const all = readFilesDir(join(root, name));
      if (all['expect.json'] === undefined) throw new Error(`${where} has no expect.json.`);
      const expect = parseWrongAnswer(all['expect.json'], `${where}, expect.json`);
      if (!checkIds.has(expect.failsFirst)) throw new Error(`${where}: failsFirst "${expect.failsFirst}" is not a check id (${[...checkIds].join(', ')}).`);
      const { 'expect.json': _, ...files } = all;
      const stray = Object.keys(files).filter((f) => !(f in starter));
      if (stray.length) throw new Error(`${where}: ${stray.join(', ')} is not a learner file (files/ has ${Object.keys(starter).join(', ')}).`);
      if (!Object.keys(files).length) throw new Error(`${where} replaces no learner file.`);
      return { name, files, expect };
    });
  if (answers.length < MIN_WRONG_ANSWERS) throw new Error(`Lab ${id} has ${answers.length} wrong answers; every lab keeps at least ${MIN_WRONG_ANSWERS}.`);
  return answers;
}

export function loadLab(id: string, labsDir = LABS_DIR): LabOnDisk {
  const dir = join(labsDir, id);
  if (!LAB_ID.test(id) || !existsSync(dir)) {
    throw new Error(`There is no lab "${id}". Labs: ${labFolderIds(labsDir).join(', ') || '(none)'}.`);
  }
  const folder = readLabFolder(labsDir, id);
  const checksPath = join(dir, 'checks.json');
  if (!existsSync(checksPath)) throw new Error(`Lab ${id} has no checks.json.`);
  let definition: LabDefinition;
  try {
    definition = parseLabDefinition(readFileSync(checksPath, 'utf8'));
  } catch (e) {
    throw new Error(`Lab ${id}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const starter = readFilesDir(join(dir, 'files'));
  // A lab copied for a learner (the WebContainer project) has no solution folder and no wrong answers.
  const hasSolution = existsSync(join(dir, 'solution'));
  const solution = hasSolution ? readFilesDir(join(dir, 'solution')) : {};
  const wrongAnswers = hasSolution ? readWrongAnswers(id, dir, definition, starter) : [];
  const listed = definition.files ?? [];
  const fileSpecs: LabFileSpec[] = [...listed.filter((f) => f.path in starter), ...Object.keys(starter).filter((p) => !listed.some((f) => f.path === p)).map((path) => ({ path }))];
  const custom = ['checks.ts', 'checks.js'].map((f) => join(dir, f)).find((p) => existsSync(p)) ?? '';
  return { id, title: folder.title, dir, briefPath: folder.briefPath, definition, starter, solution, wrongAnswers, fileSpecs, ...(custom ? { customChecksPath: custom } : {}) };
}
