// Lambda's asynchronous invocation, as the labs model it for a function with invoke settings: EventBridge
// hands the event over and is done (its delivery succeeded); Lambda then runs the function, retries a failed
// run after one minute and again after two, up to MaximumRetryAttempts and MaximumEventAgeInSeconds, and
// sends a record of an invocation it gives up on to the OnFailure destination (an SQS queue here). Runs on
// the scenario's clock, so the waits take no real time. A success is recorded to the OnSuccess destination, if set. Redeliveries (`duplicates`) model Lambda's
// at-least-once queue: the same event, with the same id, runs again later.
import type { Clock } from '../eventbridge/bus/clock.ts';
import type { QueueStore } from '../eventbridge/bus/queues.ts';
import type { HandlerContext } from '../eventbridge/bus/types.ts';
import { DeliveryError } from '../eventbridge/bus/delivery.ts';
import { ASYNC_RETRY_DELAYS_MS, DEFAULT_ASYNC_MAX_AGE_SECONDS, DEFAULT_ASYNC_RETRIES, type InvokeConfig } from './invoke-config.ts';

/** How long after the first delivery the lab's redelivery of the same event arrives. */
export const REDELIVERY_DELAY_MS = 5 * 60_000;

/** What became of one delivery of one event to the function, as plain data for the checks. */
export interface AsyncOutcome {
  function: string;
  eventId: string;
  /** 1 for the first delivery, 2 for the lab's redelivery of the same event. */
  delivery: number;
  attempts: number;
  result: 'succeeded' | 'discarded';
  condition?: 'RetriesExhausted' | 'EventAgeExceeded';
  error?: { type: string; message: string };
  /** The destination of the invocation record (OnFailure for a discarded event, OnSuccess for a success), and whether it got there. */
  destination?: { arn: string; sent: boolean; problem?: string };
}

export interface AsyncQueueDeps {
  functionName: string;
  functionArn: string;
  clock: Clock;
  queues: QueueStore;
  config: InvokeConfig;
  /** Runs the function once; rejects when the invocation fails (a function error or a time-out). */
  attempt(event: unknown, ctx: HandlerContext): Promise<unknown>;
  /** A line for the run's output, so Run shows what Lambda did. */
  note(text: string): void;
  outcomes: AsyncOutcome[];
  duplicates: boolean;
  newRequestId(): string;
  /** The function's timeout, for the message of a timed-out run. */
  timeoutMs: number;
}

function errorInfo(e: unknown, timeoutMs: number): { type: string; message: string } {
  if (e instanceof DeliveryError && e.code === 'TIMEOUT') return { type: 'Sandbox.Timedout', message: `Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds` };
  if (e instanceof Error) return { type: e.name || 'Error', message: e.message };
  return { type: 'Error', message: typeof e === 'string' ? e : (JSON.stringify(e) ?? String(e)) };
}

export class LambdaAsyncQueue {
  private readonly deps: AsyncQueueDeps;
  private readonly running = new Set<Promise<void>>();

  constructor(deps: AsyncQueueDeps) {
    this.deps = deps;
  }

  /** What EventBridge's delivery calls: the event is queued and the delivery succeeds at once. */
  accept(event: unknown, ctx: HandlerContext): void {
    this.deliver(event, ctx, 1);
    if (this.deps.duplicates) this.deps.clock.setTimeout(() => this.deliver(event, ctx, 2), REDELIVERY_DELAY_MS);
  }

  get idle(): boolean {
    return this.running.size === 0;
  }

  /** Resolves once no run is in progress (retries waiting on the clock do not count). */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  private deliver(event: unknown, ctx: HandlerContext, delivery: number): void {
    if (delivery > 1) this.deps.note(`Lambda delivered event ${ctx.eventId} to ${this.deps.functionName} again (delivery ${delivery}), as its at-least-once queue may.`);
    this.track(this.run(event, ctx, { delivery, acceptedAt: this.deps.clock.now(), requestId: this.deps.newRequestId() }, 1));
  }

  private track(p: Promise<void>): void {
    const tracked = p.catch(() => undefined).finally(() => this.running.delete(tracked));
    this.running.add(tracked);
  }

