// The verdict a PatternPlayground shows, computed by the course's EventBridge engine. The same function runs
// at build time (so the page shows the verdict without JavaScript) and in the browser as the learner types.
import { explainMatch, validatePattern } from '../../eventbridge/index.ts';
import type { FieldExplanation } from '../../eventbridge/index.ts';

export type Expectation = 'match' | 'no-match' | 'invalid';

export interface PlaygroundExample {
  /** The event pattern, as JSON text (kept as text so the learner sees the author's layout). */
  pattern: string;
  /** The event, as JSON text. */
  event: string;
  /** The verdict the lesson text claims for this example; a content check runs it through the engine. */
  expect: Expectation;
}

export interface Verdict {
  kind: Expectation | 'invalid-event';
  /** One line: "Match", "No match", "Invalid pattern: …" or "Invalid event: …". */
  headline: string;
  /** Field-by-field explanation (empty for invalid input). */
  fields: FieldExplanation[];
}

function parseEvent(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { ok: false, message: 'the event must be a JSON object, like {"source": "shop.orders"}.' };
    }
    return { ok: true, value };
  } catch (err) {
    return { ok: false, message: `the event is not valid JSON (${(err as Error).message}).` };
  }
}

export function playgroundVerdict(patternText: string, eventText: string): Verdict {
  const problems = validatePattern(patternText);
  if (problems.length > 0) {
    const first = problems[0]!;
    const where = first.path ? `${first.path}: ` : '';
    return { kind: 'invalid', headline: `Invalid pattern: ${where}${first.message}`, fields: [] };
  }
  const event = parseEvent(eventText);
  if (!event.ok) return { kind: 'invalid-event', headline: `Invalid event: ${event.message}`, fields: [] };
  try {
    const result = explainMatch(patternText, event.value as object);
    return { kind: result.matched ? 'match' : 'no-match', headline: result.matched ? 'Match' : 'No match', fields: result.fields };
  } catch (err) {
    return { kind: 'invalid-event', headline: `Invalid event: ${(err as Error).message}`, fields: [] };
  }
}

/** Plain words for one field of the explanation. */
export function describeField(f: FieldExplanation): string {
  if (f.reason) return f.reason;
  if (f.values.length === 0) {
    return f.matched ? `${f.path}: not in the event, which the pattern accepts` : `${f.path}: not in the event`;
  }
  const shown = f.values.map((v) => JSON.stringify(v)).join(', ');
  return f.matched ? `${f.path}: ${shown} satisfies the pattern` : `${f.path}: ${shown} does not satisfy the pattern`;
}
