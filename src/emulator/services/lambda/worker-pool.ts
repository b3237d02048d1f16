// Function execution environments: one Node process per concurrent invocation, kept warm between
// invocations of the same code and configuration, killed at the function's timeout. Learner code is
// untrusted: each process runs under Node's permission model, reading only its code, the project's
// node_modules and the runner, with no child processes, workers or file writes, and a heap the size of
// the function's memory setting.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FunctionErrorPayload, InvokeMessage, WorkerMessage } from './worker-protocol.ts';

export interface RunSpec {
  /** Identifies code + configuration: a warm worker is reused only for the same key. */
  key: string;
  codeDir: string;
  handler: string;
  env: Record<string, string>;
  timeoutSeconds: number;
  memoryMb: number;
  functionName: string;
  functionArn: string;
  logGroupName: string;
}

export interface Outcome {
  payload: string;
  functionError?: 'Unhandled';
  error?: FunctionErrorPayload;
  /** Lambda's log lines for this invocation, START to REPORT. */
  logLines: string[];
  logStreamName: string;
  cold: boolean;
  durationMs: number;
}

interface Environment {
  worker: ChildProcess;
  key: string;
  logStreamName: string;
}

/** Function processes running at once, over all functions. */
export const DEFAULT_MAX_RUNNING = 16;
const RUNNER = fileURLToPath(new URL('./function-worker.ts', import.meta.url));
const NODE_MODULES = realpathSync(fileURLToPath(new URL('../../../../node_modules', import.meta.url)));

function streamName(now: Date): string {
  const d = now.toISOString().slice(0, 10).replaceAll('-', '/');
  return `${d}/[$LATEST]${randomBytes(16).toString('hex')}`;
}

export class WorkerPool {
  private readonly idle: Environment[] = [];
  private readonly busy = new Set<Environment>();
  private readonly waiting: (() => void)[] = [];
  private readonly maxRunning: number;

  /** At most `maxRunning` function processes run at once: the machine is small and learner code may hang. */
  constructor(maxRunning = DEFAULT_MAX_RUNNING) {
    this.maxRunning = maxRunning;
  }

  /** False when every slot is taken (a synchronous Invoke is then throttled, as Lambda does past its concurrency). */
  hasCapacity(): boolean {
    return this.busy.size < this.maxRunning;
  }

