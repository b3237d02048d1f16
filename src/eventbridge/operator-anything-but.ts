// The anything-but operator's operand: a string, a number, a list of strings or of numbers, or
// an object naming one inner operator (equals-ignore-case, prefix, suffix, wildcard) whose
// matches are excluded.
import { JsonNumber } from './json-text.ts';
import type { JsonValue } from './json-text.ts';
import { caseFoldMatcher } from './case-fold.ts';
import type { WildcardPattern } from './wildcard.ts';
import { childPath, isObject, numberOperand, typeName, wildcardOperand } from './pattern-syntax.ts';
import type { ParsedMatcher, ProblemSink } from './pattern-syntax.ts';

/** The operators anything-but can hold, as in {"anything-but": {"prefix": "test-"}}. */
export const ANYTHING_BUT_INNER = ['equals-ignore-case', 'prefix', 'suffix', 'wildcard'] as const;

export function parseAnythingBut(v: JsonValue, jp: string, sink: ProblemSink): ParsedMatcher | undefined {
  if (typeof v === 'string') return { m: { k: 'ab-strings', set: new Set([v]) }, key: `abs:${JSON.stringify([v])}` };
  if (v instanceof JsonNumber) {
    const d = numberOperand(sink, v, jp, 'anything-but');
    return d === undefined ? undefined : { m: { k: 'ab-numbers', set: new Set([d]), texts: [v.text] }, key: `abn:${d}` };
  }
  if (Array.isArray(v)) {
    if (v.length === 0) {
      sink.bad(jp, 'anything-but with an empty list excludes nothing and is not allowed; list at least one value.');
      return undefined;
    }
    const strings = v.filter((x): x is string => typeof x === 'string');
    const numbers = v.filter((x): x is JsonNumber => x instanceof JsonNumber);
    let ok = true;
    v.forEach((x, i) => {
      if (typeof x !== 'string' && !(x instanceof JsonNumber)) {
        ok = false;
        sink.bad(`${jp}[${i}]`, `anything-but lists may hold only strings or only numbers, not a ${typeName(x)}.`);
      }
    });
    if (!ok) return undefined;
    if (strings.length > 0 && numbers.length > 0) {
      sink.bad(jp, 'anything-but lists must be all strings or all numbers, not a mix.');
      return undefined;
    }
    if (strings.length > 0) return { m: { k: 'ab-strings', set: new Set(strings) }, key: `abs:${JSON.stringify([...new Set(strings)].sort())}` };
    const set = new Set<number>();
    for (let i = 0; i < numbers.length; i++) {
      const d = numberOperand(sink, numbers[i], `${jp}[${i}]`, 'anything-but');
      if (d === undefined) return undefined;
      set.add(d);
    }
    return { m: { k: 'ab-numbers', set, texts: numbers.map((n) => n.text) }, key: `abn:${[...set].sort((a, b) => a - b).join(',')}` };
  }
  if (isObject(v)) {
    const names = Object.keys(v);
    if (names.length === 0) {
      sink.bad(jp, 'anything-but needs an operator inside the object: equals-ignore-case, prefix, suffix or wildcard.');
      return undefined;
    }
    const op = names[0] as string;
    if (!(ANYTHING_BUT_INNER as readonly string[]).includes(op)) {
      sink.bad(childPath(jp, op), `anything-but cannot be combined with "${op}"; it supports equals-ignore-case, prefix, suffix and wildcard.`);
      return undefined;
    }
    if (names.length > 1) {
      sink.bad(jp, `Only one operator is allowed inside anything-but; found ${names.map((n) => `"${n}"`).join(', ')}.`);
      return undefined;
    }
    const here = childPath(jp, op);
    const inner = v[op] as JsonValue;
    let list: JsonValue[];
    if (typeof inner === 'string') list = [inner];
    else if (Array.isArray(inner)) list = inner;
    else if (inner instanceof JsonNumber) list = [inner];
    else {
      sink.bad(here, `The value of anything-but/${op} must be a string or an array of strings, not a ${typeName(inner)}.`);
      return undefined;
    }
    const strs: string[] = [];
    let ok = true;
    list.forEach((x, i) => {
      const at = Array.isArray(inner) ? `${here}[${i}]` : here;
      if (typeof x !== 'string') {
        ok = false;
        sink.bad(at, `anything-but/${op} takes only strings, not a ${typeName(x)}.`);
      } else if ((op === 'prefix' || op === 'suffix') && x === '') {
        ok = false;
        sink.bad(at, `An empty ${op} is not allowed inside anything-but (it would exclude every string).`);
      } else strs.push(x);
    });
    if (!ok) return undefined;
    const uniq = [...new Set(strs)].sort();
    const key = `ab-${op}:${JSON.stringify(uniq)}`;
    if (op === 'equals-ignore-case') return { m: { k: 'ab-eic', list: uniq, tests: uniq.map((s) => caseFoldMatcher(s, 'whole')) }, key };
    if (op === 'prefix') return { m: { k: 'ab-prefix', list: uniq }, key };
    if (op === 'suffix') return { m: { k: 'ab-suffix', list: uniq }, key };
    const ws: WildcardPattern[] = [];
    for (let i = 0; i < uniq.length; i++) {
      const w = wildcardOperand(sink, uniq[i] as string, Array.isArray(inner) ? `${here}[${i}]` : here);
      if (!w) return undefined;
      ws.push(w);
    }
    return { m: { k: 'ab-wildcard', list: ws }, key };
  }
  sink.bad(jp, `anything-but must be a string, a number, a list of them, or an object with prefix, suffix, equals-ignore-case or wildcard; not ${v === null ? 'null' : `a ${typeName(v)}`}.`);
  return undefined;
}
