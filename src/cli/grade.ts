// `npm run grade -- <folder> [--assignment FILE] [--out DIR] [--jobs N]`: grades a class by re-running everything.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { readAssignmentFile } from '../assignments/read-assignment-file.ts';
import { gradeFolder } from '../grading/grade-submissions.ts';
import { progressBar } from '../grading/progress-bar.ts';
import { writeGrades } from '../grading/write-grades.ts';
import { courseCommit } from '../submissions/course-version.ts';

const USAGE = `Usage: npm run grade -- <folder of submission files> [--assignment FILE] [--out DIR] [--jobs N]
Re-runs every check of every lab in every *.json submission in the folder (claimed results are only
compared, never trusted) and writes DIR/grades.csv, DIR/grades.json and DIR/feedback/<learner>.md.
--assignment: the assignment (JSON, or a file holding its link) to grade against; default: each file's own.
--out: default ./grades. --jobs: labs re-run at once; default: the machine's cores.`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`), err: { isTTY?: boolean; write(s: string): unknown } = process.stderr): Promise<number> {
  if (!argv.length || argv.includes('--help')) {
    out(USAGE);
    return argv.length ? 0 : 2;
  }
  try {
    const folder = argv.find((a, i) => !a.startsWith('--') && !['--assignment', '--out', '--jobs'].includes(argv[i - 1] ?? ''));
    if (!folder) throw new Error('give the folder of submission files');
    const assignmentPath = option(argv, '--assignment');
    const outDir = resolve(option(argv, '--out') ?? 'grades');
    const jobs = Number(option(argv, '--jobs') ?? availableParallelism());
    if (!Number.isInteger(jobs) || jobs < 1) throw new Error('--jobs needs a whole number of at least 1');
    const grades = await gradeFolder(resolve(folder), {
      ...(assignmentPath ? { assignment: readAssignmentFile(assignmentPath) } : {}),
      concurrency: jobs,
      commit: courseCommit(),
      onProgress: progressBar(err),
    });
    const { feedback } = writeGrades(grades, outDir);
    for (const f of grades.files.filter((f) => f.error)) out(`could not grade ${f.file}: ${f.error}`);
    for (const f of grades.files.filter((f) => f.hash && !f.hash.matches)) out(`hash mismatch: ${f.file} was changed after it was made`);
    for (const r of grades.rows) {
      if (r.claimedMismatch.length) out(`claimed ≠ re-run: ${r.learner} ${r.lab}: ${r.claimedMismatch.join('; ')}`);
      if (r.identicalTo.length) out(`identical: ${r.learner} ${r.lab} = ${r.identicalTo.join(', ')}`);
      if (r.late) out(`late: ${r.learner} ${r.lab} (submitted ${r.submittedAt})`);
    }
    out(`${grades.rows.length} lab(s) graded from ${grades.files.length} file(s); wrote ${outDir}/grades.csv, grades.json and ${feedback.length} feedback file(s).`);
    return grades.files.some((f) => f.error) ? 1 : 0;
  } catch (e) {
    out(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
