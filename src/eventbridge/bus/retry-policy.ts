// The target RetryPolicy: limits, defaults, and the back-off between attempts.
import type { RetryPolicy } from './types.ts';

export const DEFAULT_MAX_RETRY_ATTEMPTS = 185;
export const DEFAULT_MAX_EVENT_AGE_SECONDS = 86_400;

export interface EffectiveRetryPolicy {
  maxRetryAttempts: number;
  maxEventAgeMs: number;
}

export function effectiveRetryPolicy(p: RetryPolicy | undefined): EffectiveRetryPolicy {
  return {
    maxRetryAttempts: p?.MaximumRetryAttempts ?? DEFAULT_MAX_RETRY_ATTEMPTS,
    maxEventAgeMs: (p?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_EVENT_AGE_SECONDS) * 1000,
  };
}

/** Range checks as the API applies them; returns a message or undefined. */
export function retryPolicyProblem(p: RetryPolicy | undefined): string | undefined {
  if (p === undefined) return undefined;
  const { MaximumRetryAttempts: n, MaximumEventAgeInSeconds: age } = p;
  if (n !== undefined && (!Number.isInteger(n) || n < 0 || n > 185)) {
    return `RetryPolicy.MaximumRetryAttempts must be an integer from 0 to 185, got ${String(n)}.`;
  }
  if (age !== undefined && (!Number.isInteger(age) || age < 60 || age > 86_400)) {
    return `RetryPolicy.MaximumEventAgeInSeconds must be an integer from 60 to 86400, got ${String(age)}.`;
  }
  return undefined;
}

/**
 * Delay before retry number `retry` (1-based). AWS documents "exponential back-off with jitter" but not the
 * constants; we double from 1 s up to an 8-minute cap and leave jitter out so runs are reproducible.
 * With these numbers the default 185 retries span about 23.6 hours, close to the documented 24-hour window.
 */
export function backoffDelayMs(retry: number, baseMs = 1000, capMs = 480_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
}
