// Small helpers shared by the pattern compiler and the operator table: naming a JSON value in a
// message, building problem paths, and reading the operands several operators take.
import { JsonNumber } from './json-text.ts';
import type { JsonObject, JsonValue } from './json-text.ts';
import { comparableValue } from './numbers.ts';
import { parseWildcard, wildcardComplexity, WILDCARD_COMPLEXITY_LIMIT } from './wildcard.ts';
import type { WildcardPattern } from './wildcard.ts';
import type { Matcher } from './types.ts';

/** Where an operator reports what is wrong with its operand (at most 100 problems are kept). */
export interface ProblemSink {
  bad(path: string, message: string): void;
}

/** A matcher read from a pattern, with the text key that identifies equal conditions. */
export interface ParsedMatcher {
  m: Matcher;
  key: string;
}

export function typeName(v: JsonValue): string {
  if (v === null) return 'null';
  if (v instanceof JsonNumber) return `number (${v.text})`;
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return `string (${JSON.stringify(v)})`;
  return `${typeof v} (${String(v)})`;
}

export function isObject(v: JsonValue): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
}

export function childPath(base: string, key: string): string {
  const safe = /^[A-Za-z0-9_$@:\-]+$/.test(key) ? key : JSON.stringify(key);
  return base ? `${base}.${safe}` : safe;
}

/** A number operand as a comparable double, or undefined after reporting why it is not one. */
export function numberOperand(sink: ProblemSink, v: JsonValue | undefined, jp: string, op: string): number | undefined {
  if (!(v instanceof JsonNumber)) {
    sink.bad(jp, v === undefined ? `"${op}" must be followed by a number.` : `The value after "${op}" must be a number, not a ${typeName(v)}.`);
    return undefined;
  }
  const d = comparableValue(v.text);
  if (d === undefined) {
    sink.bad(jp, `${v.text} cannot be compared as a number: it is not exactly representable as a 64-bit floating-point value.`);
    return undefined;
  }
  return d;
}

/** A wildcard operand, parsed and within the complexity limit, or undefined after reporting. */
export function wildcardOperand(sink: ProblemSink, v: string, jp: string): WildcardPattern | undefined {
  const p = parseWildcard(v);
  if (!p.ok) {
    sink.bad(jp, `Invalid wildcard: ${p.message}.`);
    return undefined;
  }
  const score = wildcardComplexity(p.pattern);
  if (score > WILDCARD_COMPLEXITY_LIMIT) {
    sink.bad(jp, `The wildcard ${JSON.stringify(v)} is too complex (score ${score}, limit ${WILDCARD_COMPLEXITY_LIMIT}): use fewer * characters or fewer repeated character sequences after a *.`);
    return undefined;
  }
  return p.pattern;
}
