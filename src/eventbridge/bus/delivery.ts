// Asynchronous delivery of one event to one target: attempts, back-off, age limit, dead-letter queue.
import type { Clock } from './clock.ts';
import type { TraceStore } from './trace.ts';
import type { CausalChain } from './loop-guard.ts';
import type { EventEnvelope, Target } from './types.ts';
import { backoffDelayMs, effectiveRetryPolicy } from './retry-policy.ts';
import type { MessageAttributeValue } from './queues.ts';

/** A failed attempt. `code` follows the ERROR_CODE values AWS writes on dead-letter messages. */
export class DeliveryError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable: boolean) {
    super(message);
    this.name = 'DeliveryError';
    this.code = code;
    this.retryable = retryable;
  }
}

export interface DeliveryJob {
  event: EventEnvelope;
  payload: string;
  busName: string;
  ruleName: string;
  ruleArn: string;
  target: Target;
  chain: CausalChain;
  /** When EventBridge received the event; MaximumEventAgeInSeconds counts from here. */
  ingestedAt: number;
}

export interface DeliveryDeps {
  clock: Clock;
  trace: TraceStore;
  /** Performs one attempt; throws DeliveryError (or anything, counted as ERROR_FROM_TARGET) on failure. */
  invoke(job: DeliveryJob, attempt: number): Promise<void>;
  /** Writes a dead-letter message; throws (or rejects) when the queue is missing. */
  sendToDlq(queueArn: string, body: string, attributes: Record<string, MessageAttributeValue>): void | Promise<void>;
  backoff?: (retry: number) => number;
}

const str = (v: string | number): MessageAttributeValue => ({ DataType: 'String', StringValue: String(v) });

export class DeliveryRunner {
  private readonly deps: DeliveryDeps;
  private readonly running = new Set<Promise<void>>();

  constructor(deps: DeliveryDeps) {
    this.deps = deps;
  }

  /** Starts delivery on a later microtask, like AWS's asynchronous fan-out. */
  start(job: DeliveryJob): void {
    this.track(Promise.resolve().then(() => this.attempt(job, 1)));
  }

  /** Resolves once no attempt is running (retries waiting on the clock do not count). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private base(job: DeliveryJob, attempt?: number) {
    return {
      eventId: job.event.id,
      bus: job.busName,
      rule: job.ruleName,
      targetId: job.target.Id,
      targetArn: job.target.Arn,
      ...(attempt !== undefined ? { attempt } : {}),
    };
  }

  private async attempt(job: DeliveryJob, attempt: number): Promise<void> {
    const { trace, clock } = this.deps;
    trace.record({ kind: 'attempt.start', ...this.base(job, attempt), message: `attempt ${attempt} to ${job.target.Arn}` });
    try {
      await this.deps.invoke(job, attempt);
      trace.record({ kind: 'attempt.succeeded', ...this.base(job, attempt), message: `delivered on attempt ${attempt}` });
      return;
    } catch (e) {
      const err = e instanceof DeliveryError ? e : new DeliveryError('ERROR_FROM_TARGET', errorText(e), true);
      trace.record({
        kind: 'attempt.failed',
        ...this.base(job, attempt),
        message: `${err.code}: ${err.message}`,
        data: { code: err.code, retryable: err.retryable },
      });
      const policy = effectiveRetryPolicy(job.target.RetryPolicy);
      const retriesDone = attempt - 1;
      if (!err.retryable) return this.fail(job, err, attempt, 'NonRetryableError');
      if (retriesDone >= policy.maxRetryAttempts) return this.fail(job, err, attempt, 'MaximumRetryAttempts');
      const delay = (this.deps.backoff ?? backoffDelayMs)(attempt);
      const at = clock.now() + delay;
      if (at - job.ingestedAt > policy.maxEventAgeMs) return this.fail(job, err, attempt, 'MaximumEventAgeInSeconds');
      trace.record({
        kind: 'retry.scheduled',
        ...this.base(job, attempt + 1),
        message: `retry ${attempt} in ${delay} ms`,
        data: { delayMs: delay, at: new Date(at).toISOString() },
      });
      clock.setTimeout(() => this.track(this.attempt(job, attempt + 1)), delay);
    }
  }

  private async fail(job: DeliveryJob, err: DeliveryError, attempts: number, condition: string): Promise<void> {
    const { trace } = this.deps;
    trace.record({
      kind: 'delivery.failed',
      ...this.base(job),
      message: `gave up after ${attempts} attempt(s): ${condition}`,
      data: { code: err.code, message: err.message, condition, attempts },
    });
    const dlq = job.target.DeadLetterConfig?.Arn;
    if (!dlq) return;
    const attributes: Record<string, MessageAttributeValue> = {
      RULE_ARN: str(job.ruleArn),
      TARGET_ARN: str(job.target.Arn),
      ERROR_CODE: str(err.code),
      ERROR_MESSAGE: str(err.message),
      RETRY_ATTEMPTS: str(attempts - 1),
    };
    if (condition !== 'NonRetryableError') attributes['EXHAUSTED_RETRY_CONDITION'] = str(condition);
    try {
      await this.deps.sendToDlq(dlq, JSON.stringify(job.event), attributes);
      trace.record({ kind: 'dlq.sent', ...this.base(job), message: `sent to dead-letter queue ${dlq}`, data: { attributes } });
    } catch (e) {
      trace.record({ kind: 'delivery.failed', ...this.base(job), message: `could not write to dead-letter queue ${dlq}: ${errorText(e)}` });
    }
  }
}

export function errorText(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
}
