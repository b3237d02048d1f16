// The parent's handle on one child process that hosts one learner function. It starts the child, loads
// the module (the wall clock starts at spawn, so a loop at the top level of the module is stopped too),
// forwards calls, answers the requests of the function's SDK client from the parent's own bus (the
// invocation's wire), and turns every way a child
// can end (crash, process.exit, out of memory, a message we do not accept) into one clear error.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { FD, type InvokeContext, type ParentMessage, type WireReply } from './child-wire.ts';
import type { Wire, WireRequest } from '../lab-wire.ts';
import { NOT_RUNNING } from '../invocation-slot.ts';
import { parseChildLine } from './child-messages.ts';
import type { SpawnPlan } from './sandbox-spawn.ts';

interface Pending {
  resolve(value: unknown): void;
  reject(e: Error): void;
  wire: Wire;
  timer: ReturnType<typeof setTimeout>;
}

export interface FunctionProcessOptions {
  plan: SpawnPlan;
  /** Where the learner's files are, as the child sees them (relative paths are under it). */
  file: string;
  exportName: string;
  /** process.env while the module loads. */
  env: Record<string, string>;
  /** Longest time from spawn until the module has loaded. */
  loadLimitMs: number;
  onOutput(stream: 'log' | 'error', text: string): void;
}

const STDERR_TAIL = 4000;
/** After the bus's own timeout, so the trace says TIMEOUT before the child is stopped. */
const KILL_GRACE_MS = 50;

/** An error whose text is all the learner sees: no stack of ours. */
function failure(message: string): Error {
  const e = new Error(message);
  e.stack = message;
  return e;
}

/** Plain JSON, so nothing but data goes back to the child. */
function plain(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}

export class FunctionProcess {
  private readonly child: ChildProcess;
  private readonly pending = new Map<string, Pending>();
  private readonly loading: Promise<void>;
  private stderr = '';
  private fatal: string | undefined;
  private ended: Error | undefined;
  private readonly opts: FunctionProcessOptions;

  constructor(opts: FunctionProcessOptions) {
    this.opts = opts;
    // No inherited environment: the parent may hold AWS credentials, and the child needs none.
    this.child = spawn(opts.plan.command, opts.plan.args, { stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe', 'pipe'], env: {} });
    const [, out, err, toParent] = this.child.stdio as unknown as [null, Readable, Readable, Readable];
    // A killed child resets its pipes; that is reported through 'exit', not as a stream error.
    for (const s of this.child.stdio) s?.on('error', () => undefined);
    out.setEncoding('utf8').on('data', (s: string) => this.output('log', s.replace(/\n$/, '')));
    err.setEncoding('utf8').on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-STDERR_TAIL)));
    this.loading = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill(`${opts.file} did not finish loading within ${opts.loadLimitMs / 1000} s, so its process was stopped. Look for a loop or a long wait at the top level of the module.`);
      }, opts.loadLimitMs);
      this.onLoad = (e) => {
        clearTimeout(timer);
        if (e) reject(e);
        else resolve();
      };
    });
    this.loading.catch(() => undefined);
    createInterface({ input: toParent }).on('line', (line) => this.receive(line));
    this.child.on('error', (e) => this.end(failure(`The grader could not start a process for ${opts.file}: ${e.message}`)));
    this.child.on('exit', (code, signal) => this.end(failure(this.exitText(code, signal))));
    this.send({ type: 'load', file: opts.file, exportName: opts.exportName, env: opts.env });
  }

  private onLoad: (e?: Error) => void = () => undefined;

  get alive(): boolean {
    return this.ended === undefined;
  }

  loaded(): Promise<void> {
    return this.loading;
  }

  /**
   * Calls the handler. The bus times the call out itself (and says so in the trace); shortly after, the
   * child is stopped, since a busy loop cannot be interrupted from outside any other way.
   */
  async invoke(event: unknown, invoke: InvokeContext, wire: Wire, timeoutMs: number): Promise<unknown> {
    await this.loading;
    if (this.ended) throw this.ended;
    const id = randomUUID();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill(`Stopped: ${invoke.context.functionName} (${this.opts.file}) ran longer than its ${timeoutMs / 1000} s timeout, so it was terminated, as Lambda would. Look for a loop that never ends or a promise that never settles.`);
      }, timeoutMs + KILL_GRACE_MS);
      this.pending.set(id, { resolve, reject, wire, timer });
      this.send({ type: 'invoke', id, event: plain(event), invoke });
    });
  }

  /** Stops the child; pending calls fail with `why`. */
  kill(why: string): void {
    this.end(failure(why));
    this.child.kill('SIGKILL');
  }

  private pipe(fd: number): Writable {
    return (this.child.stdio as unknown as Writable[])[fd]!;
  }

  private send(m: ParentMessage): void {
    this.pipe(FD.fromParent).write(`${JSON.stringify(m)}\n`);
  }

  private output(stream: 'log' | 'error', text: string): void {
    // Output while no call is running (a timer left behind) belongs to no call: drop it.
    if (this.pending.size > 0) this.opts.onOutput(stream, text);
  }

  private receive(line: string): void {
    if (this.ended) return;
    const parsed = parseChildLine(line);
    if (!parsed.ok) return this.kill(`${this.opts.file} sent the grader ${parsed.why}, so its process was stopped.`);
    const m = parsed.message;
    switch (m.type) {
      case 'loaded':
        return this.onLoad();
      case 'load-failed':
        this.onLoad(failure(m.message));
        return this.kill(m.message);
      case 'output':
        return this.output(m.stream, m.text);
      case 'http':
        return void this.answerWire(m.id, m.rid, m.request);
      case 'returned':
      case 'threw': {
        const p = this.pending.get(m.id);
        if (!p) return; // not a call of ours: a claim we ignore
        this.pending.delete(m.id);
        clearTimeout(p.timer);
        if (m.type === 'returned') p.resolve(m.value);
        else p.reject(failure(m.message));
        return;
      }
      case 'fatal':
        this.fatal = m.message;
        return;
    }
  }

  /** A request of the function's SDK client, answered by the bus of the invocation that made it. */
  private async answerWire(id: string, rid: number, request: WireRequest): Promise<void> {
    const p = this.pending.get(id);
    let reply: WireReply;
    if (!p) reply = { rid, ok: false, message: NOT_RUNNING };
    else {
      try {
        reply = { rid, ok: true, response: await p.wire(request) };
      } catch (e) {
        reply = { rid, ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    }
    if (!this.ended) this.pipe(FD.wireReply).write(`${JSON.stringify(reply)}\n`);
  }

  private exitText(code: number | null, signal: NodeJS.Signals | null): string {
    if (this.fatal) return this.fatal;
    if (/heap out of memory|Reached heap limit|allocation failed/i.test(this.stderr)) return `${this.opts.file} ran out of memory (the limit is ${this.opts.plan.limits.heapMb} MB), so its process ended.`;
    const how = signal ? `was ended by ${signal}` : `exited with code ${code}`;
    const tail = this.stderr.trim() ? `\n${this.stderr.trim().split('\n').slice(-5).join('\n')}` : '';
    return `The process running ${this.opts.file} ${how} before the handler finished (process.exit() or a crash).${tail}`;
  }

  private end(e: Error): void {
    if (this.ended) return;
    this.ended = e;
    this.onLoad(e);
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(e);
    }
  }
}
