// Reads an event pattern, reports every problem EventBridge would reject it for, and compiles
// a valid one into branches of field conditions. Problems are data ({ path, message }); this
// module never throws on any input.
import { JsonNumber, JsonSyntaxError, parseJsonText, fromJsValue } from './json-text.ts';
import type { JsonObject, JsonValue } from './json-text.ts';
import { comparableValue } from './numbers.ts';
import { ipHex, looksLikeIp, parseCidr } from './ip-address.ts';
import { parseWildcard, wildcardComplexity, WILDCARD_COMPLEXITY_LIMIT } from './wildcard.ts';
import type { WildcardPattern } from './wildcard.ts';
import { caseFoldMatcher } from './case-fold.ts';
import type { Branch, CompiledPattern, FieldCondition, Matcher, PatternProblem } from './types.ts';

export const OPERATORS = ['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists', 'cidr', 'wildcard'];

// Names the service reserves inside $or (operators, comparison symbols, and future operators).
const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

/** $or alternatives multiply; beyond this many branches we refuse rather than hang. */
export const MAX_BRANCHES = 1024;

export interface CompileResult {
  problems: PatternProblem[];
  compiled?: CompiledPattern;
}

interface Entry {
  path: string;
  matchers: Matcher[];
  key: string;
}
type BranchMap = Map<string, Entry>;

function typeName(v: JsonValue): string {
  if (v === null) return 'null';
  if (v instanceof JsonNumber) return `number (${v.text})`;
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') return `string (${JSON.stringify(v)})`;
  return `${typeof v} (${String(v)})`;
}

function isObject(v: JsonValue): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
}

function childPath(base: string, key: string): string {
  const safe = /^[A-Za-z0-9_$@:\-]+$/.test(key) ? key : JSON.stringify(key);
  return base ? `${base}.${safe}` : safe;
}

/** Parses pattern input (JSON text or parsed value) without throwing. */
export function readPatternInput(input: unknown): { value?: JsonValue; problem?: PatternProblem } {
  try {
    if (typeof input === 'string') return { value: parseJsonText(input) };
    if (input === undefined) return { problem: { path: '', message: 'No pattern was given.' } };
    return { value: fromJsValue(input) };
  } catch (e) {
    if (e instanceof JsonSyntaxError) return { problem: { path: '', message: `The pattern is not valid JSON: ${e.message}.` } };
    const msg = e instanceof Error ? e.message : String(e);
    return { problem: { path: '', message: `The pattern cannot be read as JSON: ${msg}.` } };
  }
}

