// The building blocks: the JSON reader that keeps number text, exact-number detection,
// IP/CIDR reading, wildcard matching and case folding.
import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonSyntaxError, parseJsonText } from './json-text.ts';
import { comparableValue } from './numbers.ts';
import { hexInRange, ipHex, parseCidr } from './ip-address.ts';
import { parseWildcard, wildcardComplexity, wildcardMatches } from './wildcard.ts';
import { caseFoldMatcher } from './case-fold.ts';
import { flattenEvent, buildPathTrie } from './event-flatten.ts';

describe('parseJsonText', () => {
  it('keeps the source text of numbers', () => {
    const v = parseJsonText('{"a":[3.0, 9007199254740993, -0, 1E400]}') as { a: JsonNumber[] };
    expect(v.a.map((n) => n.text)).toEqual(['3.0', '9007199254740993', '-0', '1E400']);
  });
  it('decodes escapes, lets the last duplicate key win, and rejects bad JSON with a position', () => {
    expect(parseJsonText('{"k":"caf\\u00e9 \\"x\\"","k2":1,"k":2}')).toEqual(expect.objectContaining({ k: new JsonNumber('2') }));
    for (const bad of ['{"a":01}', '{"a":1,}', "{'a':1}", '{"a":NaN}', '[1] x', '"\u0001"', '{"a":.5}']) {
      expect(() => parseJsonText(bad), bad).toThrow(JsonSyntaxError);
    }
    expect(() => parseJsonText('{\n "a": tru }')).toThrow(/line 2/);
  });
});

describe('comparableValue', () => {
  it('accepts numbers whose text is exactly a double', () => {
    expect(comparableValue('3.0')).toBe(3);
    expect(comparableValue('3e0')).toBe(3);
    expect(comparableValue('-0.0')).toBe(0);
    expect(comparableValue('1.5000000000000002')).toBe(1.5000000000000002);
    expect(comparableValue('1e-310')).toBe(1e-310);
  });
  it('refuses numbers a double cannot hold exactly, or at all', () => {
    expect(comparableValue('9007199254740993')).toBeUndefined();
    expect(comparableValue('0.10000000000000001')).toBeUndefined();
    expect(comparableValue('1e400')).toBeUndefined();
  });
});

describe('IP addresses', () => {
  it('normalises spellings to hex', () => {
    expect(ipHex('10.0.0.1')).toBe('0A000001');
    expect(ipHex('::1')).toBe(ipHex('0:0:0:0:0:0:0:1'));
    expect(ipHex('2001:DB8::A')).toBe(ipHex('2001:db8::a'));
    expect(ipHex('::ffff:a00:1')).toBe('0A000001');
    expect(ipHex('10.0.0.256')).toBeUndefined();
    expect(ipHex('1::2::3')).toBeUndefined();
    expect(ipHex('hello')).toBeUndefined();
  });
  it('reads CIDR blocks like the service', () => {
    const r = parseCidr('192.168.4.0/22');
    expect(r.ok && r.range).toEqual({ lo: 'C0A80400', hi: 'C0A807FF' });
    expect(parseCidr('10.0.0.0/32').ok).toBe(false);
    expect(parseCidr('10.0.0.0/-1').ok).toBe(false);
    const v6 = parseCidr('2001:db8::/32');
    expect(v6.ok && hexInRange(ipHex('2001:db8:ffff::1') as string, v6.range)).toBe(true);
  });
});

describe('wildcards', () => {
  const m = (p: string, s: string) => {
    const w = parseWildcard(p);
    if (!w.ok) throw new Error(w.message);
    return wildcardMatches(w.pattern, s);
  };
  it('matches stars anywhere, including empty runs', () => {
    expect(m('a*b*c', 'abc')).toBe(true);
    expect(m('a*b*c', 'aXbYc')).toBe(true);
    expect(m('a*b*c', 'acb')).toBe(false);
    expect(m('*', '')).toBe(true);
    expect(m('', '')).toBe(true);
    expect(m('', 'x')).toBe(false);
    expect(m('a\\*', 'a*')).toBe(true);
    expect(m('a\\\\*', 'a\\xyz')).toBe(true);
    expect(m('ab*ab', 'ab')).toBe(false);
  });
  it('scores repetition-heavy patterns as complex', () => {
    const score = (p: string) => {
      const w = parseWildcard(p);
      return w.ok ? wildcardComplexity(w.pattern) : -1;
    };
    expect(score('*:*:*:*:*:event-bus/*')).toBeGreaterThan(10);
    expect(score('/Users/*/dir/dir/dir/dir/dir/doc.txt')).toBeLessThanOrEqual(10);
  });
});

describe('equals-ignore-case', () => {
  it('folds ASCII and other scripts per character', () => {
    expect(caseFoldMatcher('Hello', 'whole')('hELLO')).toBe(true);
    expect(caseFoldMatcher('ÇÃO', 'suffix')('informação')).toBe(true);
    expect(caseFoldMatcher('straße', 'whole')('STRASSE')).toBe(true);
    expect(caseFoldMatcher('k', 'whole')('\u212a')).toBe(false);
    expect(caseFoldMatcher('abc', 'prefix')('ABCdef')).toBe(true);
  });
});

describe('flattenEvent', () => {
  it('joins keys with dots, skips empty containers and tracks array elements', () => {
    const ev = flattenEvent('{"a":{"b.c":1,"d":[]},"e":[{"f":"x"},{"f":"y"}],"g":{}}');
    expect([...ev.byPath.keys()]).toEqual(['a.b.c', 'e.f']);
    const [x, y] = ev.byPath.get('e.f') ?? [];
    expect(x?.arrays[1]).toBe(0);
    expect(y?.arrays[1]).toBe(1);
  });
  it('gives the same leaves for text and for parsed input', () => {
    const text = '{"a":[1,{"b":"x"}],"c":null,"d":true}';
    const strip = (e: ReturnType<typeof flattenEvent>) => e.leaves.map((l) => [l.path, l.kind, l.s]);
    expect(strip(flattenEvent(text))).toEqual(strip(flattenEvent(JSON.parse(text) as object)));
  });
  it('can skip paths nobody asked for', () => {
    const trie = buildPathTrie(['a.b'], new Map([['a.b', 0]]));
    const ev = flattenEvent('{"z":"skip \\" me","a":{"b":"x","q":[1,2]},"a.b":"y"}', trie);
    expect((ev.slots?.[0] as unknown as { s: string }[]).map((l) => l.s)).toEqual(['x', 'y']);
  });
  it('rejects events that are not JSON objects', () => {
    expect(() => flattenEvent('[1]')).toThrow(/JSON object/);
    expect(() => flattenEvent('{"a":')).toThrow(/not valid JSON/);
  });
});
