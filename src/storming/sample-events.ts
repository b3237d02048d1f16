// Sample events built from the fields agreed at step 8: used to infer the registry schemas, to test the
// rules of the template, and as the starter lab's events.
import type { Field } from './board-format.ts';
import type { ArchEvent } from './architecture.ts';
import { kebabCase } from './architecture.ts';

function sampleValue(f: Field, n: number): unknown {
  switch (f.type) {
    case 'string': return `${kebabCase(f.name)}-${n}`;
    case 'integer': return n;
    // a fraction, so a schema inferred from samples says "number", not "integer"
    case 'number': return n + 0.5;
    case 'boolean': return n % 2 === 1;
    case 'date-time': return `2026-0${Math.min(9, n)}-01T12:00:00Z`;
    case 'string-list': return [`${kebabCase(f.name)}-${n}`];
  }
}

/** A detail with every field (`full`) or only the required ones. */
export function sampleDetail(e: ArchEvent, full = true, n = 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of e.fields) if (full || f.required) out[f.name] = sampleValue(f, n);
  return out;
}

/** The event as EventBridge delivers it, with its producer's source (events with no producer get none). */
export function sampleEnvelope(e: ArchEvent, detail = sampleDetail(e)): Record<string, unknown> {
  return {
    version: '0',
    id: `00000000-0000-4000-8000-${String(Math.abs(hash(e.id))).padStart(12, '0').slice(0, 12)}`,
    'detail-type': e.detailType,
    source: e.producer?.source ?? '',
    account: '123456789012',
    time: '2026-01-01T12:00:00Z',
    region: 'eu-west-1',
    resources: [],
    detail,
  };
}

function hash(s: string): number {
  let h = 7;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}