export function compilePattern(input: unknown): CompileResult {
  try {
    const read = readPatternInput(input);
    if (read.problem) return { problems: [read.problem] };
    return compileValue(read.value as JsonValue);
  } catch (e) {
    // Defensive: a bug here must still come back as a problem, never as a crash.
    return { problems: [{ path: '', message: `The pattern could not be checked: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

function compileValue(root: JsonValue): CompileResult {
  const problems: PatternProblem[] = [];
  if (!isObject(root)) {
    problems.push({ path: '', message: `An event pattern must be a JSON object, not ${typeName(root).startsWith('array') ? 'an array' : `a ${typeName(root)}`}.` });
    return { problems };
  }
  const ctx = new Ctx(problems);
  const branches: BranchMap[] = [new Map()];
  ctx.object(root, [], '', branches, false);
  if (problems.length > 0) return { problems };
  const out: Branch[] = branches.map((b) => ({
    fields: orderFields([...b.values()].map((e, i) => toCondition(e, i))),
  }));
  return { problems, compiled: { branches: out } };
}

/**
 * Orders a branch's fields most selective first (exact values, then prefixes and suffixes,
 * then ranges, then the rest, with anything-but and absence last); within a rank "source" and
 * "detail-type" lead, then the other paths in order.
 * Order never changes a verdict (a branch is an AND), but the RuleMachine shares and prunes
 * by the first fields, so putting "source" and "detail-type" first keeps matching cheap.
 */
function orderFields(fields: FieldCondition[]): FieldCondition[] {
  const rank = (f: FieldCondition): number => {
    if (f.allowsAbsent) return 6;
    let r = 0;
    for (const m of f.matchers) {
      const k = m.k;
      const mr = k === 'string' || k === 'number' || k === 'literal' ? 0
        : k === 'prefix' || k === 'suffix' || k === 'numeric-eq' ? 1
        : k === 'range' ? 2
        : k === 'exists' ? 5
        : k.startsWith('ab-') ? 5
        : 3;
      if (mr > r) r = mr;
    }
    return r;
  };
  // Among equals, the envelope fields that usually tell events apart come first.
  const lead = (p: string): number => (p === 'source' ? 0 : p === 'detail-type' ? 1 : 2);
  return fields
    .map((f) => ({ f, r: rank(f), l: lead(f.path) }))
    .sort((a, b) => a.r - b.r || a.l - b.l || (a.f.path < b.f.path ? -1 : a.f.path > b.f.path ? 1 : 0))
    .map((x) => x.f);
}

function toCondition(e: Entry, order: number): FieldCondition {
  const positive = e.matchers.filter((m) => !(m.k === 'exists' && !m.exists));
  const allowsAbsent = positive.length !== e.matchers.length;
  return { path: e.path, matchers: e.matchers, positive, allowsAbsent, key: `${e.path}\u0000${e.key}`, order };
}

class Ctx {
  readonly problems: PatternProblem[];
  constructor(problems: PatternProblem[]) {
    this.problems = problems;
  }
  bad(path: string, message: string): void {
    if (this.problems.length < 100) this.problems.push({ path, message });
  }

  object(o: JsonObject, keys: string[], jp: string, branches: BranchMap[], insideOr: boolean): void {
    const names = Object.keys(o);
    if (names.length === 0) {
      this.bad(jp, 'Empty objects are not allowed: give at least one field to match.');
      return;
    }
    for (const name of names) {
      const v = o[name] as JsonValue;
      if (name === '$or') {
        this.or(v, keys, jp ? `${jp}.$or` : '$or', branches);
        continue;
      }
      const here = childPath(jp, name);
      if (insideOr && RESERVED_IN_OR.has(name)) {
        this.bad(here, `"${name}" is a reserved word and cannot be used as a field name inside $or.`);
        continue;
      }
      if (Array.isArray(v)) {
        const list = this.values(v, here);
        if (list) {
          const path = [...keys, name].join('.');
          for (const b of branches) b.set(path, { path, matchers: list.matchers, key: list.key });
        }
      } else if (isObject(v)) {
        this.object(v, [...keys, name], here, branches, insideOr);
      } else {
        this.bad(
          here,
          `"${name}" must be an array of values to match (for example ${JSON.stringify({ [name]: [v instanceof JsonNumber ? Number(v.text) : v] })}) or an object of nested fields, not a ${typeName(v)}.`,
        );
      }
    }
  }

  or(v: JsonValue, keys: string[], jp: string, branches: BranchMap[]): void {
    if (!Array.isArray(v)) {
      this.bad(jp, `$or must be an array of at least two objects, not a ${typeName(v)}.`);
      return;
    }
    if (v.length < 2) this.bad(jp, `$or needs at least two alternatives; it has ${v.length}.`);
    const current = branches.map((b) => new Map(b));
    const all: BranchMap[] = [];
    v.forEach((el, i) => {
      const here = `${jp}[${i}]`;
      if (!isObject(el)) {
        this.bad(here, `Each $or alternative must be a JSON object, not a ${typeName(el)}.`);
        return;
      }
      const copies = current.map((b) => new Map(b));
      this.object(el, keys, here, copies, true);
      for (const c of copies) {
        if (all.length < MAX_BRANCHES + 1) all.push(c);
      }
    });
    if (all.length > MAX_BRANCHES) {
      this.bad(jp, `The $or alternatives combine into more than ${MAX_BRANCHES} ways to match; simplify the pattern.`);
    }
    branches.splice(0, branches.length, ...all.slice(0, MAX_BRANCHES));
  }

  values(arr: JsonValue[], jp: string): { matchers: Matcher[]; key: string } | undefined {
    if (arr.length === 0) {
      this.bad(jp, 'Empty arrays are not allowed: list at least one value to match.');
      return undefined;
    }
    const before = this.problems.length;
    const matchers: Matcher[] = [];
    const keys: string[] = [];
    arr.forEach((el, i) => {
      const here = `${jp}[${i}]`;
      if (typeof el === 'string') {
        const hex = looksLikeIp(el) ? ipHex(el) : undefined;
        if (hex !== undefined) {
          matchers.push({ k: 'ip', range: { lo: hex, hi: hex }, source: el });
          keys.push(`ip:${hex}`);
        } else {
          matchers.push({ k: 'string', s: el });
          keys.push(`s:${JSON.stringify(el)}`);
        }
      } else if (el instanceof JsonNumber) {
        const value = comparableValue(el.text);
        matchers.push({ k: 'number', text: el.text, value });
        keys.push(`n:${value !== undefined ? String(value) : `raw:${el.text}`}`);
      } else if (el === null || el === true || el === false) {
        const lit = el === null ? 'null' : el ? 'true' : 'false';
        matchers.push({ k: 'literal', lit });
        keys.push(`l:${lit}`);
      } else if (Array.isArray(el)) {
        this.bad(here, 'A value to match must be a string, number, true, false or null, or an operator object; nested arrays are not allowed.');
      } else {
        const m = this.expression(el, here);
        if (m) {
          matchers.push(m.m);
          keys.push(m.key);
        }
      }
    });
    if (this.problems.length !== before) return undefined;
    return { matchers, key: keys.join('|') };
  }

  expression(o: JsonObject, jp: string): { m: Matcher; key: string } | undefined {
    const names = Object.keys(o);
    if (names.length === 0) {
      this.bad(jp, `An empty object is not a match expression; use an operator such as {"prefix": "..."}. Operators: ${OPERATORS.join(', ')}.`);
      return undefined;
    }
    const op = names[0] as string;
    const v = o[op] as JsonValue;
    const here = childPath(jp, op);
    if (!OPERATORS.includes(op)) {
      const hint = OPERATORS.find((x) => x === op.toLowerCase());
      this.bad(here, `Unknown operator "${op}".${hint ? ` Operators are lower-case: did you mean "${hint}"?` : ''} Operators: ${OPERATORS.join(', ')}.`);
      return undefined;
    }
    if (names.length > 1) {
      this.bad(jp, `Only one operator is allowed per object; found ${names.map((n) => `"${n}"`).join(', ')}. Put each one in its own object in the array.`);
      return undefined;
    }
    switch (op) {
      case 'prefix':
      case 'suffix': {
        if (typeof v === 'string') return { m: op === 'prefix' ? { k: 'prefix', s: v } : { k: 'suffix', s: v }, key: `${op}:${JSON.stringify(v)}` };
        if (isObject(v)) {
          const inner = Object.keys(v);
          if (inner.length !== 1 || inner[0] !== 'equals-ignore-case') {
            this.bad(here, `${op} takes a string, or {"equals-ignore-case": "..."}; found ${inner.length === 0 ? 'an empty object' : `"${inner[0]}"${inner.length > 1 ? ' and more' : ''}`}.`);
            return undefined;
          }
          const s = v['equals-ignore-case'] as JsonValue;
          if (typeof s !== 'string') {
            this.bad(`${here}.equals-ignore-case`, `equals-ignore-case must be a string, not a ${typeName(s)}.`);
            return undefined;
          }
          const mode = op === 'prefix' ? 'prefix' : 'suffix';
          const m: Matcher = op === 'prefix'
            ? { k: 'prefix-eic', s, test: caseFoldMatcher(s, mode) }
            : { k: 'suffix-eic', s, test: caseFoldMatcher(s, mode) };
          return { m, key: `${op}-eic:${JSON.stringify(s)}` };
        }
        this.bad(here, `${op} must be a string, not a ${typeName(v)}.`);
        return undefined;
      }
      case 'equals-ignore-case': {
        if (typeof v !== 'string') {
          this.bad(here, `equals-ignore-case must be a string, not a ${typeName(v)}.`);
          return undefined;
        }
        return { m: { k: 'eic', s: v, test: caseFoldMatcher(v, 'whole') }, key: `eic:${JSON.stringify(v)}` };
      }
      case 'wildcard': {
        if (typeof v !== 'string') {
          this.bad(here, `wildcard must be a string, not a ${typeName(v)}.`);
          return undefined;
        }
        const w = this.wildcard(v, here);
        return w ? { m: { k: 'wildcard', w }, key: `wc:${JSON.stringify(v)}` } : undefined;
      }
      case 'exists': {
        if (typeof v !== 'boolean') {
          this.bad(here, `exists must be true or false, not a ${typeName(v)}.`);
          return undefined;
        }
        return { m: { k: 'exists', exists: v }, key: `exists:${v}` };
      }
      case 'cidr': {
        if (typeof v !== 'string') {
          this.bad(here, `cidr must be a string such as "10.0.0.0/24", not a ${typeName(v)}.`);
          return undefined;
        }
        const r = parseCidr(v);
        if (!r.ok) {
          this.bad(here, `Invalid cidr: ${r.message}.`);
          return undefined;
        }
        return { m: { k: 'cidr', range: r.range, source: v }, key: `cidr:${r.range.lo}-${r.range.hi}` };
      }
      case 'numeric':
        return this.numeric(v, here);
      case 'anything-but':
        return this.anythingBut(v, here);
    }
    return undefined;
  }

  wildcard(v: string, jp: string): WildcardPattern | undefined {
    const p = parseWildcard(v);
    if (!p.ok) {
      this.bad(jp, `Invalid wildcard: ${p.message}.`);
      return undefined;
    }
    const score = wildcardComplexity(p.pattern);
    if (score > WILDCARD_COMPLEXITY_LIMIT) {
      this.bad(jp, `The wildcard ${JSON.stringify(v)} is too complex (score ${score}, limit ${WILDCARD_COMPLEXITY_LIMIT}): use fewer * characters or fewer repeated character sequences after a *.`);
      return undefined;
    }
    return p.pattern;
  }

  numberOperand(v: JsonValue | undefined, jp: string, op: string): number | undefined {
    if (!(v instanceof JsonNumber)) {
      this.bad(jp, v === undefined ? `"${op}" must be followed by a number.` : `The value after "${op}" must be a number, not a ${typeName(v)}.`);
      return undefined;
    }
    const d = comparableValue(v.text);
    if (d === undefined) {
      this.bad(jp, `${v.text} cannot be compared as a number: it is not exactly representable as a 64-bit floating-point value.`);
      return undefined;
    }
    return d;
  }

  numeric(v: JsonValue, jp: string): { m: Matcher; key: string } | undefined {
    if (!Array.isArray(v)) {
      this.bad(jp, `numeric must be an array such as [">", 0, "<=", 5], not a ${typeName(v)}.`);
      return undefined;
    }
    if (v.length === 0) {
      this.bad(jp, 'numeric needs an operator and a number, for example [">=", 10].');
      return undefined;
    }
    const op = v[0];
    if (typeof op !== 'string' || !['=', '<', '<=', '>', '>='].includes(op)) {
      this.bad(`${jp}[0]`, `${typeof op === 'string' ? `"${op}" is not a numeric operator` : `The first element must be an operator, not a ${typeName(op as JsonValue)}`}; use one of =, <, <=, >, >=.`);
      return undefined;
    }
    const a = this.numberOperand(v[1], `${jp}[1]`, op);
    if (a === undefined) return undefined;
    const src = JSON.stringify(v.map((x) => (x instanceof JsonNumber ? Number(x.text) : x)));
    if (op === '=' || op === '<' || op === '<=') {
      if (v.length > 2) {
        this.bad(jp, `After "${op}" and its number nothing more is allowed${op === '=' ? '' : '; to give a range, put ">" or ">=" first'}.`);
        return undefined;
      }
      if (op === '=') return { m: { k: 'numeric-eq', value: a, source: src }, key: `neq:${a}` };
      return { m: { k: 'range', lo: -Infinity, loOpen: false, hi: a, hiOpen: op === '<', source: src }, key: `rng:-inf:${a}:${op}` };
    }
    if (v.length === 2) return { m: { k: 'range', lo: a, loOpen: op === '>', hi: Infinity, hiOpen: false, source: src }, key: `rng:${op}${a}:inf` };
    const op2 = v[2];
    if (typeof op2 !== 'string' || (op2 !== '<' && op2 !== '<=')) {
      this.bad(`${jp}[2]`, `A range's second operator must be "<" or "<=", not ${typeof op2 === 'string' ? `"${op2}"` : `a ${typeName(op2 as JsonValue)}`}.`);
      return undefined;
    }
    const b = this.numberOperand(v[3], `${jp}[3]`, op2);
    if (b === undefined) return undefined;
    if (v.length > 4) {
      this.bad(jp, 'Too many terms: a numeric range has at most a lower bound and an upper bound.');
      return undefined;
    }
    if (!(a < b)) {
      this.bad(jp, `The range is empty: the lower bound ${a} must be less than the upper bound ${b}.`);
      return undefined;
    }
    return { m: { k: 'range', lo: a, loOpen: op === '>', hi: b, hiOpen: op2 === '<', source: src }, key: `rng:${op}${a}:${op2}${b}` };
  }

  anythingBut(v: JsonValue, jp: string): { m: Matcher; key: string } | undefined {
    if (typeof v === 'string') return { m: { k: 'ab-strings', set: new Set([v]) }, key: `abs:${JSON.stringify([v])}` };
    if (v instanceof JsonNumber) {
      const d = this.numberOperand(v, jp, 'anything-but');
      return d === undefined ? undefined : { m: { k: 'ab-numbers', set: new Set([d]), texts: [v.text] }, key: `abn:${d}` };
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        this.bad(jp, 'anything-but with an empty list excludes nothing and is not allowed; list at least one value.');
        return undefined;
      }
      const strings = v.filter((x): x is string => typeof x === 'string');
      const numbers = v.filter((x): x is JsonNumber => x instanceof JsonNumber);
      let ok = true;
      v.forEach((x, i) => {
        if (typeof x !== 'string' && !(x instanceof JsonNumber)) {
          ok = false;
          this.bad(`${jp}[${i}]`, `anything-but lists may hold only strings or only numbers, not a ${typeName(x)}.`);
        }
      });
      if (!ok) return undefined;
      if (strings.length > 0 && numbers.length > 0) {
        this.bad(jp, 'anything-but lists must be all strings or all numbers, not a mix.');
        return undefined;
      }
      if (strings.length > 0) return { m: { k: 'ab-strings', set: new Set(strings) }, key: `abs:${JSON.stringify([...new Set(strings)].sort())}` };
      const set = new Set<number>();
      for (let i = 0; i < numbers.length; i++) {
        const d = this.numberOperand(numbers[i], `${jp}[${i}]`, 'anything-but');
        if (d === undefined) return undefined;
        set.add(d);
      }
      return { m: { k: 'ab-numbers', set, texts: numbers.map((n) => n.text) }, key: `abn:${[...set].sort((a, b) => a - b).join(',')}` };
    }
    if (isObject(v)) {
      const names = Object.keys(v);
      if (names.length === 0) {
        this.bad(jp, 'anything-but needs an operator inside the object: equals-ignore-case, prefix, suffix or wildcard.');
        return undefined;
      }
      const op = names[0] as string;
      if (!['equals-ignore-case', 'prefix', 'suffix', 'wildcard'].includes(op)) {
        this.bad(childPath(jp, op), `anything-but cannot be combined with "${op}"; it supports equals-ignore-case, prefix, suffix and wildcard.`);
        return undefined;
      }
      if (names.length > 1) {
        this.bad(jp, `Only one operator is allowed inside anything-but; found ${names.map((n) => `"${n}"`).join(', ')}.`);
        return undefined;
      }
      const here = childPath(jp, op);
      const inner = v[op] as JsonValue;
      let list: JsonValue[];
      if (typeof inner === 'string') list = [inner];
      else if (Array.isArray(inner)) list = inner;
      else if (inner instanceof JsonNumber) list = [inner];
      else {
        this.bad(here, `The value of anything-but/${op} must be a string or an array of strings, not a ${typeName(inner)}.`);
        return undefined;
      }
      const strs: string[] = [];
      let ok = true;
      list.forEach((x, i) => {
        const at = Array.isArray(inner) ? `${here}[${i}]` : here;
        if (typeof x !== 'string') {
          ok = false;
          this.bad(at, `anything-but/${op} takes only strings, not a ${typeName(x)}.`);
        } else if ((op === 'prefix' || op === 'suffix') && x === '') {
          ok = false;
          this.bad(at, `An empty ${op} is not allowed inside anything-but (it would exclude every string).`);
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
        const w = this.wildcard(uniq[i] as string, Array.isArray(inner) ? `${here}[${i}]` : here);
        if (!w) return undefined;
        ws.push(w);
      }
      return { m: { k: 'ab-wildcard', list: ws }, key };
    }
    this.bad(jp, `anything-but must be a string, a number, a list of them, or an object with prefix, suffix, equals-ignore-case or wildcard; not ${v === null ? 'null' : `a ${typeName(v)}`}.`);
    return undefined;
  }
}
