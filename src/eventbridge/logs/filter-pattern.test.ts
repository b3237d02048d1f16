import { describe, expect, it } from 'vitest';
import { compileFilterPattern, matchesFilterPattern } from './filter-pattern.ts';

const refusal = (pattern: string): string => {
  try {
    compileFilterPattern(pattern);
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
  return 'accepted';
};

describe('filter patterns', () => {
  it('terms: all, exclusions, any-of, quoted phrases', () => {
    expect(matchesFilterPattern('ERROR Exception', 'ERROR: NullPointer Exception')).toBe(true);
    expect(matchesFilterPattern('ERROR -Timeout', 'ERROR Timeout')).toBe(false);
    expect(matchesFilterPattern('?WARN ?ERROR', 'a WARN here')).toBe(true);
    expect(matchesFilterPattern('?WARN ?ERROR', 'all fine')).toBe(false);
    expect(matchesFilterPattern('"disk full"', 'full disk')).toBe(false);
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
    expect(refusal('%ERROR%')).toMatch(/^InvalidParameterException: .*regular expression/);
    expect(refusal('{ $.items[*].qty = 3 }')).toMatch(/^InvalidParameterException: .*wildcard selector/);
    expect(refusal('{ $.user EXISTS }')).toMatch(/^InvalidParameterException: .*NOT EXISTS/);
    expect(refusal('{ $.a > "text" }')).toMatch(/^InvalidParameterException: .*needs a number/);
    expect(refusal('{ $.a = 1')).toMatch(/^InvalidParameterException: .*must end with \}/);
    expect(refusal('[a, , b]')).toMatch(/^InvalidParameterException: .*empty field/);
  });
});
