// One attempt at each kind of target, chosen by the target ARN's service.
import { DeliveryError, errorText } from './delivery.ts';
import type { DeliveryJob } from './delivery.ts';
import { parseTargetArn } from './arns.ts';
import type { Clock } from './clock.ts';
import type { LogsService } from '../logs/logs-service.ts';
import type { QueueStore } from './queues.ts';
import type { FunctionOptions, HandlerContext, TargetHandler } from './types.ts';

export interface RegisteredFunction {
  handler: TargetHandler;
  options: FunctionOptions;
}

export interface InvokerDeps {
  clock: Clock;
  logs: LogsService;
  queues: QueueStore;
  findFunction(arn: string): RegisteredFunction | undefined;
  /** Builds the handler's context (ctx.bus tags events with the causal chain). */
  handlerContext(job: DeliveryJob, attempt: number): HandlerContext;
  /** Runs `fn` with the job's chain as the ambient cause, so a handler calling the service directly is tracked too. */
  withCause<T>(job: DeliveryJob, fn: () => T): T;
  /** Routes the event into another bus. Throws DeliveryError when the bus is missing. */
  forwardToBus(job: DeliveryJob, busName: string): void;
  /** Delivers to a Lambda function or SQS queue this service does not hold (the emulator's other endpoints). */
  external?: (arn: string, payload: string) => Promise<void>;
}

/** Log stream the service writes a rule target's events to (one stream per rule and target). */
export function logStreamName(ruleName: string, targetId: string): string {
  return `${ruleName}-${targetId}`;
}

export async function invokeTarget(deps: InvokerDeps, job: DeliveryJob, attempt: number): Promise<void> {
  const arn = parseTargetArn(job.target.Arn);
  switch (arn.kind) {
    case 'lambda':
      return invokeFunction(deps, job, attempt);
    case 'event-bus':
      return deps.forwardToBus(job, arn.name);
    case 'log-group':
      return writeLog(deps, job, arn.name);
    case 'sqs':
      if (!deps.queues.hasQueue(job.target.Arn) && deps.external !== undefined) return deliverExternally(deps.external, job);
      if (!deps.queues.hasQueue(job.target.Arn)) {
        throw new DeliveryError('NO_RESOURCE', `Queue ${arn.name} does not exist.`, false);
      }
      deps.queues.sendMessage(job.target.Arn, job.payload);
      return;
    default:
      // Services we do not model (SNS, Step Functions...) accept the payload; the trace shows what was sent.
      return;
  }
}

function parsePayload(payload: string): unknown {
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

async function invokeFunction(deps: InvokerDeps, job: DeliveryJob, attempt: number): Promise<void> {
  const fn = deps.findFunction(job.target.Arn);
  if (!fn && deps.external !== undefined) return deliverExternally(deps.external, job);
  if (!fn) {
    throw new DeliveryError('NO_RESOURCE', `Function not found: ${job.target.Arn}. Register a handler for this ARN.`, false);
  }
  const ctx = deps.handlerContext(job, attempt);
  let result: unknown;
  try {
    result = deps.withCause(job, () => fn.handler(parsePayload(job.payload), ctx));
  } catch (e) {
    throw new DeliveryError('ERROR_FROM_TARGET', errorText(e), true);
  }
  const timeout = fn.options.timeoutMs;
  if (!(result instanceof Promise) && !isThenable(result)) return;
  const pending = Promise.resolve(result).then(
    () => undefined,
    (e: unknown) => {
      // A host that runs the function itself (and times it from when it really starts) reports its own TIMEOUT.
      if (e instanceof DeliveryError) throw e;
      throw new DeliveryError('ERROR_FROM_TARGET', errorText(e), true);
    },
  );
  if (timeout === undefined) return pending;
  let handle: unknown;
  const timer = new Promise<never>((_, reject) => {
    handle = deps.clock.setTimeout(
      () => reject(new DeliveryError('TIMEOUT', `Handler did not finish within ${timeout} ms.`, true)),
      timeout,
    );
  });
  try {
    await Promise.race([pending, timer]);
  } finally {
    deps.clock.clearTimeout(handle);
  }
}

async function deliverExternally(external: (arn: string, payload: string) => Promise<void>, job: DeliveryJob): Promise<void> {
  try {
    await external(job.target.Arn, job.payload);
  } catch (e) {
    throw new DeliveryError('ERROR_FROM_TARGET', errorText(e), true);
  }
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

function writeLog(deps: InvokerDeps, job: DeliveryJob, group: string): void {
  if (!deps.logs.hasLogGroup(group)) {
    throw new DeliveryError('NO_RESOURCE', `Log group ${group} does not exist.`, false);
  }
  // A transformed input of the form {"timestamp": ..., "message": "..."} sets both fields, as AWS allows;
  // otherwise the whole payload is the message and the event time is the timestamp.
  let timestamp = Date.parse(job.event.time);
  let message = job.payload;
  const parsed = parsePayload(job.payload);
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    const keys = Object.keys(o).sort().join(',');
    if (keys === 'message,timestamp' && typeof o['message'] === 'string') {
      const t = typeof o['timestamp'] === 'number' ? o['timestamp'] : Date.parse(String(o['timestamp']));
      if (!Number.isNaN(t)) timestamp = t;
      message = o['message'];
    }
  }
  deps.logs.appendMessage(group, logStreamName(job.ruleName, job.target.Id), message, timestamp);
}
