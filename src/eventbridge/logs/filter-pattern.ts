// CloudWatch Logs filter patterns, as AWS documents them for FilterLogEvents:
//  - terms: `ERROR Exception` (all must appear), `"quoted phrase"`, `-term` (must not appear), `?a ?b` (any);
//  - JSON: `{ $.detail.total = 42 }`, `!=`, `<`, `<=`, `>`, `>=`, `IS NULL`, `NOT EXISTS`, `IS TRUE`/`IS FALSE`,
//    `*` wildcards in string values, `&&`, `||` and parentheses;
//  - space-delimited: `[ip, user, ..., status = 4*, bytes > 1000]`.
// Anything else (regular expressions, selector wildcards) is refused with InvalidParameterException naming
// it, never silently matching nothing.
import { invalidParameter } from './logs-errors.ts';

export type LogFilter = (message: string) => boolean;

/** Parses once; the returned function tests one message. Throws InvalidParameterException. */
export function compileFilterPattern(pattern: string): LogFilter {
  const trimmed = pattern.trim();
  if (trimmed === '') return () => true;
  if (trimmed.startsWith('{')) return compileJson(trimmed);
  if (trimmed.startsWith('[')) return compileDelimited(trimmed);
  return compileTerms(trimmed);
}

export function matchesFilterPattern(pattern: string, message: string): boolean {
  return compileFilterPattern(pattern)(message);
}

const unsupported = (what: string): Error => invalidParameter(`Invalid filter pattern: ${what} is not supported by this emulator`);
const invalid = (what: string): Error => invalidParameter(`Invalid filter pattern: ${what}`);

// ---------------------------------------------------------------- terms

function compileTerms(pattern: string): LogFilter {
  if (/%[^%]*%/.test(pattern)) throw unsupported('a regular expression (%...%)');
  const terms = pattern.match(/[-?]?"[^"]*"|\S+/g) ?? [];
  const all: string[] = [];
  const none: string[] = [];
  const any: string[] = [];
  for (const raw of terms) {
    const mark = raw[0] === '-' || raw[0] === '?' ? raw[0] : '';
    const term = raw.slice(mark.length).replace(/^"|"$/g, '');
    (mark === '-' ? none : mark === '?' ? any : all).push(term);
  }
  return (m) => all.every((t) => m.includes(t)) && none.every((t) => !m.includes(t)) && (any.length === 0 || any.some((t) => m.includes(t)));
}

// ---------------------------------------------------------------- values shared by JSON and delimited patterns

type Op = '=' | '!=' | '<' | '<=' | '>' | '>=';
type Literal = { kind: 'number'; value: number } | { kind: 'string'; value: string };

function literal(text: string): Literal {
  if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return { kind: 'number', value: Number(text) };
  if (text.startsWith('"')) {
    if (!text.endsWith('"') || text.length < 2) throw invalid(`unterminated string ${text}`);
    return { kind: 'string', value: text.slice(1, -1) };
  }
  if (text.startsWith('%')) throw unsupported('a regular expression (%...%)');
  return { kind: 'string', value: text };
}

