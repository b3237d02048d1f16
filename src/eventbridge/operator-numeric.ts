// The numeric operator's operand: ["=", n], ["<" | "<=" | ">" | ">=", n], or a range
// [">" | ">=", lo, "<" | "<=", hi] with lo < hi.
import { JsonNumber } from './json-text.ts';
import type { JsonValue } from './json-text.ts';
import { numberOperand, typeName } from './pattern-syntax.ts';
import type { ParsedMatcher, ProblemSink } from './pattern-syntax.ts';

export const NUMERIC_COMPARISONS = ['=', '<', '<=', '>', '>='] as const;
export const LOWER_BOUNDS = ['>', '>='] as const;
export const UPPER_BOUNDS = ['<', '<='] as const;

export function parseNumeric(v: JsonValue, jp: string, sink: ProblemSink): ParsedMatcher | undefined {
  if (!Array.isArray(v)) {
    sink.bad(jp, `numeric must be an array such as [">", 0, "<=", 5], not a ${typeName(v)}.`);
    return undefined;
  }
  if (v.length === 0) {
    sink.bad(jp, 'numeric needs an operator and a number, for example [">=", 10].');
    return undefined;
  }
  const op = v[0];
  if (typeof op !== 'string' || !(NUMERIC_COMPARISONS as readonly string[]).includes(op)) {
    sink.bad(`${jp}[0]`, `${typeof op === 'string' ? `"${op}" is not a numeric operator` : `The first element must be an operator, not a ${typeName(op as JsonValue)}`}; use one of =, <, <=, >, >=.`);
    return undefined;
  }
  const a = numberOperand(sink, v[1], `${jp}[1]`, op);
  if (a === undefined) return undefined;
  const src = JSON.stringify(v.map((x) => (x instanceof JsonNumber ? Number(x.text) : x)));
  if (op === '=' || op === '<' || op === '<=') {
    if (v.length > 2) {
      sink.bad(jp, `After "${op}" and its number nothing more is allowed${op === '=' ? '' : '; to give a range, put ">" or ">=" first'}.`);
      return undefined;
    }
    if (op === '=') return { m: { k: 'numeric-eq', value: a, source: src }, key: `neq:${a}` };
    return { m: { k: 'range', lo: -Infinity, loOpen: false, hi: a, hiOpen: op === '<', source: src }, key: `rng:-inf:${a}:${op}` };
  }
  if (v.length === 2) return { m: { k: 'range', lo: a, loOpen: op === '>', hi: Infinity, hiOpen: false, source: src }, key: `rng:${op}${a}:inf` };
  const op2 = v[2];
  if (typeof op2 !== 'string' || (op2 !== '<' && op2 !== '<=')) {
    sink.bad(`${jp}[2]`, `A range's second operator must be "<" or "<=", not ${typeof op2 === 'string' ? `"${op2}"` : `a ${typeName(op2 as JsonValue)}`}.`);
    return undefined;
  }
  const b = numberOperand(sink, v[3], `${jp}[3]`, op2);
  if (b === undefined) return undefined;
  if (v.length > 4) {
    sink.bad(jp, 'Too many terms: a numeric range has at most a lower bound and an upper bound.');
    return undefined;
  }
  if (!(a < b)) {
    sink.bad(jp, `The range is empty: the lower bound ${a} must be less than the upper bound ${b}.`);
    return undefined;
  }
  return { m: { k: 'range', lo: a, loOpen: op === '>', hi: b, hiOpen: op2 === '<', source: src }, key: `rng:${op}${a}:${op2}${b}` };
}
