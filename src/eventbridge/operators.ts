// The closed set of pattern operators ({"prefix": ...}, {"numeric": [...]}, ...), named once.
// Each row owns how its operand is read and checked, the words the editor shows for it and the
// JSON Schema fragment the editor validates it with (src/labs/pattern-json-schema.ts is built
// from this table). What each resulting matcher kind means is in matcher-kinds.ts.
import type { JsonValue } from './json-text.ts';
import { caseFoldMatcher } from './case-fold.ts';
import { parseCidr } from './ip-address.ts';
import { isObject, typeName, wildcardOperand } from './pattern-syntax.ts';
import type { ParsedMatcher, ProblemSink } from './pattern-syntax.ts';
import { LOWER_BOUNDS, NUMERIC_COMPARISONS, UPPER_BOUNDS, parseNumeric } from './operator-numeric.ts';
import { ANYTHING_BUT_INNER, parseAnythingBut } from './operator-anything-but.ts';

/** Every operator the engine accepts, in the order problem messages list them. */
export const OPERATOR_NAMES = ['prefix', 'suffix', 'equals-ignore-case', 'anything-but', 'numeric', 'exists', 'cidr', 'wildcard', 'exactly'] as const;
export type OperatorName = (typeof OPERATOR_NAMES)[number];

export interface OperatorSpec {
  /** One line for the editor's hover and completion. */
  doc: string;
  /** JSON Schema (draft-07) of the operand, structural only: the engine has the final say. */
  schema: object;
  /** Reads the operand `v` found at problem path `jp`; reports problems to `sink`. */
  parse(v: JsonValue, jp: string, sink: ProblemSink): ParsedMatcher | undefined;
}

export function isOperatorName(name: string): name is OperatorName {
  return (OPERATOR_NAMES as readonly string[]).includes(name);
}

const str = { type: 'string' };
const strings = { type: 'array', items: str };
const eicObject = { type: 'object', required: ['equals-ignore-case'], additionalProperties: false, properties: { 'equals-ignore-case': str } };

function onlyString(op: OperatorName, v: JsonValue, jp: string, sink: ProblemSink, example = ''): v is string {
  if (typeof v === 'string') return true;
  sink.bad(jp, `${op} must be a string${example}, not a ${typeName(v)}.`);
  return false;
}

/** prefix and suffix: a string, or {"equals-ignore-case": "..."} to ignore case. */
function affix(op: 'prefix' | 'suffix'): OperatorSpec['parse'] {
  return (v, jp, sink) => {
    if (typeof v === 'string') return { m: op === 'prefix' ? { k: 'prefix', s: v } : { k: 'suffix', s: v }, key: `${op}:${JSON.stringify(v)}` };
    if (isObject(v)) {
      const inner = Object.keys(v);
      if (inner.length !== 1 || inner[0] !== 'equals-ignore-case') {
        sink.bad(jp, `${op} takes a string, or {"equals-ignore-case": "..."}; found ${inner.length === 0 ? 'an empty object' : `"${inner[0]}"${inner.length > 1 ? ' and more' : ''}`}.`);
        return undefined;
      }
      const s = v['equals-ignore-case'] as JsonValue;
      if (typeof s !== 'string') {
        sink.bad(`${jp}.equals-ignore-case`, `equals-ignore-case must be a string, not a ${typeName(s)}.`);
        return undefined;
      }
      const test = caseFoldMatcher(s, op);
      return { m: op === 'prefix' ? { k: 'prefix-eic', s, test } : { k: 'suffix-eic', s, test }, key: `${op}-eic:${JSON.stringify(s)}` };
    }
    sink.bad(jp, `${op} must be a string, not a ${typeName(v)}.`);
    return undefined;
  };
}

