// Reads an event pattern, reports every problem EventBridge would reject it for, and compiles
// a valid one into branches of field conditions. Problems are data ({ path, message }); this
// module never throws on any input.
import { JsonNumber, JsonSyntaxError, parseJsonText, fromJsValue } from './json-text.ts';
import type { JsonObject, JsonValue } from './json-text.ts';
import { comparableValue } from './numbers.ts';
import { ipHex, looksLikeIp } from './ip-address.ts';
import { MATCHER_KINDS } from './matcher-kinds.ts';
import { isOperatorName, OPERATOR_NAMES, OPERATOR_TABLE } from './operators.ts';
import { childPath, isObject, typeName } from './pattern-syntax.ts';
import type { ParsedMatcher } from './pattern-syntax.ts';
import type { Branch, CompiledPattern, FieldCondition, Matcher, PatternProblem } from './types.ts';

// Names the service reserves inside $or: the operators, comparison symbols, and future operators.
const RESERVED_IN_OR = new Set<string>([
  ...OPERATOR_NAMES,
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
    for (const m of f.matchers) r = Math.max(r, MATCHER_KINDS[m.k].rank);
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

  expression(o: JsonObject, jp: string): ParsedMatcher | undefined {
    const names = Object.keys(o);
    const known = OPERATOR_NAMES.join(', ');
    if (names.length === 0) {
      this.bad(jp, `An empty object is not a match expression; use an operator such as {"prefix": "..."}. Operators: ${known}.`);
      return undefined;
    }
    const op = names[0] as string;
    const v = o[op] as JsonValue;
    const here = childPath(jp, op);
    if (!isOperatorName(op)) {
      const hint = OPERATOR_NAMES.find((x) => x === op.toLowerCase());
      this.bad(here, `Unknown operator "${op}".${hint ? ` Operators are lower-case: did you mean "${hint}"?` : ''} Operators: ${known}.`);
      return undefined;
    }
    if (names.length > 1) {
      this.bad(jp, `Only one operator is allowed per object; found ${names.map((n) => `"${n}"`).join(', ')}. Put each one in its own object in the array.`);
      return undefined;
    }
    return OPERATOR_TABLE[op].parse(v, here, this);
  }
}
