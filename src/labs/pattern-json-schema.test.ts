import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { eventPatternJsonSchema, locatePatternPath } from './pattern-json-schema.ts';
import { validatePattern } from '../eventbridge/index.ts';
import { OPERATOR_NAMES } from '../eventbridge/operators.ts';
import type { OperatorName } from '../eventbridge/operators.ts';

const validate = new Ajv({ strict: false }).compile(eventPatternJsonSchema);

/** Operands the engine accepts, per operator (typed by the operator list: a new operator needs a row). */
const VALID: { [N in OperatorName]: unknown[] } = {
  prefix: ['eu-', '', { 'equals-ignore-case': 'EU-' }],
  suffix: ['.png', { 'equals-ignore-case': '.PNG' }],
  'equals-ignore-case': ['Shop', ''],
  'anything-but': ['x', 5, ['a', 'b'], [1, 2.5], { prefix: 'test-' }, { suffix: ['-dev', '-qa'] }, { 'equals-ignore-case': ['A'] }, { wildcard: 'a*' }],
  numeric: [['>', 0], ['=', 5], ['<=', -1], ['>=', 0, '<', 100], ['>', 1, '<=', 2]],
  exists: [true, false],
  cidr: ['10.0.0.0/24', '2001:db8::/32'],
  wildcard: ['dir/*.png', '*'],
  exactly: ['10.0.0.1', 'x', ''],
};

/** Operands the engine rejects for their shape, which the schema rejects too. */
const INVALID: { [N in OperatorName]: unknown[] } = {
  prefix: [3, null, ['a'], { 'equals-ignore-case': 3 }, { wildcard: 'x' }, {}],
  suffix: [true, { 'equals-ignore-case': 'a', prefix: 'b' }],
  'equals-ignore-case': [1, ['a'], null],
  'anything-but': [null, true, [], ['a', 1], [null], {}, { prefix: '' }, { suffix: [''] }, { numeric: ['>', 1] }, { prefix: 'a', suffix: 'b' }, { prefix: 3 }],
  numeric: [5, [], ['>'], ['>>', 1], ['<', 1, '<', 2], ['>', 1, '>', 2], ['>', 'x'], ['=', 1, '<', 2], ['>', 0, '<', 1, 2]],
  exists: ['true', 1, null],
  cidr: [10, null],
  wildcard: [1, ['a*']],
  exactly: [33, null, ['x'], { prefix: 'a' }],
};

/** Operands the engine rejects for reasons the structural schema does not express (the engine's markers cover them). */
const SEMANTIC_ONLY: { op: OperatorName; operand: unknown; why: string }[] = [
  { op: 'numeric', operand: ['>', 5, '<', 1], why: 'an empty range' },
  { op: 'cidr', operand: '10.0.0.0/99', why: 'an invalid prefix length' },
  { op: 'cidr', operand: 'not an address', why: 'not an address' },
];

const patternWith = (op: string, operand: unknown) => ({ detail: { f: [{ [op]: operand }] } });

describe('event pattern JSON schema', () => {
  it('accepts patterns with every operator and $or', () => {
    for (const p of [
      { source: ['a'], detail: { total: [{ numeric: ['>', 100, '<=', 200] }], id: [{ prefix: 'IN-' }] } },
      { detail: { status: [{ 'anything-but': ['a', 'b'] }], url: [{ exists: true }], $or: [{ a: ['x'] }, { b: [{ suffix: '.png' }] }] } },
      { detail: { ip: [{ cidr: '10.0.0.0/8' }], name: [{ 'equals-ignore-case': 'x' }, { wildcard: 'a*' }, { exactly: 'y' }] } },
    ]) {
      expect(validate(p), JSON.stringify(validate.errors)).toBe(true);
    }
  });
  it('rejects unknown operators, bad numeric operators and bare values', () => {
    expect(validate({ detail: { total: [{ numbr: 3 }] } })).toBe(false);
    expect(validate({ detail: { total: [{ numeric: ['>>', 3] }] } })).toBe(false);
    expect(validate({ source: 'shop' })).toBe(false);
  });
  it('names exactly the operators the engine accepts', () => {
    const props = Object.keys(eventPatternJsonSchema.definitions.operator.properties).sort();
    expect(props).toEqual([...OPERATOR_NAMES].sort());
    for (const name of ['Prefix', 'regex', 'numbr', 'not-exactly', 'EXACTLY', 'date-after']) {
      expect(validatePattern(patternWith(name, 'x')).length, name).toBeGreaterThan(0);
      expect(validate(patternWith(name, 'x')), name).toBe(false);
    }
  });
  it('agrees with the engine on every sample operand of every operator', () => {
    for (const op of OPERATOR_NAMES) {
      for (const operand of VALID[op]) {
        const p = patternWith(op, operand);
        expect(validatePattern(p), `engine: ${JSON.stringify(p)}`).toEqual([]);
        expect(validate(p), `schema: ${JSON.stringify(p)} ${JSON.stringify(validate.errors)}`).toBe(true);
      }
      for (const operand of INVALID[op]) {
        const p = patternWith(op, operand);
        expect(validatePattern(p).length, `engine: ${JSON.stringify(p)}`).toBeGreaterThan(0);
        expect(validate(p), `schema: ${JSON.stringify(p)}`).toBe(false);
      }
    }
  });
  it('leaves only value checks to the engine', () => {
    for (const { op, operand, why } of SEMANTIC_ONLY) {
      const p = patternWith(op, operand);
      expect(validatePattern(p).length, why).toBeGreaterThan(0);
      expect(validate(p), why).toBe(true);
    }
  });
  it('locates a problem path in the text', () => {
    const text = '{\n  "detail": {\n    "total": [{ "numeric": [">", "x"] }]\n  }\n}';
    const at = locatePatternPath(text, 'detail.total[0].numeric');
    expect(text.slice(at.start, at.end)).toBe('"numeric"');
  });
});
