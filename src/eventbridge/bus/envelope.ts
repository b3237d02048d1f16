// The envelope EventBridge wraps around each PutEvents entry before matching and delivery.
import type { EventEnvelope, PutEventsRequestEntry } from './types.ts';

export interface EnvelopeScope {
  region: string;
  account: string;
}

/** ISO-8601 in UTC without milliseconds, the format AWS uses in event `time`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Accepts the forms the SDKs and wire protocol send: Date, epoch seconds (wire), epoch ms, or ISO text. */
export function entryTimeMs(time: PutEventsRequestEntry['Time'], fallback: number): number {
  if (time === undefined || time === null) return fallback;
  if (time instanceof Date) return time.getTime();
  if (typeof time === 'number') return time < 1e11 ? time * 1000 : time;
  const t = Date.parse(time);
  return Number.isNaN(t) ? fallback : t;
}

export function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // Fallback for old runtimes: RFC 4122 version-4 shape from Math.random.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (ch) => {
    const r = (Math.random() * 16) | 0;
    return (ch === 'x' ? r : (r & 0x3) | 0x8).toString(16);
  });
}

/** Builds the event from a validated entry (Detail already known to be a JSON object). */
export function buildEnvelope(entry: PutEventsRequestEntry, scope: EnvelopeScope, now: number, id: string): EventEnvelope {
  return {
    version: '0',
    id,
    'detail-type': entry.DetailType as string,
    source: entry.Source as string,
    account: scope.account,
    time: isoSeconds(entryTimeMs(entry.Time, now)),
    region: scope.region,
    resources: entry.Resources ? [...entry.Resources] : [],
    detail: JSON.parse(entry.Detail as string),
  };
}

/** The event a scheduled rule emits each time it fires. */
export function scheduledEnvelope(ruleArn: string, scope: EnvelopeScope, now: number, id: string): EventEnvelope {
  return {
    version: '0',
    id,
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: scope.account,
    time: isoSeconds(now),
    region: scope.region,
    resources: [ruleArn],
    detail: {},
  };
}
