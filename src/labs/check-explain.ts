// What failure messages say about events: how an event is named, why a pattern matched or not, why a replayed
// copy did not arrive, and what a handler did wrong. Pure functions of the definition and plain observations.
import { explainMatch } from '../eventbridge/index.ts';
import { labEvent, type Observations } from './lab-scenario.ts';
import type { LabDefinition } from './lab-types.ts';
import { describeEvent } from './partial-match.ts';

export const unique = (lines: string[]): string[] => [...new Set(lines)];

/** How a message names an event: a sample by its name; a hold-out or a schema example (never shown) by its content too. */
export function eventLabel(def: LabDefinition, name: string): string {
  if (name in def.events) return `"${name}"`;
  const e = labEvent(def, name) ?? def.examples?.[name];
  return `"${name}" (not among the samples: ${describeEvent(e)}${e?.time ? `, time ${e.time}` : ''})`;
}

/** One pattern against one event, in words: why it matched or did not (each reason once). */
export function explainOne(pattern: string, envelope: object, what: string): string {
  try {
    const ex = explainMatch(pattern, envelope);
    // Each reason once: the summary already states the first failing field.
    const rest = unique(ex.fields.filter((f) => f.matched === ex.matched && f.reason).map((f) => f.reason!)).filter((f) => !ex.summary.includes(f));
    const summary = (rest.length ? ex.summary.replace(/\s*\(and \d+ more fields? failed\)/, '') : ex.summary).replace(/\.$/, '');
    let text = `${what}: ${summary}${rest.length ? `; ${rest.join('; ')}` : ''}.`;
    if (ex.matched) {
      // An event that should have stayed out: what sets it apart must be in a field the pattern ignores.
      const looked = ex.fields.map((f) => f.path);
      const candidates = ['source', 'detail-type', ...('replay-name' in envelope ? ['replay-name'] : []), ...leafPaths((envelope as { detail?: unknown }).detail, 'detail')];
      const ignored = candidates.filter((p) => !looked.some((l) => p === l || p.startsWith(`${l}.`)));
      if (ignored.length) text += ` The pattern does not look at ${ignored.join(', ')}.`;
    }
    return text;
  } catch (e) {
    return `${what}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

/** The envelope the bus made of a lab event: as first put, or its replayed copy. */
export function envelopeOf(obs: Observations, eventName: string, replayed = false): object | undefined {
  const puts = obs.trace.filter((t) => t.kind === 'event.put' && t.eventId === obs.eventIds.get(eventName) && (!replayed || t.id >= (obs.replayFrom ?? Infinity)));
  const data = (replayed ? puts.at(-1) : puts[0])?.data;
  return typeof data === 'object' && data !== null ? data : undefined;
}

/** "Why didn't my event match?": the engine's explanation of each rule that feeds the target. */
export function explainFor(def: LabDefinition, obs: Observations, targetId: string, eventName: string, replayed = false): string[] {
  const envelope = envelopeOf(obs, eventName, replayed);
  if (!envelope) return [`${eventName}: the bus did not accept this event.`];
  return def.bus.rules
    // A replayed event that got in where it should not: only the learner's patterns can be at fault, or the window.
    .filter((r) => r.targets.some((t) => t.id === targetId) && (!replayed || 'file' in r.pattern))
    .map((r) => {
      const pattern = obs.patterns.get(r.name);
      if (pattern === undefined) return `${eventName}: rule ${r.name} has no valid pattern.`;
      return explainOne(pattern, envelope, `${replayed ? 'replayed ' : ''}${eventName} vs rule ${r.name}`);
    });
}

/** Why a replayed copy of the event did not arrive: not archived, or outside the replay's time window. */
export function whyNotReplayed(def: LabDefinition, obs: Observations, eventName: string): string[] {
  const id = obs.eventIds.get(eventName);
  if (!obs.trace.some((t) => t.kind === 'archive.stored' && t.eventId === id)) {
    const envelope = envelopeOf(obs, eventName);
    return [envelope && obs.archivePattern !== undefined ? explainOne(obs.archivePattern, envelope, `${eventName} vs the archive's pattern`) : `${eventName} was not archived.`];
  }
  if (!envelopeOf(obs, eventName, true)) return [`${eventName} was archived with time ${labEvent(def, eventName)?.time ?? '(now)'}, outside the replay's window [EventStartTime, EventEndTime).`];
  return [];
}