function wildcard(value: string): RegExp {
  return new RegExp(`^${value.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function compare(actual: unknown, op: Op, lit: Literal): boolean {
  if (lit.kind === 'number') {
    const n = typeof actual === 'number' ? actual : typeof actual === 'string' && actual.trim() !== '' ? Number(actual) : Number.NaN;
    if (Number.isNaN(n)) return false;
    switch (op) {
      case '=': return n === lit.value;
      case '!=': return n !== lit.value;
      case '<': return n < lit.value;
      case '<=': return n <= lit.value;
      case '>': return n > lit.value;
      case '>=': return n >= lit.value;
    }
  }
  if (op !== '=' && op !== '!=') throw invalid(`${op} needs a number, got ${JSON.stringify(lit.value)}`);
  if (actual === undefined || actual === null || typeof actual === 'object') return false;
  const same = lit.value.includes('*') ? wildcard(lit.value).test(String(actual)) : String(actual) === lit.value;
  return op === '=' ? same : !same;
}

// ---------------------------------------------------------------- JSON patterns

const JSON_TOKEN = /\s*(\$[^\s=!<>()&|]*|&&|\|\||!=|<=|>=|=|<|>|\(|\)|"(?:[^"\\]|\\.)*"|[^\s()=!<>&|]+)/y;

function tokenize(text: string): string[] {
  const out: string[] = [];
  JSON_TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    JSON_TOKEN.lastIndex = at;
    const m = JSON_TOKEN.exec(text);
    if (m === null) throw invalid(`unexpected text at ${JSON.stringify(text.slice(at, at + 20))}`);
    out.push(m[1] as string);
    at = JSON_TOKEN.lastIndex;
  }
  return out;
}

type Selector = (string | number)[];

function selector(text: string): Selector {
  if (!/^\$(\.[A-Za-z0-9_@-]+|\[\d+\])*$/.test(text)) {
    if (text.includes('*')) throw unsupported(`the wildcard selector ${text}`);
    throw invalid(`${text} is not a selector like $.detail.total or $.items[0].id`);
  }
  const parts: Selector = [];
  for (const m of text.slice(1).matchAll(/\.([^.[]+)|\[(\d+)\]/g)) parts.push(m[1] !== undefined ? m[1] : Number(m[2]));
  return parts;
}

function resolve(doc: unknown, path: Selector): { found: boolean; value: unknown } {
  let v: unknown = doc;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return { found: false, value: undefined };
    if (typeof p === 'number' ? !Array.isArray(v) || p >= v.length : !Object.hasOwn(v, p)) return { found: false, value: undefined };
    v = (v as Record<string | number, unknown>)[p];
  }
  return { found: true, value: v };
}

type JsonTest = (doc: unknown) => boolean;

function compileJson(pattern: string): LogFilter {
  if (!pattern.endsWith('}')) throw invalid('a JSON pattern must end with }');
  const tokens = tokenize(pattern.slice(1, -1));
  let i = 0;
  const peek = (): string | undefined => tokens[i];
  const next = (): string => {
    const t = tokens[i++];
    if (t === undefined) throw invalid('the pattern ends too early');
    return t;
  };
  const condition = (): JsonTest => {
    const t = next();
    if (t === '(') {
      const inner = or();
      if (next() !== ')') throw invalid('a ( is not closed');
      return inner;
    }
    const path = selector(t);
    const op = next();
    if (op === 'IS') {
      const what = next();
      if (what === 'NULL') return (d) => { const r = resolve(d, path); return r.found && r.value === null; };
      if (what === 'TRUE' || what === 'FALSE') return (d) => resolve(d, path).value === (what === 'TRUE');
      throw invalid(`IS ${what} (expected IS NULL, IS TRUE or IS FALSE)`);
    }
    if (op === 'NOT') {
      if (next() !== 'EXISTS') throw invalid('NOT must be followed by EXISTS');
      return (d) => !resolve(d, path).found;
    }
    if (op === 'EXISTS') throw unsupported(`${t} EXISTS (AWS documents NOT EXISTS; to test that a field exists, use ${t} = "*")`);
    if (!['=', '!=', '<', '<=', '>', '>='].includes(op)) throw invalid(`${op} is not a comparison operator`);
    const lit = literal(next());
    if (lit.kind === 'string' && op !== '=' && op !== '!=') throw invalid(`${op} needs a number`);
    return (d) => {
      const r = resolve(d, path);
      return r.found && compare(r.value, op as Op, lit);
    };
  };
  const and = (): JsonTest => {
    let left = condition();
    while (peek() === '&&') {
      i++;
      const l = left;
      const r = condition();
      left = (d) => l(d) && r(d);
    }
    return left;
  };
  const or = (): JsonTest => {
    let left = and();
    while (peek() === '||') {
      i++;
      const l = left;
      const r = and();
      left = (d) => l(d) || r(d);
    }
    return left;
  };
  const test = or();
  if (i < tokens.length) throw invalid(`unexpected ${JSON.stringify(tokens[i])}`);
  return (message) => {
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false; // JSON patterns only match JSON log events
    }
    return test(doc);
  };
}

// ---------------------------------------------------------------- space-delimited patterns

type FieldSpec = { ellipsis: true } | { ellipsis: false; test: (value: string) => boolean };

function compileDelimited(pattern: string): LogFilter {
  if (!pattern.endsWith(']')) throw invalid('a space-delimited pattern must end with ]');
  const specs: FieldSpec[] = pattern.slice(1, -1).split(',').map((raw) => fieldSpec(raw.trim()));
  return (message) => matchFields(specs, splitFields(message));
}

function fieldSpec(raw: string): FieldSpec {
  if (raw === '...') return { ellipsis: true };
  if (raw === '') throw invalid('an empty field in [...]');
  const alternatives = raw.split('||').map((alt) => alt.split('&&').map((c) => fieldCondition(c.trim())));
  return { ellipsis: false, test: (v) => alternatives.some((all) => all.every((c) => c(v))) };
}

function fieldCondition(text: string): (value: string) => boolean {
  const m = /^([A-Za-z_][\w-]*)\s*(!=|<=|>=|=|<|>)\s*(.+)$/.exec(text);
  if (m === null) {
    if (/^[A-Za-z_][\w-]*$/.test(text)) return () => true; // a bare name matches any value
    throw invalid(`${JSON.stringify(text)} is not a field name or a condition like status = 404`);
  }
  const lit = literal((m[3] as string).trim());
  return (v) => compare(v, m[2] as Op, lit);
}

/** Splits on spaces; text in double quotes or square brackets is one field (quotes removed). */
function splitFields(message: string): string[] {
  const out: string[] = [];
  for (const m of message.matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

function matchFields(specs: FieldSpec[], fields: string[], s = 0, f = 0): boolean {
  if (s === specs.length) return f === fields.length;
  const spec = specs[s] as FieldSpec;
  if (spec.ellipsis) {
    for (let k = f; k <= fields.length; k++) if (matchFields(specs, fields, s + 1, k)) return true;
    return false;
  }
  return f < fields.length && spec.test(fields[f] as string) && matchFields(specs, fields, s + 1, f + 1);
}
