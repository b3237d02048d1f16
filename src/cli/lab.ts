// `npm run lab -- list [--json]` | `check <id> [--dir PATH | --solution | --starter]` | `run <id> [--dir ...]`
// How learners work locally, how instructors grade, and how CI tests every lab.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { listLabIds, loadLab, type LabOnDisk } from '../labs/load-lab.ts';
import type { LabRunner } from '../labs/lab-runner.ts';
import { NodeLabRunner } from '../labs/node-runner.ts';
import { formatCheckResult, formatTraceLine } from '../labs/format-trace.ts';
import type { LabCheckReport, LabFiles, LabRunReport } from '../labs/lab-types.ts';
import { readLearnerDir } from '../labs/read-learner-dir.ts';

export interface LabSummary {
  id: string;
  title: string;
}

export function listLabs(labsDir?: string): LabSummary[] {
  return listLabIds(labsDir).map((id) => {
    const lab = loadLab(id, labsDir);
    return { id: lab.id, title: lab.title };
  });
}

export type FilesSource = { kind: 'starter' } | { kind: 'solution' } | { kind: 'dir'; path: string };

/**
 * The files a check or run uses: the starter, the solution, or a learner's folder laid over the starter.
 * Files the lab marks read-only always come from the lab, whatever the folder holds.
 */
export function filesFor(lab: LabOnDisk, source: FilesSource): LabFiles {
  if (source.kind === 'starter') return { ...lab.starter };
  if (source.kind === 'solution') return { ...lab.starter, ...lab.solution };
  const readOnly = lab.fileSpecs.filter((f) => f.readonly).map((f) => f.path);
  const learner = Object.entries(readLearnerDir(source.path)).filter(([path]) => !readOnly.includes(path));
  return { ...lab.starter, ...Object.fromEntries(learner) };
}

/**
 * `sandbox: false` is for the in-browser Node.js terminal only: there the learner runs their own code in
 * their own browser, and the sandbox (child processes under the permission model) is not shipped.
 */
export interface GradeOptions {
  labsDir?: string;
  sandbox?: boolean;
}

async function runnerFor(lab: LabOnDisk, opts: GradeOptions): Promise<LabRunner> {
  const custom = lab.customChecksPath ? { customChecksPath: lab.customChecksPath } : {};
  if (opts.sandbox === false) return new NodeLabRunner(custom);
  // Imported when used: the in-browser terminal's copy of this CLI has no sandbox folder.
  const { SandboxedLabRunner } = await import('../labs/sandbox/sandboxed-runner.ts');
  return new SandboxedLabRunner(custom);
}

export async function checkLab(id: string, source: FilesSource, opts: GradeOptions = {}): Promise<LabCheckReport> {
  const lab = loadLab(id, opts.labsDir);
  const runner = await runnerFor(lab, opts);
  await runner.mount({ id, definition: lab.definition, files: filesFor(lab, source) });
  try {
    return await runner.check();
  } finally {
    runner.dispose();
  }
}

export async function runLabEvents(id: string, source: FilesSource, opts: GradeOptions = {}): Promise<LabRunReport> {
  const lab = loadLab(id, opts.labsDir);
  const runner = await runnerFor(lab, opts);
  await runner.mount({ id, definition: lab.definition, files: filesFor(lab, source) });
  try {
    return await runner.run();
  } finally {
    runner.dispose();
  }
}

const USAGE = `Usage:
  npm run lab -- list [--json]
  npm run lab -- check <id> [--dir PATH | --solution | --starter] [--report FILE]
  npm run lab -- run <id> [--dir PATH | --solution | --starter] [--report FILE]
Without a source option, check and run use the lab's starter files. --dir lays your folder over the
starter files, except those the lab marks read-only. --report also writes the full result as JSON (for
graders and tools), also when the check could not run. Handlers run in separate processes that can read
only the lab's files and cannot use the network (see README, "Security"). --no-sandbox is for the
in-browser terminal only.`;

function writeReport(args: string[], report: unknown): void {
  const i = args.indexOf('--report');
  if (i < 0) return;
  const path = args[i + 1];
  if (!path || path.startsWith('--')) throw new Error('--report needs a file name, e.g. --report result.json');
  writeFileSync(path, JSON.stringify(report, null, 2));
}

function sourceFrom(args: string[]): FilesSource {
  const i = args.indexOf('--dir');
  if (i >= 0) {
    const path = args[i + 1];
    if (!path || path.startsWith('--')) throw new Error('--dir needs a folder, e.g. --dir ./my-work');
    return { kind: 'dir', path: resolve(path) };
  }
  if (args.includes('--solution')) return { kind: 'solution' };
  return { kind: 'starter' };
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  const [command, ...rest] = argv;
  const color = process.stdout.isTTY === true;
  let reportOnError = false;
  try {
    if (command === 'list') {
      const labs = listLabs();
      if (rest.includes('--json')) out(JSON.stringify(labs));
      else for (const l of labs) out(`${l.id}  ${l.title}`);
      return 0;
    }
    if (command === 'export' || command === 'deploy' || command === 'verify' || command === 'destroy') return await (await import('../lab-export/export-command.ts')).exportCommand(command, rest, out, filesFor);
    if (command === 'submit') return await (await import('../submissions/submit-command.ts')).submitCommand(rest, out);
    if (command === 'check' || command === 'run') {
      const id = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--dir' && rest[i - 1] !== '--report');
      if (!id) throw new Error(`${command} needs a lab id. Try: npm run lab -- list`);
      // The report is written whatever happens, so a grading script always finds one.
      reportOnError = true;
      const source = sourceFrom(rest);
      const opts: GradeOptions = { sandbox: !rest.includes('--no-sandbox') };
      if (command === 'run') {
        const report = await runLabEvents(id, source, opts);
        writeReport(rest, report);
        for (const e of report.trace) out(formatTraceLine(e));
        for (const l of report.output) out(`${l.stream === 'error' ? 'error' : 'log'}: ${l.text}`);
        return report.output.some((l) => l.stream === 'error') ? 1 : 0;
      }
      const report = await checkLab(id, source, opts);
      writeReport(rest, report);
      for (const l of report.output) out(`${l.stream}: ${l.text}`);
      for (const r of report.results) out(formatCheckResult(r, color));
      const passed = report.results.filter((r) => r.status === 'passed').length;
      out(`${passed}/${report.results.length} checks passed${report.passed ? ': lab complete.' : '.'}`);
      return report.passed ? 0 : 1;
    }
    out(USAGE);
    return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    out(`error: ${message}`);
    if (reportOnError) {
      try {
        writeReport(rest, { error: message, passed: false, results: [], output: [{ stream: 'error', text: message }] });
      } catch {
        // --report itself was the problem: already said above.
      }
    }
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = await main(process.argv.slice(2));
}
