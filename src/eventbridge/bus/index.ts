// Public API of the EventBridge service model.
export { EventBridgeService } from './event-bridge-service.ts';
export type { EventBridgeServiceOptions } from './event-bridge-service.ts';
export { EventBridgeError } from './errors.ts';
export { systemClock } from './clock.ts';
export type { Clock } from './clock.ts';
export { ManualClock } from './manual-clock.ts';
export { TraceStore } from './trace.ts';
export type { TraceEntry, TraceKind, TraceListener } from './trace.ts';
export { QueueStore } from './queues.ts';
export type { QueueMessage, MessageAttributeValue } from './queues.ts';
export { parseScheduleExpression, nextFireTime } from './schedule-expression.ts';
export type { Schedule } from './schedule-expression.ts';
export { entrySize } from './put-events-validation.ts';
export { logStreamName } from './target-invokers.ts';
export { describeChain, DEFAULT_MAX_HOPS } from './loop-guard.ts';
export type { CauseHop, CausalChain } from './loop-guard.ts';
export { DEFAULT_MAX_RETRY_ATTEMPTS, DEFAULT_MAX_EVENT_AGE_SECONDS, backoffDelayMs } from './retry-policy.ts';
export type * from './types.ts';
