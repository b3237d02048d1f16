// The in-page LabRunner: a dedicated module worker runs the engine and the learner's handlers. Every Run
// and every Check gets a fresh worker, so nothing a handler did (a patched built-in, a timer left
// running, an error after a fatal one) survives into the next. Its results are self-reported: the
// learner controls this page, so only the command-line grader's verdict counts for grading.
import type { CheckOptions, LabRunner, MountedLab, RunOptions } from '../lab-runner.ts';
import type { LabCheckReport, LabRunReport } from '../lab-types.ts';
import { runSession, type SessionOutcome, type SessionThread } from '../session-client.ts';
import type { WorkerMessage } from './lab-worker.ts';
import type { CompiledFile } from '../session-protocol.ts';

/** Compiles the lab's TypeScript files in the page (the code editor's own TypeScript worker). */
export type PageCompiler = (paths: string[]) => Promise<Record<string, CompiledFile>>;

export class WorkerLabRunner implements LabRunner {
  readonly kind = 'worker' as const;
  private worker: Worker | undefined;
  private lab: MountedLab | undefined;
  /** How many workers were started (tests read it to see a stuck worker was replaced). */
  workersStarted = 0;
  private compiler: PageCompiler | undefined;

  /** While the code editor is open its TypeScript worker compiles handlers; otherwise the lab worker loads a compiler. */
  useCompiler(compiler: PageCompiler | undefined): void {
    this.compiler = compiler;
  }

  private async precompiled(lab: MountedLab): Promise<Record<string, CompiledFile> | undefined> {
    // The functions and the lab modules they may import (read-only ones too: the editor has a model of each).
    const paths = Object.keys(lab.files).filter((p) => p.endsWith('.ts'));
    if (!this.compiler || paths.length === 0) return undefined;
    try {
      return await this.compiler(paths);
    } catch {
      return undefined; // the lab worker compiles them itself
    }
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./lab-worker.ts', import.meta.url), { type: 'module', name: 'lab-runner' });
      this.workersStarted++;
    }
    return this.worker;
  }

  private thread(): SessionThread {
    const worker = this.ensureWorker();
    return {
      post: (req) => worker.postMessage(req),
      onMessage: (listener) => {
        worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
          if (e.data.type !== 'transpiled') listener(e.data);
        };
        worker.onerror = (e) => {
          e.preventDefault();
          listener({ type: 'fatal', message: `The lab worker failed: ${e.message || 'it could not start'}` });
        };
      },
      terminate: () => {
        worker.terminate();
        if (this.worker === worker) this.worker = undefined;
      },
    };
  }

  async mount(lab: MountedLab): Promise<void> {
    this.lab = lab;
  }

  private async session(kind: 'run' | 'check', opts: RunOptions & CheckOptions): Promise<SessionOutcome> {
    if (!this.lab) throw new Error('mount() a lab first');
    const { id, definition, files } = this.lab;
    const compiled = await this.precompiled(this.lab);
    this.worker?.terminate();
    this.worker = undefined;
    const thread = this.thread();
    try {
      return await runSession(thread, { kind, labId: id, definition, files, ...(compiled ? { compiled } : {}) }, opts, opts.signal);
    } finally {
      thread.terminate();
    }
  }

  async run(options: RunOptions = {}): Promise<LabRunReport> {
    return (await this.session('run', options)).report as LabRunReport;
  }

  async check(options: CheckOptions = {}): Promise<LabCheckReport> {
    return (await this.session('check', options)).report as LabCheckReport;
  }

  /** Compiles TypeScript files to JavaScript in the worker (used to build the WebContainer project). */
  transpile(files: Record<string, string>): Promise<{ files: Record<string, string>; errors: string[] }> {
    const worker = this.ensureWorker();
    return new Promise((resolve) => {
      const listener = (e: MessageEvent<WorkerMessage>) => {
        if (e.data.type !== 'transpiled') return;
        worker.removeEventListener('message', listener);
        resolve({ files: e.data.files, errors: e.data.errors });
      };
      worker.addEventListener('message', listener);
      worker.postMessage({ kind: 'transpile', files });
    });
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.lab = undefined;
  }
}