/** Dotted paths of every leaf value under `value` (arrays count as leaves). */
function leafPaths(value: unknown, at: string): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [at];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, `${at}.${k}`));
}

export function timeouts(obs: Observations): string[] {
  return obs.trace.filter((t) => t.kind === 'attempt.failed' && /TIMEOUT/i.test(t.message)).map((t) => `A handler timed out: ${t.message}`);
}

export function handlerErrors(obs: Observations): string[] {
  return unique([
    ...obs.calls.flatMap((c) => c.rejected.map((r) => `PutEvents rejected an entry that ${c.function} put: ${r}`)),
    ...obs.calls.filter((c) => c.error).map((c) => `Your handler ${c.function} threw: ${c.error}`),
    ...timeouts(obs),
  ]);
}

/** The lab event name the bus gave `eventId`, for messages. */
export function nameOf(obs: Observations, eventId: string): string {
  for (const [name, id] of obs.eventIds) if (id === eventId) return name;
  return eventId;
}

/** What Lambda did with each delivery of the event to a function with invoke settings, in words. */
export function lambdaStory(def: LabDefinition, obs: Observations, eventName: string): string[] {
  const id = obs.eventIds.get(eventName);
  if (id === undefined) return [`${eventName}: the bus did not accept this event.`];
  const outcomes = obs.asyncOutcomes.filter((o) => o.eventId === id);
  if (!outcomes.length) return [`${eventName} reached no function with invoke settings.`];
  return outcomes.map((o) => {
    const which = `${eventName}, delivery ${o.delivery}${o.delivery > 1 ? ' (a redelivery with the same event id)' : ''}`;
    if (o.result === 'succeeded') {
      const sent = o.destination ? (o.destination.sent ? `; Lambda sent a Success record to the OnSuccess destination ${o.destination.arn}` : `; its Success record could not go to ${o.destination.arn}: ${o.destination.problem}`) : '';
      return `${which}: ${o.function} succeeded on attempt ${o.attempts}${o.attempts > 1 ? ' (the earlier ones failed)' : ''}${sent}.`;
    }
    const why = o.condition === 'EventAgeExceeded' ? 'the event grew older than MaximumEventAgeInSeconds' : `no retries were left (MaximumRetryAttempts allows ${o.attempts - 1})`;
    const end = o.destination ? (o.destination.sent ? `its record went to ${o.destination.arn}` : `its record could not go to ${o.destination.arn}: ${o.destination.problem}`) : 'there is no OnFailure destination, so the event is lost';
    return `${which}: Lambda gave up after ${o.attempts} attempt(s) (${o.condition}: ${why}); the last one failed with ${o.error?.type}: ${o.error?.message.replace(/\.$/, '')}; ${end}.`;
  });
}

/** The event ids the failure records (Lambda invocation records, or EventBridge's dead-letter messages) in a queue are about. */
export function queuedEventIds(obs: Observations, queue: string): Map<string, Record<string, unknown>> {
  const ids = new Map<string, Record<string, unknown>>();
  for (const body of obs.queues[queue] ?? []) {
    try {
      const record = JSON.parse(body) as Record<string, unknown>;
      const payload = (record.requestPayload ?? record) as { id?: unknown };
      if (typeof payload.id === 'string') ids.set(payload.id, record);
    } catch {
      // a message that is not JSON names no event
    }
  }
  return ids;
}
