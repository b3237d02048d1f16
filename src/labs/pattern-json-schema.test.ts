import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { eventPatternJsonSchema, locatePatternPath } from './pattern-json-schema.ts';

const validate = new Ajv({ strict: false }).compile(eventPatternJsonSchema);

describe('event pattern JSON schema', () => {
  it('accepts patterns with every operator and $or', () => {
    for (const p of [
      { source: ['a'], detail: { total: [{ numeric: ['>', 100, '<=', 200] }], id: [{ prefix: 'IN-' }] } },
      { detail: { status: [{ 'anything-but': ['a', 'b'] }], url: [{ exists: true }], $or: [{ a: ['x'] }, { b: [{ suffix: '.png' }] }] } },
      { detail: { ip: [{ cidr: '10.0.0.0/8' }], name: [{ 'equals-ignore-case': 'x' }, { wildcard: 'a*' }] } },
    ]) {
      expect(validate(p), JSON.stringify(validate.errors)).toBe(true);
    }
  });
  it('rejects unknown operators, bad numeric operators and bare values', () => {
    expect(validate({ detail: { total: [{ numbr: 3 }] } })).toBe(false);
    expect(validate({ detail: { total: [{ numeric: ['>>', 3] }] } })).toBe(false);
    expect(validate({ source: 'shop' })).toBe(false);
  });
  it('locates a problem path in the text', () => {
    const text = '{\n  "detail": {\n    "total": [{ "numeric": [">", "x"] }]\n  }\n}';
    const at = locatePatternPath(text, 'detail.total[0].numeric');
    expect(text.slice(at.start, at.end)).toBe('"numeric"');
  });
});