export const OPERATOR_TABLE: { readonly [N in OperatorName]: OperatorSpec } = {
  prefix: {
    doc: 'Matches strings that start with this text, e.g. { "prefix": "eu-" }; { "prefix": { "equals-ignore-case": "eu-" } } ignores case.',
    schema: { anyOf: [str, eicObject] },
    parse: affix('prefix'),
  },
  suffix: {
    doc: 'Matches strings that end with this text, e.g. { "suffix": ".png" }; { "suffix": { "equals-ignore-case": ".png" } } ignores case.',
    schema: { anyOf: [str, eicObject] },
    parse: affix('suffix'),
  },
  'equals-ignore-case': {
    doc: 'Matches a string regardless of case.',
    schema: str,
    parse: (v, jp, sink) => (onlyString('equals-ignore-case', v, jp, sink) ? { m: { k: 'eic', s: v, test: caseFoldMatcher(v, 'whole') }, key: `eic:${JSON.stringify(v)}` } : undefined),
  },
  'anything-but': {
    doc: 'Matches anything except the given value(s); also takes { "prefix" }, { "suffix" }, { "equals-ignore-case" } or { "wildcard" }.',
    schema: {
      anyOf: [
        str,
        { type: 'number' },
        { type: 'array', minItems: 1, items: str },
        { type: 'array', minItems: 1, items: { type: 'number' } },
        {
          type: 'object',
          minProperties: 1,
          maxProperties: 1,
          additionalProperties: false,
          properties: Object.fromEntries(
            ANYTHING_BUT_INNER.map((op) => {
              // An empty prefix or suffix would exclude every string.
              const one = op === 'prefix' || op === 'suffix' ? { type: 'string', minLength: 1 } : str;
              return [op, { anyOf: [one, { type: 'array', items: one }] }];
            }),
          ),
        },
      ],
    },
    parse: parseAnythingBut,
  },
  numeric: {
    doc: 'Compares numbers: ["<", 10], [">=", 0, "<", 100], ["=", 5].',
    schema: {
      type: 'array',
      anyOf: [
        { items: [{ enum: [...NUMERIC_COMPARISONS] }, { type: 'number' }], minItems: 2, maxItems: 2 },
        { items: [{ enum: [...LOWER_BOUNDS] }, { type: 'number' }, { enum: [...UPPER_BOUNDS] }, { type: 'number' }], minItems: 4, maxItems: 4 },
      ],
    },
    parse: parseNumeric,
  },
  exists: {
    doc: 'true: the field must be present; false: it must be absent.',
    schema: { type: 'boolean' },
    parse: (v, jp, sink) => {
      if (typeof v === 'boolean') return { m: { k: 'exists', exists: v }, key: `exists:${v}` };
      sink.bad(jp, `exists must be true or false, not a ${typeName(v)}.`);
      return undefined;
    },
  },
  cidr: {
    doc: 'Matches IP addresses in a range, e.g. "10.0.0.0/24".',
    schema: str,
    parse: (v, jp, sink) => {
      if (!onlyString('cidr', v, jp, sink, ' such as "10.0.0.0/24"')) return undefined;
      const r = parseCidr(v);
      if (!r.ok) {
        sink.bad(jp, `Invalid cidr: ${r.message}.`);
        return undefined;
      }
      return { m: { k: 'cidr', range: r.range, source: v }, key: `cidr:${r.range.lo}-${r.range.hi}` };
    },
  },
  wildcard: {
    doc: 'Matches with * standing for any characters, e.g. "dir/*.png".',
    schema: str,
    parse: (v, jp, sink) => {
      if (!onlyString('wildcard', v, jp, sink)) return undefined;
      const w = wildcardOperand(sink, v, jp);
      return w ? { m: { k: 'wildcard', w }, key: `wc:${JSON.stringify(v)}` } : undefined;
    },
  },
  exactly: {
    // event-ruler's exact match: the string itself, character for character. Unlike a plain
    // value, a string that looks like an IP address is not read as an address.
    doc: 'Matches exactly this string, e.g. { "exactly": "10.0.0.1" } (unlike a plain value, an IP-looking string is compared as text).',
    schema: str,
    parse: (v, jp, sink) => (onlyString('exactly', v, jp, sink) ? { m: { k: 'string', s: v }, key: `s:${JSON.stringify(v)}` } : undefined),
  },
};

/** The operator table as a list of rows, in OPERATOR_NAMES order. */
export function operatorRows(): [OperatorName, OperatorSpec][] {
  return OPERATOR_NAMES.map((n) => [n, OPERATOR_TABLE[n]]);
}
