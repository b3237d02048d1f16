// Re-runs every check of one lab on a learner's files through the LabRunner interface (the contained
// command-line runner by default). Whatever the learner's code does, the outcome is a report: a runner
// that throws or hangs turns into failed checks for this lab only.
import type { LabRunner } from '../labs/lab-runner.ts';
import { NodeLabRunner } from '../labs/node-runner.ts';
import type { LabOnDisk } from '../labs/load-lab.ts';
import type { LabCheckReport, LabFiles } from '../labs/lab-types.ts';

export type RunnerFactory = (lab: LabOnDisk) => LabRunner;

export const nodeRunnerFor: RunnerFactory = (lab) => new NodeLabRunner(lab.customChecksPath ? { customChecksPath: lab.customChecksPath } : {});

/** Longer than the runner's own session limit: this is the last resort if a runner never answers. */
const RECHECK_LIMIT_MS = 90_000;

/** The learner's files laid over the starter, as `npm run lab -- check --dir` does. */
export function effectiveFiles(lab: LabOnDisk, submitted: LabFiles): LabFiles {
  const files: LabFiles = { ...lab.starter };
  // Only the lab's own files count: an extra file cannot smuggle in a module the checks would load.
  for (const [path, text] of Object.entries(submitted)) if (path in lab.starter) files[path] = text;
  return files;
}

export async function recheck(lab: LabOnDisk, files: LabFiles, runnerFor: RunnerFactory = nodeRunnerFor, limitMs = RECHECK_LIMIT_MS): Promise<LabCheckReport> {
  const failAll = (why: string): LabCheckReport => ({
    passed: false,
    output: [{ stream: 'error', text: why }],
    results: lab.definition.checks.map((c) => ({ id: c.id, title: c.title, status: 'error', message: `${c.failure}\n${why}` })),
  });
  let runner: LabRunner | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const controller = new AbortController();
  try {
    runner = runnerFor(lab);
    await runner.mount({ id: lab.id, definition: lab.definition, files });
    const limit = new Promise<LabCheckReport>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(failAll(`The checks did not finish within ${limitMs / 1000} s and were stopped.`));
      }, limitMs);
    });
    const report = await Promise.race([runner.check({ signal: controller.signal }), limit]);
    // A runner that returns fewer results than the lab has checks never hides a check.
    const results = lab.definition.checks.map((c, i) => report.results[i] ?? { id: c.id, title: c.title, status: 'error' as const, message: 'The runner gave no result for this check.' });
    return { ...report, results, passed: results.every((r) => r.status === 'passed') };
  } catch (e) {
    return failAll(`The checks could not run: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    clearTimeout(timer);
    try {
      runner?.dispose();
    } catch {
      // a runner that fails to clean up has still been graded
    }
  }
}