  /** Runs one invocation, waiting for a free slot first. */
  async invoke(spec: RunSpec, event: string, requestId: string): Promise<Outcome> {
    while (!this.hasCapacity()) await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await this.runIn(spec, event, requestId);
    } finally {
      this.waiting.shift()?.();
    }
  }

  private async runIn(spec: RunSpec, event: string, requestId: string): Promise<Outcome> {
    const warm = this.idle.findIndex((e) => e.key === spec.key);
    const cold = warm < 0;
    const envm = cold ? this.spawn(spec) : (this.idle.splice(warm, 1)[0] as Environment);
    this.busy.add(envm);
    const started = performance.now();
    const lines: string[] = [`START RequestId: ${requestId} Version: $LATEST`];
    const message: InvokeMessage = {
      type: 'invoke', requestId, event, deadline: Date.now() + spec.timeoutSeconds * 1000, functionName: spec.functionName,
      functionArn: spec.functionArn, memoryMb: spec.memoryMb, logGroupName: spec.logGroupName, logStreamName: envm.logStreamName,
    };
    const result = await new Promise<{ kind: 'done'; m: Extract<WorkerMessage, { type: 'result' }> } | { kind: 'timeout' } | { kind: 'crash'; error: Error }>((resolve) => {
      const timer = setTimeout(() => resolve({ kind: 'timeout' }), spec.timeoutSeconds * 1000);
      const onMessage = (m: WorkerMessage): void => {
        if (m.type === 'log') lines.push(m.line);
        else if (m.requestId === requestId) finish({ kind: 'done', m });
      };
      const onError = (error: Error): void => finish({ kind: 'crash', error });
      const onExit = (code: number | null, signal: string | null): void => finish({
        kind: 'crash', error: new Error(`Runtime exited with error: ${signal !== null ? `signal: ${signal}` : `exit status ${code}`}`),
      });
      const finish = (r: { kind: 'done'; m: Extract<WorkerMessage, { type: 'result' }> } | { kind: 'crash'; error: Error }): void => {
        clearTimeout(timer);
        resolve(r);
      };
      envm.worker.on('message', onMessage).once('error', onError).once('exit', onExit);
      envm.worker.send(message);
      // Listeners go when this invocation ends, so a warm worker does not accumulate them.
      this.cleanup.set(envm, () => envm.worker.off('message', onMessage).off('error', onError).off('exit', onExit));
    });
    this.cleanup.get(envm)?.();
    this.cleanup.delete(envm);
    this.busy.delete(envm);
    const durationMs = performance.now() - started;
    const base = { logStreamName: envm.logStreamName, cold, durationMs };
    const report = (heapMb: number, status?: string): void => {
      lines.push(`END RequestId: ${requestId}`);
      lines.push([
        `REPORT RequestId: ${requestId}`, `Duration: ${durationMs.toFixed(2)} ms`, `Billed Duration: ${Math.max(1, Math.ceil(durationMs))} ms`,
        `Memory Size: ${spec.memoryMb} MB`, `Max Memory Used: ${Math.min(heapMb, spec.memoryMb)} MB`, ...(status ? [`Status: ${status}`] : []),
      ].join('\t'));
    };
    if (result.kind === 'timeout' || result.kind === 'crash') {
      envm.worker.kill('SIGKILL');
      const message = result.kind === 'timeout'
        ? `Task timed out after ${spec.timeoutSeconds.toFixed(2)} seconds`
        : result.error.message;
      lines.push(`${new Date().toISOString()} ${requestId} ${message}`);
      report(0, result.kind === 'timeout' ? 'timeout' : 'error');
      const error: FunctionErrorPayload = result.kind === 'timeout'
        ? { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: ${message}` }
        : { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${message}` };
      return { ...base, payload: JSON.stringify(error), functionError: 'Unhandled', error, logLines: lines };
    }
    this.idle.push(envm);
    const m = result.m;
    report(m.heapMb);
    if (m.ok) return { ...base, payload: m.payload, logLines: lines };
    return { ...base, payload: JSON.stringify(m.error), functionError: 'Unhandled', error: m.error, logLines: lines };
  }

  private readonly cleanup = new Map<Environment, () => void>();

  private spawn(spec: RunSpec): Environment {
    const worker = fork(RUNNER, [spec.codeDir, spec.handler], {
      env: spec.env, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      execArgv: [
        '--permission', `--allow-fs-read=${dirname(spec.codeDir)}/`, `--allow-fs-read=${NODE_MODULES}/`, `--allow-fs-read=${dirname(RUNNER)}/`,
        `--max-old-space-size=${spec.memoryMb}`,
      ],
    });
    // Idle environments must not keep the emulator's process alive.
    worker.unref();
    worker.channel?.unref();
    const envm: Environment = { worker, key: spec.key, logStreamName: streamName(new Date()) };
    // An environment that dies while idle (a stray timer that throws) is not reused.
    worker.once('exit', () => {
      const i = this.idle.indexOf(envm);
      if (i >= 0) this.idle.splice(i, 1);
    });
    return envm;
  }

  /** Ends the idle environments of a function whose code or configuration changed, or that was deleted. */
  retire(keyPrefix: string): void {
    for (let i = this.idle.length - 1; i >= 0; i -= 1) {
      const e = this.idle[i] as Environment;
      if (e.key.startsWith(keyPrefix)) {
        this.idle.splice(i, 1);
        e.worker.kill('SIGKILL');
      }
    }
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    await Promise.all(all.map((e) => new Promise<void>((resolve) => {
      if (e.worker.exitCode !== null || e.worker.signalCode !== null) return resolve();
      e.worker.once('exit', () => resolve());
      e.worker.kill('SIGKILL');
    })));
  }
}
