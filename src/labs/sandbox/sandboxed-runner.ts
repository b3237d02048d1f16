// The grader's LabRunner: learner code runs in child processes (sandbox-session.ts) and only plain data
// comes back; the bus, the checks and every verdict run here, in a realm no learner code has touched.
import { pathToFileURL } from 'node:url';
import type { CheckOptions, LabRunner, MountedLab, RunOptions } from '../lab-runner.ts';
import type { LabCheckReport, LabRunReport, OutputLine } from '../lab-types.ts';
import { runChecks, runLab, type CustomChecks } from '../run-checks.ts';
import { SandboxSession, type SandboxSessionOptions } from './sandbox-session.ts';

/** Everything a session may take, loading included, before it is stopped. */
export const SESSION_LIMIT_MS = 60_000;

export interface SandboxedRunnerOptions extends Pick<SandboxSessionOptions, 'limits' | 'loadLimitMs' | 'maxOutputLines' | 'maxOutputBytes'> {
  /** The lab's own checks.ts (always from the lab folder, never from the learner). */
  customChecksPath?: string;
  sessionLimitMs?: number;
}

export class SandboxedLabRunner implements LabRunner {
  readonly kind = 'node' as const;
  private lab: MountedLab | undefined;
  private readonly opts: SandboxedRunnerOptions;

  constructor(opts: SandboxedRunnerOptions = {}) {
    this.opts = opts;
  }

  async mount(lab: MountedLab): Promise<void> {
    this.lab = lab;
  }

  private async session<T extends LabRunReport | LabCheckReport>(signal: AbortSignal | undefined, go: (s: SandboxSession, custom: CustomChecks) => Promise<T>): Promise<T> {
    if (!this.lab) throw new Error('mount() a lab first');
    const custom = this.opts.customChecksPath ? (((await import(pathToFileURL(this.opts.customChecksPath).href)) as { checks?: CustomChecks }).checks ?? {}) : {};
    const { limits, loadLimitMs, maxOutputLines, maxOutputBytes } = this.opts;
    const session = new SandboxSession({ labId: this.lab.id, definition: this.lab.definition, files: this.lab.files, limits, loadLimitMs, maxOutputLines, maxOutputBytes });
    const limitMs = this.opts.sessionLimitMs ?? SESSION_LIMIT_MS;
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped ??= why;
      session.stop(why);
    };
    const onAbort = () => stop('Cancelled.');
    if (signal?.aborted) onAbort();
    signal?.addEventListener('abort', onAbort);
    const timer = setTimeout(() => stop(`Stopped: the lab did not finish within ${limitMs / 1000} s.`), limitMs);
    try {
      const report = await go(session, custom);
      if (stopped) report.output.push({ stream: 'error', text: stopped });
      return report;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      session.dispose();
    }
  }

  run(options: RunOptions = {}): Promise<LabRunReport> {
    const { definition, files } = this.requireLab();
    return this.session(options.signal, (s) => runLab(definition, files, s.host({ onTrace: options.onTrace, onOutput: options.onOutput })));
  }

  check(options: CheckOptions = {}): Promise<LabCheckReport> {
    const { definition, files } = this.requireLab();
    return this.session(options.signal, async (s, custom) => {
      const report = await runChecks(definition, files, s.host(), custom, options.onResult);
      for (const l of report.output) options.onOutput?.(l as OutputLine);
      return report;
    });
  }

  private requireLab(): MountedLab {
    if (!this.lab) throw new Error('mount() a lab first');
    return this.lab;
  }

  dispose(): void {
    this.lab = undefined;
  }
}
