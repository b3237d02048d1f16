// Reads a learner's folder for grading (`--dir`). The folder is not trusted: a symbolic link could make
// the grader read its own files (or /etc/passwd) and hand them to the learner's code, so links are
// refused, as are folders too big to be a lab.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabFiles } from './lab-types.ts';

export const MAX_LEARNER_FILES = 200;
export const MAX_LEARNER_FILE_BYTES = 1024 * 1024;

export function readLearnerDir(root: string): LabFiles {
  const out: LabFiles = {};
  let count = 0;
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const rel = prefix + entry.name;
      const info = lstatSync(join(dir, entry.name));
      if (info.isSymbolicLink()) throw new Error(`${rel} in ${root} is a symbolic link. Links are refused when grading: copy the file into the folder instead.`);
      if (info.isDirectory()) walk(join(dir, entry.name), `${rel}/`);
      else if (info.isFile()) {
        if (++count > MAX_LEARNER_FILES) throw new Error(`${root} holds more than ${MAX_LEARNER_FILES} files: point --dir at the lab's folder.`);
        if (info.size > MAX_LEARNER_FILE_BYTES) throw new Error(`${rel} is larger than ${MAX_LEARNER_FILE_BYTES / 1024} KB.`);
        out[rel] = readFileSync(join(dir, entry.name), 'utf8');
      } else throw new Error(`${rel} in ${root} is not a regular file.`);
    }
  };
  const top = lstatSync(root, { throwIfNoEntry: false });
  if (!top) throw new Error(`The folder ${root} does not exist.`);
  if (top.isSymbolicLink() || !top.isDirectory()) throw new Error(`${root} is not a folder (links are refused).`);
  walk(root, '');
  return out;
}