  private async run(event: unknown, ctx: HandlerContext, d: { delivery: number; acceptedAt: number; requestId: string }, attempt: number): Promise<void> {
    const { clock, config, functionName, outcomes } = this.deps;
    const base = { function: functionName, eventId: ctx.eventId, delivery: d.delivery, attempts: attempt };
    try {
      const value = await this.deps.attempt(event, ctx);
      const onSuccess = this.deps.config.DestinationConfig?.OnSuccess?.Destination;
      const outcome: AsyncOutcome = { ...base, result: 'succeeded' };
      if (onSuccess !== undefined) {
        outcome.destination = this.send(onSuccess, this.record(event, d, 'Success', attempt, { statusCode: 200, executedVersion: '$LATEST' }, value ?? null));
      }
      outcomes.push(outcome);
      return;
    } catch (e) {
      const error = errorInfo(e, this.deps.timeoutMs);
      const retries = config.MaximumRetryAttempts ?? DEFAULT_ASYNC_RETRIES;
      const maxAgeMs = (config.MaximumEventAgeInSeconds ?? DEFAULT_ASYNC_MAX_AGE_SECONDS) * 1000;
      const delay = ASYNC_RETRY_DELAYS_MS[attempt - 1];
      if (attempt - 1 < retries && delay !== undefined && clock.now() + delay - d.acceptedAt <= maxAgeMs) {
        this.deps.note(`Lambda will retry ${functionName} for event ${ctx.eventId} in ${delay / 1000} s (attempt ${attempt} failed: ${error.type}: ${error.message}).`);
        clock.setTimeout(() => this.track(this.run(event, ctx, d, attempt + 1)), delay);
        return;
      }
      const condition = attempt - 1 < retries ? 'EventAgeExceeded' : 'RetriesExhausted';
      const outcome: AsyncOutcome = { ...base, result: 'discarded', condition, error };
      outcome.destination = this.sendRecord(event, d, condition, attempt, error);
      outcomes.push(outcome);
      const where = outcome.destination ? (outcome.destination.sent ? `sent its record to ${outcome.destination.arn}` : `could not send its record to ${outcome.destination.arn}: ${outcome.destination.problem}`) : 'had no OnFailure destination: the event is gone';
      this.deps.note(`Lambda gave up on event ${ctx.eventId} after ${attempt} attempt(s) (${condition}) and ${where}.`);
    }
  }

  /** The invocation record Lambda sends to a destination. */
  private record(event: unknown, d: { requestId: string }, condition: string, attempts: number, responseContext: Record<string, unknown>, responsePayload: unknown): Record<string, unknown> {
    return {
      version: '1.0',
      timestamp: new Date(this.deps.clock.now()).toISOString(),
      requestContext: { requestId: d.requestId, functionArn: `${this.deps.functionArn}:$LATEST`, condition, approximateInvokeCount: attempts },
      requestPayload: event,
      responseContext,
      responsePayload,
    };
  }

  private sendRecord(event: unknown, d: { requestId: string }, condition: string, attempts: number, error: { type: string; message: string }): AsyncOutcome['destination'] {
    const arn = this.deps.config.DestinationConfig?.OnFailure?.Destination;
    if (arn === undefined) return undefined;
    const response = { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' };
    return this.send(arn, this.record(event, d, condition, attempts, response, { errorType: error.type, errorMessage: error.message, trace: [] }));
  }

  private send(arn: string, record: Record<string, unknown>): NonNullable<AsyncOutcome['destination']> {
    if (!arn.startsWith('arn:aws:sqs:')) return { arn, sent: false, problem: 'this lab creates SQS queues only, so use one of them as the destination' };
    // The whole ARN must name the lab's queue: the same name in another account or Region is another queue.
    const name = arn.split(':').slice(5).join(':');
    if (!this.deps.queues.hasQueue(arn) || this.deps.queues.queueArn(name) !== arn) return { arn, sent: false, problem: `no such queue exists (the lab's queues are ${this.deps.queues.listQueues().map((q) => this.deps.queues.queueArn(q)).join(', ') || 'none'})` };
    try {
      this.deps.queues.sendMessage(arn, JSON.stringify(record));
      return { arn, sent: true };
    } catch (e) {
      return { arn, sent: false, problem: e instanceof Error ? e.message : String(e) };
    }
  }
}
