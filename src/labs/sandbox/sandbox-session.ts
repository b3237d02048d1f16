// One graded session (a run or a check) on the command line: the learner's files in a temporary folder,
// one child process per function (as Lambda gives each function its own environment, and so a learner's
// handler cannot patch a read-only one), and a HandlerHost whose handlers are stand-ins that call into
// those children. The bus and every check stay in this process.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HandlerHost, LabHandler } from '../lab-scenario.ts';
import type { LabDefinition, LabFiles } from '../lab-types.ts';
import { FunctionProcess } from './function-process.ts';
import { DEFAULT_LIMITS, planSpawn, type SandboxLimits, type SpawnPlan } from './sandbox-spawn.ts';
import { safeRelativePath } from './safe-path.ts';
import { writeSdkShim } from './sdk-shim.ts';
import { sdkModulesDir } from '../sdk-modules-dir.ts';
import { OUTPUT_TRUNCATED, outputBudget } from '../output-limits.ts';

/** The files the child runs, copied into the session folder (it may read nothing else). */
const CHILD_FILES = ['sandbox-child.ts', 'child-wire.ts', 'lock-network.ts'];
/** Shared with the other runners, and copied too: each imports nothing at run time. */
const SHARED_FILES = ['lambda-context.ts', 'sdk-wire-handler.ts'];

export interface SandboxSessionOptions {
  labId: string;
  definition: LabDefinition;
  files: LabFiles;
  limits?: SandboxLimits;
  loadLimitMs?: number;
  maxOutputLines?: number;
  maxOutputBytes?: number;
}

export const DEFAULT_LOAD_LIMIT_MS = 5000;

export class SandboxSession {
  readonly root: string;
  readonly plan: SpawnPlan;
  private readonly procs = new Set<FunctionProcess>();
  private readonly opts: SandboxSessionOptions;
  private stopped: string | undefined;
  private readonly budget: ReturnType<typeof outputBudget>;

  constructor(opts: SandboxSessionOptions) {
    this.opts = opts;
    this.budget = outputBudget(opts.maxOutputLines, opts.maxOutputBytes);
    this.root = mkdtempSync(join(tmpdir(), `lab-${opts.labId.replace(/[^a-z0-9-]/gi, '')}-`));
    try {
      for (const [path, text] of Object.entries(opts.files)) {
        const target = join(this.root, 'files', safeRelativePath(path));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      mkdirSync(join(this.root, 'runtime'));
      for (const f of CHILD_FILES) copyFileSync(new URL(f, import.meta.url), join(this.root, 'runtime', f));
      // One folder above runtime/, where the child's `../x.ts` imports find them, as in the repository.
      for (const f of SHARED_FILES) copyFileSync(new URL(`../${f}`, import.meta.url), join(this.root, f));
      writeSdkShim(this.root, join(this.root, 'sdk-wire-handler.ts'));
    } catch (e) {
      this.dispose();
      throw e;
    }
    this.plan = planSpawn(join(this.root, 'runtime', 'sandbox-child.ts'), [`${this.root}/`, sdkModulesDir()], opts.limits ?? DEFAULT_LIMITS);
  }

  /** The HandlerHost the bus in this process uses; `extra` adds the live trace and output of a run. */
  host(extra: Pick<HandlerHost, 'onTrace' | 'onOutput'> = {}): HandlerHost {
    return { ...extra, concurrent: true, loadHandler: (file, _source, exportName, env) => this.loadHandler(file, exportName, env) };
  }

  private start(file: string, exportName: string, env: Record<string, string>): FunctionProcess {
    if (this.stopped) throw new Error(this.stopped);
    const proc = new FunctionProcess({
      plan: this.plan,
      file,
      exportName,
      env,
      loadLimitMs: this.opts.loadLimitMs ?? DEFAULT_LOAD_LIMIT_MS,
      onOutput: (stream, text) => this.output(stream, text),
    });
    this.procs.add(proc);
    return proc;
  }

  private async loadHandler(file: string, exportName: string, env: Record<string, string>): Promise<LabHandler> {
    safeRelativePath(file);
    let proc = this.start(file, exportName, env);
    await proc.loaded();
    return async (event, invocation) => {
      // After a crash or a timeout the next call gets a fresh process (a cold start, as in Lambda).
      if (!proc.alive) {
        proc = this.start(file, exportName, invocation.env);
        await proc.loaded();
      }
      const timeoutMs = invocation.context.deadline - Date.now();
      return proc.invoke(event, { context: invocation.context, env: invocation.env }, invocation.wire, Math.max(0, timeoutMs));
    };
  }

  /**
   * Output reaches the scenario through this process's console, which the scenario captures (and caps
   * per scenario); this budget caps the whole session, however many scenarios a check runs.
   */
  private output(stream: 'log' | 'error', text: string): void {
    const verdict = this.budget(text);
    if (verdict === 'notice') console.error(OUTPUT_TRUNCATED);
    else if (verdict === 'keep' && stream === 'error') console.error(text);
    else if (verdict === 'keep') console.log(text);
  }

  /** Stops every child; later calls fail with `why` (cancel, the session's own time limit). */
  stop(why: string): void {
    this.stopped ??= why;
    for (const p of this.procs) p.kill(why);
  }

  dispose(): void {
    this.stop('The session is over.');
    rmSync(this.root, { recursive: true, force: true });
  }
}
