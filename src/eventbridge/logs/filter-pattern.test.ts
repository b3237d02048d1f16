import { describe, expect, it } from 'vitest';
import { compileFilterPattern, matchesFilterPattern } from './filter-pattern.ts';

describe('filter patterns', () => {
  // [pattern, message, matches]
  const terms: [string, string, boolean][] = [
    ['', 'anything', true],
    ['a b', 'b then a', true],
    ['ERROR Exception', 'ERROR: NullPointer Exception', true],
    ['ERROR -Timeout', 'ERROR Timeout', false],
    ['?WARN ?ERROR', 'a WARN here', true],
    ['?WARN ?ERROR', 'all fine', false],
    ['"disk full"', 'full disk', false],
  ];
  it.each(terms)('terms: %j on %j is %s', (pattern, message, matches) => {
    expect(matchesFilterPattern(pattern, message)).toBe(matches);
  });

  it('JSON: selectors with arrays, numbers compared as numbers, wildcards, grouping', () => {
    const msg = JSON.stringify({ items: [{ sku: 'A-1', qty: 3 }], user: { id: 'u-9', admin: false }, latency: 1200.5 });
    expect(matchesFilterPattern('{ $.items[0].qty = 3 }', msg)).toBe(true);
    expect(matchesFilterPattern('{ $.items[1].qty = 3 }', msg)).toBe(false);
    expect(matchesFilterPattern('{ $.latency > 1000.25 }', msg)).toBe(true);
    expect(matchesFilterPattern('{ $.user.id = "u-*" }', msg)).toBe(true);
    expect(matchesFilterPattern('{ $.user.admin IS FALSE }', msg)).toBe(true);
    expect(matchesFilterPattern('{ ($.latency < 10 || $.items[0].sku = A-1) && $.user.id = u-9 }', msg)).toBe(true);
    expect(matchesFilterPattern('{ $.latency < 10 || ($.items[0].sku = B && $.user.id = u-9) }', msg)).toBe(false);
    expect(matchesFilterPattern('{ $.user.id = "u-9" }', 'not json')).toBe(false);
  });

  it('space-delimited: positions, quoted and bracketed fields, ellipsis', () => {
    const line = '127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /index.html HTTP/1.0" 404 1534';
    expect(matchesFilterPattern('[ip, identity, user, time, request, status = 404, size]', line)).toBe(true);
    expect(matchesFilterPattern('[ip, identity, user, time, request = "GET *", status, size > 2000]', line)).toBe(false);
    expect(matchesFilterPattern('[ip = 127.*, ..., size]', line)).toBe(true);
    expect(matchesFilterPattern('[ip, user]', line)).toBe(false); // too few fields without an ellipsis
    expect(matchesFilterPattern('[..., status = 404 || status = 500, size]', line)).toBe(true);
  });

  it('refuses what it does not model, naming it, with InvalidParameterException', () => {
    const refused: [string, RegExp][] = [
      ['%ERROR%', /regular expression/],
      ['{ $.items[*].qty = 3 }', /wildcard selector/],
      ['{ $.user EXISTS }', /NOT EXISTS/],
      ['{ $.a > "text" }', /needs a number/],
      ['{ $.a = 1', /must end with \}/],
      ['[a, , b]', /empty field/],
    ];
    for (const [pattern, why] of refused) {
      expect(() => compileFilterPattern(pattern), pattern).toThrow(why);
      expect(() => compileFilterPattern(pattern), pattern).toThrow(expect.objectContaining({ code: 'InvalidParameterException' }));
    }
  });
});
