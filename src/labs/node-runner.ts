// The LabRunner for Node: each run or check gets a fresh worker thread, so a handler stuck in an endless
// loop is terminated without taking the CLI (or a grading script) down with it.
import { Worker } from 'node:worker_threads';
import type { LabRunner, MountedLab, RunOptions, CheckOptions } from './lab-runner.ts';
import type { LabCheckReport, LabRunReport } from './lab-types.ts';
import { runSession, type SessionThread } from './session-client.ts';
import type { SessionMessage } from './session-protocol.ts';

function nodeThread(customChecksPath?: string): SessionThread {
  // Compiled to JavaScript (the WebContainer project) this file is node-runner.js: keep the same extension.
  const ext = import.meta.url.endsWith('.js') ? 'js' : 'ts';
  const worker = new Worker(new URL(`./node-session-worker.${ext}`, import.meta.url), { workerData: { customChecksPath } });
  return {
    post: (req) => worker.postMessage(req),
    onMessage: (l) => worker.on('message', (m: SessionMessage) => l(m)),
    terminate: () => void worker.terminate(),
  };
}

export class NodeLabRunner implements LabRunner {
  readonly kind = 'node' as const;
  private lab: MountedLab | undefined;
  private readonly customChecksPath: string | undefined;

  constructor(options: { customChecksPath?: string } = {}) {
    this.customChecksPath = options.customChecksPath;
  }

  async mount(lab: MountedLab): Promise<void> {
    this.lab = lab;
  }

  private async session(kind: 'run' | 'check', opts: RunOptions & CheckOptions) {
    if (!this.lab) throw new Error('mount() a lab first');
    const thread = nodeThread(this.customChecksPath);
    try {
      return await runSession(thread, { kind, labId: this.lab.id, definition: this.lab.definition, files: this.lab.files }, opts, opts.signal);
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

  dispose(): void {
    this.lab = undefined;
  }
}
