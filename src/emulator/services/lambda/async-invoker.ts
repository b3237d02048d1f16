// Asynchronous invocations as Lambda runs them: queued, retried twice by default after a function error or
// time-out, then sent to the on-failure destination or the dead-letter queue (both SQS here).
import type { EventInvokeConfig, FunctionRecord } from './function-store.ts';
import type { Outcome } from './worker-pool.ts';

/** Retries Lambda makes of a failed asynchronous invocation unless MaximumRetryAttempts says otherwise. */
export const DEFAULT_ASYNC_RETRIES = 2;
/** Asynchronous invocations the emulator holds at once (queued, running or waiting to retry). */
export const MAX_QUEUED = 10_000;

export interface AsyncInvokerDeps {
  run(fn: FunctionRecord, payload: string, requestId: string): Promise<Outcome>;
  /** The function as it is now (it may be updated or deleted between attempts). */
  current(fn: FunctionRecord): FunctionRecord | undefined;
  deliver(arn: string, payload: string): Promise<void>;
  now(): number;
  log(line: string): void;
  /** Wait before retry n (1-based). Lambda waits about 1 and 2 minutes; the emulator less (configurable). */
  retryDelayMs(retry: number): number;
}

export class AsyncInvoker {
  private readonly deps: AsyncInvokerDeps;
  private readonly pending = new Set<Promise<void>>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;

  constructor(deps: AsyncInvokerDeps) {
    this.deps = deps;
  }

  /** Throws when MAX_QUEUED invocations already wait, so a burst cannot grow memory without bound. */
  enqueue(fn: FunctionRecord, payload: string, requestId: string): void {
    if (this.pending.size >= MAX_QUEUED) throw new Error(`${MAX_QUEUED} asynchronous invocations are already queued`);
    const p = this.attempt(fn, payload, requestId, 1).finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Resolves when every queued invocation has finished (its retries included). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async attempt(first: FunctionRecord, payload: string, requestId: string, attempt: number): Promise<void> {
    const fn = this.deps.current(first);
    if (fn === undefined || this.closed) return;
    const outcome = await this.deps.run(fn, payload, requestId);
    const config: EventInvokeConfig = fn.invokeConfig ?? {};
    if (outcome.functionError === undefined) {
      const onSuccess = config.DestinationConfig?.OnSuccess?.Destination;
      if (onSuccess) await this.send(onSuccess, this.record(fn, payload, requestId, attempt, 'Success', outcome));
      return;
    }
    if (attempt <= (config.MaximumRetryAttempts ?? DEFAULT_ASYNC_RETRIES)) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => { this.timers.delete(t); resolve(); }, this.deps.retryDelayMs(attempt));
        this.timers.add(t);
      });
      return this.attempt(fn, payload, requestId, attempt + 1);
    }
    const onFailure = config.DestinationConfig?.OnFailure?.Destination;
    if (onFailure) await this.send(onFailure, this.record(fn, payload, requestId, attempt, 'RetriesExhausted', outcome));
    // The dead-letter queue receives the event itself.
    const dlq = fn.config.DeadLetterConfig?.TargetArn;
    if (dlq) await this.send(dlq, payload);
  }

  /** The invocation record Lambda sends to a destination. */
  private record(fn: FunctionRecord, payload: string, requestId: string, attempts: number, condition: string, outcome: Outcome): string {
    let requestPayload: unknown = payload;
    let responsePayload: unknown = outcome.payload;
    try { requestPayload = JSON.parse(payload); } catch { /* kept as text */ }
    try { responsePayload = JSON.parse(outcome.payload); } catch { /* kept as text */ }
    return JSON.stringify({
      version: '1.0', timestamp: new Date(this.deps.now()).toISOString(),
      requestContext: { requestId, functionArn: `${fn.config.FunctionArn}:$LATEST`, condition, approximateInvokeCount: attempts },
      requestPayload,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', ...(outcome.functionError ? { functionError: outcome.functionError } : {}) },
      responsePayload,
    });
  }

  private async send(arn: string, body: string): Promise<void> {
    try {
      await this.deps.deliver(arn, body);
    } catch (e) {
      this.deps.log(`lambda: could not deliver to ${arn}: ${(e as Error).message}`);
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
