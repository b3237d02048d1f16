// Writes grades.csv, grades.json and feedback/<learner>.md into the output folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLab } from '../labs/load-lab.ts';
import { feedbackFileName, feedbackMarkdown } from './feedback.ts';
import { gradesCsv } from './grades-csv.ts';
import type { GradeRow, Grades } from './grades-shape.ts';
import { labHints } from './lab-hints.ts';

export function writeGrades(grades: Grades, outDir: string, labsDir?: string): { feedback: string[] } {
  mkdirSync(join(outDir, 'feedback'), { recursive: true });
  writeFileSync(join(outDir, 'grades.csv'), gradesCsv(grades.rows));
  writeFileSync(join(outDir, 'grades.json'), `${JSON.stringify(grades, null, 2)}\n`);
  const hints = new Map<string, string[]>();
  const hintsFor = (id: string) => {
    if (!hints.has(id)) {
      try {
        hints.set(id, labHints(loadLab(id, labsDir)));
      } catch {
        hints.set(id, []);
      }
    }
    return hints.get(id)!;
  };
  const byLearner = new Map<string, GradeRow[]>();
  for (const r of grades.rows) byLearner.set(r.file, [...(byLearner.get(r.file) ?? []), r]);
  const taken = new Set<string>();
  const written: string[] = [];
  for (const rows of byLearner.values()) {
    const name = feedbackFileName(rows[0]!.learner, taken);
    writeFileSync(join(outDir, 'feedback', name), feedbackMarkdown(rows[0]!.learner, rows, hintsFor));
    written.push(name);
  }
  return { feedback: written };
}
