import { describe, expect, it } from 'vitest';
import { explainMatch, InvalidEventPatternError, testEventPattern } from './index.ts';

const event = {
  source: 'com.shop',
  detail: { total: 250, status: 'open', items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 5 }] },
};

describe('explainMatch', () => {
  it('explains a numeric failure with the value and the bound', () => {
    const x = explainMatch({ detail: { total: [{ numeric: ['>=', 300] }] } }, event);
    expect(x.matched).toBe(false);
    expect(x.fields).toEqual([{ path: 'detail.total', matched: false, values: [250], reason: 'detail.total: 250 is not >= 300' }]);
    expect(x.summary).toContain('detail.total: 250 is not >= 300');
  });
  it('says when anything-but has nothing to look at', () => {
    const x = explainMatch({ detail: { state: [{ 'anything-but': 'closed' }] } }, event);
    expect(x.fields[0]?.reason).toBe('detail.state is missing; anything-but needs a value');
  });
  it('lists matched fields with the values seen', () => {
    const x = explainMatch({ source: ['com.shop'], detail: { status: [{ prefix: 'op' }] } }, event);
    expect(x.matched).toBe(true);
    // Fields are listed in the order the pattern gives them.
    expect(x.fields.map((f) => [f.path, f.matched, f.values])).toEqual([
      ['source', true, ['com.shop']],
      ['detail.status', true, ['open']],
    ]);
    expect(x.summary).toMatch(/^Match/);
  });
  it('explains excluded values, exists:false and type mismatches', () => {
    expect(explainMatch({ detail: { status: [{ 'anything-but': ['open'] }] } }, event).fields[0]?.reason).toMatch(/"open" is excluded/);
    expect(explainMatch({ detail: { status: [{ exists: false }] } }, event).fields[0]?.reason).toMatch(/present .* absent/);
    expect(explainMatch({ detail: { total: ['250'] } }, event).fields[0]?.reason).toMatch(/only match JSON strings/);
  });
  it('phrases several event values and several allowed values without double negatives', () => {
    const x = explainMatch({ tags: ['c', 'd'] }, { tags: ['a', 'b'] });
    expect(x.fields[0]?.reason).toBe('tags: none of "a", "b" is one of "c", "d"');
    expect(explainMatch({ missing: [{ exists: true }] }, {}).fields[0]?.reason).toBe('missing is missing; exists: true needs a value');
  });
  it('explains values that match only in different array elements', () => {
    const x = explainMatch({ detail: { items: { sku: ['A'], qty: [5] } } }, event);
    expect(x.matched).toBe(false);
    expect(x.summary).toMatch(/different elements of the same array/);
  });
  it('names the $or alternative that matched, or the closest one', () => {
    const or = (a: unknown, b: unknown) => ({ source: ['com.shop'], $or: [a, b] });
    const hit = explainMatch(or({ detail: { total: [1] } }, { detail: { status: ['open'] } }), event);
    expect(hit.matched).toBe(true);
    expect(hit.summary).toMatch(/alternative 2 of 2/);
    const miss = explainMatch(or({ detail: { total: [1], status: ['x'] } }, { detail: { status: ['open'], total: [2] } }), event);
    expect(miss.matched).toBe(false);
    expect(miss.summary).toMatch(/none of the 2 \$or alternatives matched; the closest, alternative \d/);
  });
  it('agrees with testEventPattern and throws on invalid patterns', () => {
    const p = { detail: { items: { qty: [{ numeric: ['>', 2] }] } } };
    expect(explainMatch(p, event).matched).toBe(testEventPattern(p, event));
    expect(() => explainMatch({ detail: 1 }, event)).toThrow(InvalidEventPatternError);
  });
});
