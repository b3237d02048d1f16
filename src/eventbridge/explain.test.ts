import { describe, expect, it } from 'vitest';
import { explainMatch, InvalidEventPatternError, testEventPattern } from './index.ts';
import { explanationLines } from './explain.ts';

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
  it('takes as closest the $or alternative with the fewest failing fields', () => {
    // Alternative 1 fails 2 of its 3 fields, alternative 2 its only field: 2 is closer.
    const p = { $or: [{ source: ['com.shop'], detail: { total: [1], status: ['x'] } }, { detail: { channel: ['web'] } }] };
    const x = explainMatch(p, event);
    expect(x.summary).toMatch(/the closest, alternative 2, failed because detail.channel is missing/);
    expect(x.fields.map((f) => f.path)).toEqual(['detail.channel']);
  });
  it('says when two $or alternatives are equally close, with each reason', () => {
    const x = explainMatch({ detail: { $or: [{ total: [1] }, { status: ['closed'] }] } }, event);
    expect(x.summary).toBe(
      'No match: none of the 2 $or alternatives matched; alternatives 1 and 2 are equally close (1 failing field each): ' +
        'alternative 1 failed because detail.total: 250 is not equal to 1; alternative 2 failed because detail.status: "open" is not equal to "closed".',
    );
  });
  it('names together the equally close alternatives that fail for the same reason', () => {
    const x = explainMatch({ detail: { $or: [{ total: [1] }, { status: ['closed'] }, { total: [2] }, { status: ['open'], total: [250], x: ['y'] }] } }, event);
    expect(x.summary).toMatch(/alternatives 1, 2, 3 and 4 are equally close \(1 failing field each\): alternative 1 failed because detail.total: 250 is not equal to 1; alternative 2 failed because .*; alternative 3 failed because detail.total: 250 is not equal to 2; and 1 more reason\.$/);
    const same = explainMatch({ $or: [{ source: ['com.bank'], detail: { total: [250] } }, { source: ['com.bank'], detail: { status: ['open'] } }, { detail: { status: ['closed'] } }] }, event);
    expect(same.summary).toMatch(/alternatives 1, 2 and 3 are equally close \(1 failing field each\): alternatives 1 and 2 failed because source: "com.shop" is not equal to "com.bank"; alternative 3 failed because detail.status: "open" is not equal to "closed"\.$/);
    expect(same.summary.split('com.bank').length).toBe(2);
  });
  it('gives a reason shared by equally close alternatives once', () => {
    const p = { source: ['com.bank'], $or: [{ detail: { total: [250] } }, { detail: { status: ['open'] } }] };
    const x = explainMatch(p, event);
    expect(x.summary).toMatch(/alternatives 1 and 2 are equally close \(1 failing field each\): both failed because source: "com.shop" is not equal to "com.bank"\.$/);
    expect(x.summary.split('com.bank').length).toBe(2);
  });
  it('suggests detail.<field> when a detail field is written at the top level', () => {
    const x = explainMatch({ source: ['com.shop'], status: ['open'] }, event);
    expect(x.fields[1]?.reason).toBe('status is missing; an exact match needs a value (the event has detail.status: put "status" inside "detail" in the pattern)');
    const nested = explainMatch({ items: { sku: ['A'] } }, event);
    expect(nested.fields[0]?.reason).toMatch(/the event has detail.items.sku: put "items" inside "detail"/);
    // No suggestion when the event has no such detail field either.
    expect(explainMatch({ colour: ['red'] }, event).fields[0]?.reason).toBe('colour is missing; an exact match needs a value');
  });
  it('never says the same reason twice in its lines', () => {
    const x = explainMatch({ source: ['com.shop'], status: ['open'], detail: { total: [1] } }, event);
    const lines = explanationLines(x);
    expect(lines[0]).toBe(x.summary);
    const reasons = x.fields.filter((f) => !f.matched).map((f) => f.reason as string);
    expect(reasons).toHaveLength(2);
    for (const r of reasons) expect(lines.filter((l) => l.includes(r))).toHaveLength(1);
    expect(new Set(lines).size).toBe(lines.length);
  });
  it('says a field is an object, not missing, when its value is an object', () => {
    const event = { detail: { x: { a: 1 } } };
    expect(explainMatch({ detail: { x: [{ exists: true }] } }, event).fields[0]?.reason).toBe('detail.x is an object, not a value; exists: true needs a value: match a field inside it, such as detail.x.a');
    expect(explainMatch({ detail: { x: ['a'] } }, event).fields[0]?.reason).toMatch(/^detail\.x is an object, not a value; an exact match needs a value/);
  });
});
