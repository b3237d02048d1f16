// Shared set-up for the bus tests: a service on a ManualClock with predictable event ids.
import { EventBridgeService } from './event-bridge-service.ts';
import type { EventBridgeServiceOptions } from './event-bridge-service.ts';
import { ManualClock } from './manual-clock.ts';
import { EventBridgeError } from './errors.ts';

export function setup(opts: EventBridgeServiceOptions = {}): { clock: ManualClock; svc: EventBridgeService } {
  const clock = new ManualClock('2025-01-01T00:00:00Z');
  let n = 0;
  const svc = new EventBridgeService({ clock, idGenerator: () => `evt-${++n}`, ...opts });
  return { clock, svc };
}

/** Runs `fn` and returns the EventBridgeError it throws (fails the test if it does not throw one). */
export function errorOf(fn: () => unknown): EventBridgeError {
  try {
    fn();
  } catch (e) {
    if (e instanceof EventBridgeError) return e;
    throw new Error(`expected an EventBridgeError, got ${String(e)}`);
  }
  throw new Error('expected an EventBridgeError, but nothing was thrown');
}

export const entry = (detail: object = { id: 1 }, extra: Record<string, unknown> = {}) => ({
  Source: 'shop.orders',
  DetailType: 'OrderPlaced',
  Detail: JSON.stringify(detail),
  ...extra,
});
