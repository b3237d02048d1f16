// What EventBridge rejects, and how we report it: each problem names a JSON path and says
// what is wrong in plain words. validatePattern never throws, whatever it is given.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertValidPattern, InvalidEventPatternError, validatePattern } from './index.ts';

function problemAt(pattern: unknown, path: string, words: RegExp): void {
  const problems = validatePattern(pattern as object);
  expect(problems.length, JSON.stringify(pattern)).toBeGreaterThan(0);
  expect(problems.map((p) => p.path)).toContain(path);
  expect(problems.find((p) => p.path === path)?.message).toMatch(words);
}

describe('validatePattern', () => {
  it('accepts documented patterns', () => {
    const ok = [
      { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] },
      { detail: { n: [{ numeric: ['>', 0, '<=', 5] }], s: [{ 'anything-but': { prefix: 'x' } }] } },
      { detail: { ip: [{ cidr: '2001:db8::/64' }], w: [{ wildcard: 'a*b' }], e: [{ exists: false }] } },
      { $or: [{ a: [1] }, { b: [{ suffix: { 'equals-ignore-case': 'x' } }] }] },
    ];
    for (const p of ok) expect(validatePattern(p)).toEqual([]);
  });
  it('rejects what is not a pattern object', () => {
    problemAt([], '', /JSON object/);
    problemAt('"aws.ec2"', '', /JSON object/);
    problemAt('{"source": [', '', /not valid JSON/);
    problemAt('{}', '', /Empty objects/);
  });
  it('requires leaf values to be arrays', () => {
    problemAt({ detail: { n: 5 } }, 'detail.n', /must be an array/);
    problemAt({ source: 'aws.ec2' }, 'source', /must be an array/);
  });
  it('rejects empty arrays and nested arrays', () => {
    problemAt({ source: [] }, 'source', /Empty arrays/);
    problemAt({ source: [['a']] }, 'source[0]', /nested arrays/);
  });
  it('rejects unknown operators and objects with two operators', () => {
    problemAt({ source: [{ EXISTS: true }] }, 'source[0].EXISTS', /Unknown operator.*did you mean "exists"/);
    problemAt({ source: [{ regex: 'a.*' }] }, 'source[0].regex', /Unknown operator/);
    problemAt({ source: [{ prefix: 'a', suffix: 'b' }] }, 'source[0]', /Only one operator/);
    problemAt({ source: [{}] }, 'source[0]', /empty object/);
  });
  it('checks operator value types', () => {
    problemAt({ a: [{ prefix: 5 }] }, 'a[0].prefix', /must be a string/);
    problemAt({ a: [{ suffix: ['.png'] }] }, 'a[0].suffix', /must be a string/);
    problemAt({ a: [{ 'equals-ignore-case': ['x'] }] }, 'a[0].equals-ignore-case', /must be a string/);
    problemAt({ a: [{ exists: 'yes' }] }, 'a[0].exists', /true or false/);
    problemAt({ a: [{ wildcard: 1 }] }, 'a[0].wildcard', /must be a string/);
  });
  it('checks numeric expressions', () => {
    problemAt({ n: [{ numeric: '>' }] }, 'n[0].numeric', /must be an array/);
    problemAt({ n: [{ numeric: [] }] }, 'n[0].numeric', /operator and a number/);
    problemAt({ n: [{ numeric: ['>', '5'] }] }, 'n[0].numeric[1]', /must be a number/);
    problemAt({ n: [{ numeric: ['!=', 5] }] }, 'n[0].numeric[0]', /not a numeric operator/);
    problemAt({ n: [{ numeric: ['>', 0, '>', 5] }] }, 'n[0].numeric[2]', /second operator/);
    problemAt({ n: [{ numeric: ['>', 1, '<', 5, '<', 6] }] }, 'n[0].numeric', /Too many terms/);
    problemAt({ n: [{ numeric: ['>', 5, '<', 5] }] }, 'n[0].numeric', /range is empty/);
    problemAt({ n: [{ numeric: ['<', 5, '>', 1] }] }, 'n[0].numeric', /nothing more/);
    problemAt('{"n":[{"numeric":["<",1e400]}]}', 'n[0].numeric[1]', /cannot be compared/);
  });
  it('checks anything-but forms', () => {
    problemAt({ s: [{ 'anything-but': null }] }, 's[0].anything-but', /anything-but must be/);
    problemAt({ s: [{ 'anything-but': [] }] }, 's[0].anything-but', /empty list/);
    problemAt({ s: [{ 'anything-but': ['a', 1] }] }, 's[0].anything-but', /not a mix/);
    problemAt({ s: [{ 'anything-but': ['a', null] }] }, 's[0].anything-but[1]', /only strings or only numbers/);
    problemAt({ s: [{ 'anything-but': { numeric: ['>', 1] } }] }, 's[0].anything-but.numeric', /cannot be combined/);
    problemAt({ s: [{ 'anything-but': { prefix: '' } }] }, 's[0].anything-but.prefix', /empty prefix/);
    problemAt({ s: [{ 'anything-but': { 'equals-ignore-case': 5 } }] }, 's[0].anything-but.equals-ignore-case', /only strings/);
  });
  it('checks cidr blocks', () => {
    problemAt({ ip: [{ cidr: 'bad' }] }, 'ip[0].cidr', /one '\/'/);
    problemAt({ ip: [{ cidr: '10.0.0.0/x' }] }, 'ip[0].cidr', /integer/);
    problemAt({ ip: [{ cidr: '10.0.0.256/8' }] }, 'ip[0].cidr', /invalid IP address/);
    problemAt({ ip: [{ cidr: 'xx.1.xx/8' }] }, 'ip[0].cidr', /not a standard/);
  });
  it('checks wildcards', () => {
    problemAt({ k: [{ wildcard: 'a**' }] }, 'k[0].wildcard', /two wildcard characters in a row/);
    problemAt({ k: [{ wildcard: 'a\\.b' }] }, 'k[0].wildcard', /invalid escape/);
    problemAt({ k: [{ wildcard: '*:*:*:*:*:event-bus/*' }] }, 'k[0].wildcard', /too complex/);
    expect(validatePattern({ k: [{ wildcard: 'arn:aws:events:us-east-1:*:event-bus/*' }] })).toEqual([]);
  });
  it('checks $or', () => {
    problemAt({ $or: [{ a: ['1'] }] }, '$or', /at least two/);
    problemAt({ $or: { a: ['1'] } }, '$or', /must be an array/);
    problemAt({ $or: [{ a: ['1'] }, 'x'] }, '$or[1]', /must be a JSON object/);
    problemAt({ detail: { $or: [{ a: ['1'] }, {}] } }, 'detail.$or[1]', /Empty objects/);
    problemAt({ $or: [{ prefix: ['1'] }, { b: ['2'] }] }, '$or[0].prefix', /reserved/);
  });
  it('reports several problems at once', () => {
    const problems = validatePattern({ a: 1, b: [], c: [{ nope: 1 }] });
    expect(problems.map((p) => p.path)).toEqual(['a', 'b', 'c[0].nope']);
  });
  it('never throws and never hangs on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.anything()), (v) => {
        const problems = validatePattern(v as object);
        expect(Array.isArray(problems)).toBe(true);
        for (const p of problems) {
          expect(typeof p.path).toBe('string');
          expect(typeof p.message).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });
  it('turns fuzzed JSON text into problems, not exceptions', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(40), fc.string({ maxLength: 3 }), (text, cut, junk) => {
        const mangled = text.slice(0, cut) + junk + text.slice(cut);
        const problems = validatePattern(mangled);
        expect(Array.isArray(problems)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('survives deeply nested input and $or alternatives that multiply out (the test timeout catches a hang)', () => {
    expect(validatePattern('['.repeat(100000)).length).toBe(1);
    let p: unknown = { a: ['x'] };
    for (let i = 0; i < 30; i++) p = { $or: [p, { ['k' + i]: ['y'] }], ['z' + i]: ['q'] };
    expect(validatePattern(p as object)).toEqual([]);
    // Two alternatives at each of 11 levels multiply out to 2,048 ways to match: refused.
    let q: unknown = { a: ['x'] };
    for (let i = 0; i < 11; i++) q = { $or: [{ ['l' + i]: q }, { ['r' + i]: q }] };
    expect(validatePattern(q as object).map((x) => x.message).join()).toMatch(/more than 1024 ways/);
    expect(validatePattern({ a: [{ wildcard: '*a'.repeat(2000) }] })[0]?.message).toMatch(/too complex/);
  });
});

describe('assertValidPattern', () => {
  it('throws InvalidEventPatternError with the problems', () => {
    try {
      assertValidPattern({ source: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidEventPatternError);
      const err = e as InvalidEventPatternError;
      expect(err.name).toBe('InvalidEventPatternException');
      expect(err.problems[0]?.path).toBe('source');
      expect(err.message).toMatch(/source/);
    }
    expect(() => assertValidPattern({ source: ['x'] })).not.toThrow();
  });
});
