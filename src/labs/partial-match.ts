// "Called with" and "emitted" checks compare against a partial expectation: every field the author wrote
// must be present and equal; extra fields in the actual value are fine.

export function partialMatch(expected: unknown, actual: unknown): boolean {
  return differences(expected, actual).length === 0;
}

/** Where `actual` departs from the partial expectation, one line per field: `detail.total: expected 250, got "250"`. */
export function differences(expected: unknown, actual: unknown, at = ''): string[] {
  const here = at || '(the value)';
  if (expected === null || typeof expected !== 'object') return Object.is(expected, actual) ? [] : [`${here}: expected ${json(expected)}, got ${shown(actual)}`];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return [`${here}: expected ${json(expected)}, got ${shown(actual)}`];
    return expected.flatMap((e, i) => differences(e, actual[i], `${at}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${here}: expected an object, got ${shown(actual)}`];
  const a = actual as Record<string, unknown>;
  return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) => {
    const path = at ? `${at}.${k}` : k;
    return k in a ? differences(v, a[k], path) : [`${path}: missing (expected ${json(v)})`];
  });
}

/** A value as JSON (strings keep their quotes, so "250" and 250 read differently). */
const json = (v: unknown, max = 240): string => brief(JSON.stringify(v) ?? String(v), max);
const shown = (v: unknown): string => (v === undefined ? 'nothing' : json(v));

/** An event as a learner reads it: source, detail-type and detail, without the rest of the envelope. */
export function describeEvent(e: unknown): string {
  if (e === null || typeof e !== 'object') return json(e);
  const env = e as Record<string, unknown>;
  return `source ${json(env.source)}, detail-type ${json(env['detail-type'])}, detail ${json(env.detail, 400)}`;
}

/** Short JSON for messages: long payloads are cut so a failure message stays readable. */
export function brief(value: unknown, max = 240): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
