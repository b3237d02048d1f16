// Grades a folder of submission files by re-running every check on every lab, never trusting the
// results a file claims. Each file and each lab is graded on its own: a broken one becomes an error
// entry, and the others go on.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isLate, type Assignment } from '../assignments/assignment.ts';
import { loadLab, type LabOnDisk } from '../labs/load-lab.ts';
import type { LabFiles } from '../labs/lab-types.ts';
import { canonicalJson } from '../submissions/canonical-json.ts';
import { readSubmission } from '../submissions/read-submission.ts';
import { contentHash, sha256Hex } from '../submissions/submission-hash.ts';
import type { Submission } from '../submissions/submission-format.ts';
import { GRADES_VERSION, type GradedCheck, type GradedFile, type GradeRow, type Grades } from './grades-shape.ts';
import { runPool } from './pool.ts';
import { effectiveFiles, nodeRunnerFor, recheck, type RunnerFactory } from './recheck.ts';

export interface GradeOptions {
  assignment?: Assignment;
  labsDir?: string;
  concurrency?: number;
  runnerFor?: RunnerFactory;
  commit?: string;
  /** Called after each lab is re-run (for the progress bar). */
  onProgress?(done: number, total: number): void;
  now?: () => Date;
}

interface Task {
  file: string;
  submission: Submission;
  labId: string;
  files: LabFiles | undefined;
  hashOk: boolean;
  hashActual: string;
}

export function submissionFiles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json') && statSync(join(folder, f)).isFile())
    .sort();
}

export async function gradeFolder(folder: string, options: GradeOptions = {}): Promise<Grades> {
  const files: GradedFile[] = [];
  const tasks: Task[] = [];
  for (const file of submissionFiles(folder)) {
    let read;
    try {
      read = await readSubmission(readFileSync(join(folder, file), 'utf8'));
    } catch (e) {
      read = { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
    if (!read.ok) {
      files.push({ file, learner: null, createdAt: null, hash: null, error: read.error });
      continue;
    }
    const s = read.submission;
    const actual = await contentHash(s);
    files.push({ file, learner: s.learner, createdAt: s.createdAt, hash: { claimed: s.hash.value, actual, matches: read.hashOk }, error: null });
    const labIds = options.assignment ? options.assignment.labs : s.labs.map((l) => l.id);
    for (const labId of labIds) tasks.push({ file, submission: s, labId, files: s.labs.find((l) => l.id === labId)?.files, hashOk: read.hashOk, hashActual: actual });
  }

  const labs = new Map<string, LabOnDisk | Error>();
  const labFor = (id: string): LabOnDisk | Error => {
    if (!labs.has(id)) {
      try {
        labs.set(id, loadLab(id, options.labsDir));
      } catch (e) {
        labs.set(id, e instanceof Error ? e : new Error(String(e)));
      }
    }
    return labs.get(id)!;
  };

  const concurrency = options.concurrency ?? availableParallelism();
  const runnerFor = options.runnerFor ?? nodeRunnerFor;
  const settled = await runPool(tasks, concurrency, (t) => gradeTask(t, labFor(t.labId), options.assignment, runnerFor), options.onProgress);
  const rows = settled.map((r, i) => (r.status === 'fulfilled' ? r.value : errorRow(tasks[i]!, `grading failed: ${String(r.reason)}`, options.assignment)));
  await markIdentical(rows, tasks, labFor);
  return {
    version: GRADES_VERSION,
    gradedAt: (options.now?.() ?? new Date()).toISOString(),
    course: { commit: options.commit ?? 'unknown' },
    assignment: options.assignment ?? null,
    files,
    rows,
  };
}

function lateness(t: Task, assignment: Assignment | undefined): boolean | null {
  const a = assignment ?? t.submission.assignment;
  return a ? isLate(a, t.submission.createdAt) : null;
}

function baseRow(t: Task, assignment: Assignment | undefined): Omit<GradeRow, 'passed' | 'total' | 'score' | 'checks' | 'claimedMismatch'> {
  return {
    learner: t.submission.learner,
    lab: t.labId,
    file: t.file,
    late: lateness(t, assignment),
    submittedAt: t.submission.createdAt,
    contentHash: t.hashActual,
    hashMatches: t.hashOk,
    identicalTo: [],
    missing: t.files === undefined,
  };
}

function errorRow(t: Task, message: string, assignment: Assignment | undefined): GradeRow {
  return { ...baseRow(t, assignment), passed: 0, total: 0, score: 0, claimedMismatch: [], checks: [{ title: 'grading', status: 'error', message, claimed: null }] };
}

async function gradeTask(t: Task, lab: LabOnDisk | Error, assignment: Assignment | undefined, runnerFor: RunnerFactory): Promise<GradeRow> {
  if (lab instanceof Error) return errorRow(t, lab.message, assignment);
  const total = lab.definition.checks.length;
  if (t.files === undefined) {
    const checks: GradedCheck[] = lab.definition.checks.map((c) => ({ title: c.title, status: 'failed', message: 'This lab is not in the submission.', claimed: null }));
    return { ...baseRow(t, assignment), passed: 0, total, score: 0, claimedMismatch: [], checks };
  }
  const report = await recheck(lab, effectiveFiles(lab, t.files), runnerFor);
  const claims = t.submission.labs.find((l) => l.id === t.labId)?.results?.checks;
  const checks: GradedCheck[] = report.results.map((r, i) => {
    // Matched by position first (titles may repeat), then by title (a lab whose checks were reordered).
    const claim = claims?.[i]?.title === r.title ? claims[i] : claims?.find((c) => c.title === r.title);
    return { title: r.title, status: r.status, message: r.message ?? null, claimed: claims ? (claim?.status ?? null) : null };
  });
  const claimedMismatch = claims ? checks.filter((c) => c.claimed !== c.status).map((c) => c.title) : [];
  const passed = checks.filter((c) => c.status === 'passed').length;
  return { ...baseRow(t, assignment), passed, total, score: total ? Math.round((passed / total) * 1000) / 1000 : 0, claimedMismatch, checks };
}

/** Two learners handing in the same files for a lab (other than the untouched starter) are flagged on both rows. */
async function markIdentical(rows: GradeRow[], tasks: Task[], labFor: (id: string) => LabOnDisk | Error): Promise<void> {
  const groups = new Map<string, number[]>();
  for (const [i, t] of tasks.entries()) {
    const lab = labFor(t.labId);
    if (!t.files || lab instanceof Error) continue;
    const eff = effectiveFiles(lab, t.files);
    if (canonicalJson(eff) === canonicalJson(lab.starter)) continue;
    const key = `${t.labId}:${await sha256Hex(canonicalJson(eff))}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  for (const members of groups.values()) {
    for (const i of members) {
      const row = rows[i]!;
      const me = row.learner.trim().toLowerCase();
      row.identicalTo = members.filter((j) => j !== i && rows[j]!.learner.trim().toLowerCase() !== me).map((j) => rows[j]!.file);
    }
  }
}
