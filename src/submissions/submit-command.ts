// `npm run lab -- submit <id> --dir <work> --learner NAME [--assignment FILE] --out FILE`: the same
// submission file the lab page's "Download submission" gives, with the results of a local check.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readAssignmentFile } from '../assignments/read-assignment-file.ts';
import { effectiveFiles, recheck } from '../grading/recheck.ts';
import { loadLab, readFilesDir } from '../labs/load-lab.ts';
import { courseCommit } from './course-version.ts';
import { makeSubmission } from './make-submission.ts';

export const SUBMIT_USAGE = 'npm run lab -- submit <id> --dir <work> --learner NAME [--assignment FILE] --out FILE';

function option(args: string[], name: string, required: boolean): string | undefined {
  const i = args.indexOf(name);
  const v = i >= 0 ? args[i + 1] : undefined;
  if (i >= 0 && (!v || v.startsWith('--'))) throw new Error(`${name} needs a value. Usage: ${SUBMIT_USAGE}`);
  if (required && v === undefined) throw new Error(`submit needs ${name}. Usage: ${SUBMIT_USAGE}`);
  return v;
}

export async function submitCommand(args: string[], out: (s: string) => void): Promise<number> {
  const valued = ['--dir', '--learner', '--assignment', '--out'];
  const id = args.find((a, i) => !a.startsWith('--') && !valued.includes(args[i - 1] ?? ''));
  if (!id) throw new Error(`submit needs a lab id. Usage: ${SUBMIT_USAGE}`);
  const dir = resolve(option(args, '--dir', true)!);
  const learner = option(args, '--learner', true)!;
  const outFile = resolve(option(args, '--out', true)!);
  const assignmentPath = option(args, '--assignment', false);
  const assignment = assignmentPath ? readAssignmentFile(assignmentPath) : null;
  if (assignment && !assignment.labs.includes(id)) out(`note: ${id} is not one of the assignment's labs (${assignment.labs.join(', ')}).`);
  const lab = loadLab(id);
  const files = readFilesDir(dir);
  const report = await recheck(lab, effectiveFiles(lab, files));
  const submission = await makeSubmission({
    learner,
    assignment,
    commit: courseCommit(),
    labs: [{ id, files, results: { checkedAt: new Date().toISOString(), checks: report.results.map((r) => ({ title: r.title, status: r.status })) } }],
  });
  writeFileSync(outFile, `${JSON.stringify(submission, null, 2)}\n`);
  const passed = report.results.filter((r) => r.status === 'passed').length;
  out(`${passed}/${report.results.length} checks passed. Wrote ${outFile} (SHA-256 ${submission.hash.value.slice(0, 12)}…).`);
  return 0;
}
