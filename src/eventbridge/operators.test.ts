// One block per content-filter operator, following the behaviour the AWS EventBridge
// documentation describes (examples rewritten in our own words and data).
import { describe, expect, it } from 'vitest';
import { RuleMachine, testEventPattern, validatePattern } from './index.ts';

/** Checks a verdict through both matchers so they can never drift apart. */
function verdict(pattern: unknown, event: unknown): boolean {
  const p = typeof pattern === 'string' ? pattern : JSON.stringify(pattern);
  const e = typeof event === 'string' ? event : JSON.stringify(event);
  const ref = testEventPattern(p, e);
  const m = new RuleMachine();
  m.addRule('r', p);
  expect(m.matchingRules(e)).toEqual(ref ? ['r'] : []);
  // Parsed objects give the same answer as text when no number spelling is involved.
  if (typeof pattern !== 'string' && typeof event !== 'string') expect(testEventPattern(pattern as object, event as object)).toBe(ref);
  return ref;
}

const order = (detail: Record<string, unknown>) => ({
  version: '0',
  id: 'e-1',
  source: 'com.shop.orders',
  'detail-type': 'OrderPlaced',
  account: '111122223333',
  region: 'eu-west-1',
  time: '2025-01-02T03:04:05Z',
  resources: ['arn:aws:shop:eu-west-1:111122223333:order/42'],
  detail,
});

describe('exact values', () => {
  it('matches strings exactly and case-sensitively', () => {
    expect(verdict({ source: ['com.shop.orders'] }, order({}))).toBe(true);
    expect(verdict({ source: ['COM.shop.orders'] }, order({}))).toBe(false);
  });
  it('treats the list as OR', () => {
    expect(verdict({ region: ['us-east-1', 'eu-west-1'] }, order({}))).toBe(true);
    expect(verdict({ region: ['us-east-1', 'us-west-2'] }, order({}))).toBe(false);
  });
  it('keeps types apart: "5" is not 5, "true" is not true, "null" is not null', () => {
    expect(verdict({ detail: { n: ['5'] } }, order({ n: 5 }))).toBe(false);
    expect(verdict({ detail: { n: [5] } }, order({ n: '5' }))).toBe(false);
    expect(verdict({ detail: { b: [true] } }, order({ b: true }))).toBe(true);
    expect(verdict({ detail: { b: ['true'] } }, order({ b: true }))).toBe(false);
    expect(verdict({ detail: { c: [null] } }, order({ c: null }))).toBe(true);
    expect(verdict({ detail: { c: [null] } }, order({ c: 'null' }))).toBe(false);
    expect(verdict({ detail: { c: [null] } }, order({}))).toBe(false);
  });
  it('compares numbers by value: 300, 300.0 and 3e2 are equal', () => {
    expect(verdict('{"detail":{"n":[300]}}', '{"detail":{"n":300.0}}')).toBe(true);
    expect(verdict('{"detail":{"n":[3e2]}}', '{"detail":{"n":300}}')).toBe(true);
    expect(verdict('{"detail":{"n":[300]}}', '{"detail":{"n":300.5}}')).toBe(false);
  });
  it('matches numbers a double cannot hold exactly only by their written text', () => {
    expect(verdict('{"detail":{"n":[9007199254740993]}}', '{"detail":{"n":9007199254740993}}')).toBe(true);
    expect(verdict('{"detail":{"n":[9007199254740993]}}', '{"detail":{"n":9007199254740992}}')).toBe(false);
    expect(verdict('{"detail":{"n":[1e400]}}', '{"detail":{"n":1E400}}')).toBe(false);
  });
  it('matches any element of an array in the event', () => {
    expect(verdict({ detail: { tags: ['gift'] } }, order({ tags: ['priority', 'gift'] }))).toBe(true);
    expect(verdict({ detail: { tags: ['gift'] } }, order({ tags: [] }))).toBe(false);
  });
  it('follows nested objects and does not match an object with a value', () => {
    expect(verdict({ detail: { customer: { tier: ['gold'] } } }, order({ customer: { tier: 'gold' } }))).toBe(true);
    expect(verdict({ detail: { customer: ['gold'] } }, order({ customer: { tier: 'gold' } }))).toBe(false);
  });
  it('joins keys with dots, so a dotted key and a nested key are the same field', () => {
    expect(verdict({ detail: { 'a.b': ['x'] } }, order({ a: { b: 'x' } }))).toBe(true);
    expect(verdict({ detail: { a: { b: ['x'] } } }, order({ 'a.b': 'x' }))).toBe(true);
  });
  it('requires every field (AND) to match', () => {
    expect(verdict({ source: ['com.shop.orders'], detail: { state: ['paid'] } }, order({ state: 'open' }))).toBe(false);
  });
  it('matches the empty string only to the empty string', () => {
    expect(verdict({ detail: { note: [''] } }, order({ note: '' }))).toBe(true);
    expect(verdict({ detail: { note: [''] } }, order({ note: ' ' }))).toBe(false);
  });
  it('keeps fields matched together inside one element of an array of objects', () => {
    const ev = order({ items: [{ sku: 'A', qty: 1 }, { sku: 'B', qty: 9 }] });
    expect(verdict({ detail: { items: { sku: ['A'], qty: [1] } } }, ev)).toBe(true);
    expect(verdict({ detail: { items: { sku: ['A'], qty: [9] } } }, ev)).toBe(false);
  });
});

// exactly is event-ruler's exact-match operator (EventBridge runs event-ruler; AWS's
// documentation does not list it). It takes a string only and compares it character for character.
describe('exactly', () => {
  it('matches the string itself, case-sensitively, and only strings', () => {
    expect(verdict({ detail: { s: [{ exactly: 'open' }] } }, order({ s: 'open' }))).toBe(true);
    expect(verdict({ detail: { s: [{ exactly: 'open' }] } }, order({ s: 'Open' }))).toBe(false);
    expect(verdict({ detail: { s: [{ exactly: 'open' }] } }, order({ s: 'opened' }))).toBe(false);
    expect(verdict({ detail: { n: [{ exactly: '5' }] } }, order({ n: 5 }))).toBe(false);
    expect(verdict({ detail: { s: [{ exactly: '' }] } }, order({ s: '' }))).toBe(true);
    expect(verdict({ detail: { s: [{ exactly: 'a' }, { exactly: 'b' }] } }, order({ s: ['c', 'b'] }))).toBe(true);
  });
  it('compares an IP-looking string as text, where a plain value compares addresses', () => {
    expect(verdict({ detail: { ip: ['10.0.0.1'] } }, order({ ip: '10.0.0.1' }))).toBe(true);
    expect(verdict({ detail: { ip: [{ exactly: '10.0.0.1' }] } }, order({ ip: '10.0.0.1' }))).toBe(true);
    expect(verdict({ detail: { ip: ['2001:db8::1'] } }, order({ ip: '2001:DB8::1' }))).toBe(true);
    expect(verdict({ detail: { ip: [{ exactly: '2001:db8::1' }] } }, order({ ip: '2001:DB8::1' }))).toBe(false);
  });
  it('shares its condition with the same plain string in another rule', () => {
    const m = new RuleMachine();
    m.addRule('plain', { source: ['com.shop.orders'], detail: { s: ['open'] } });
    m.addRule('exactly', { source: ['com.shop.orders'], detail: { s: [{ exactly: 'open' }] } });
    expect(m.matchingRules(order({ s: 'open' }))).toEqual(['exactly', 'plain']);
    m.deleteRule('plain');
    expect(m.matchingRules(order({ s: 'open' }))).toEqual(['exactly']);
  });
  it('takes only a string, alone in its object', () => {
    for (const operand of [33, null, true, ['x'], { prefix: 'x' }]) {
      expect(validatePattern({ a: [{ exactly: operand }] })[0]?.message).toMatch(/exactly must be a string/);
    }
    expect(validatePattern({ a: [{ exactly: 'x', prefix: 'y' }] })[0]?.message).toMatch(/Only one operator/);
    expect(validatePattern({ a: [{ Exactly: 'x' }] })[0]?.message).toMatch(/did you mean "exactly"/);
    expect(validatePattern({ $or: [{ exactly: ['x'] }, { b: ['y'] }] })[0]?.message).toMatch(/reserved/);
  });
});

describe('prefix and suffix', () => {
  it('matches the start of a string', () => {
    expect(verdict({ time: [{ prefix: '2025-01' }] }, order({}))).toBe(true);
    expect(verdict({ time: [{ prefix: '2024' }] }, order({}))).toBe(false);
  });
  it('matches the end of a string', () => {
    expect(verdict({ detail: { file: [{ suffix: '.png' }] } }, order({ file: 'cat.png' }))).toBe(true);
    expect(verdict({ detail: { file: [{ suffix: '.png' }] } }, order({ file: 'cat.PNG' }))).toBe(false);
  });
  it('never matches numbers or booleans', () => {
    expect(verdict({ detail: { n: [{ prefix: '12' }] } }, order({ n: 123 }))).toBe(false);
    expect(verdict({ detail: { n: [{ suffix: 'ue' }] } }, order({ n: true }))).toBe(false);
  });
  it('supports equals-ignore-case inside prefix and suffix', () => {
    expect(verdict({ detail: { file: [{ prefix: { 'equals-ignore-case': 'CAT' } }] } }, order({ file: 'cat.png' }))).toBe(true);
    expect(verdict({ detail: { file: [{ suffix: { 'equals-ignore-case': '.PNG' } }] } }, order({ file: 'cat.png' }))).toBe(true);
    expect(verdict({ detail: { file: [{ suffix: { 'equals-ignore-case': '.JPG' } }] } }, order({ file: 'cat.png' }))).toBe(false);
  });
});

describe('equals-ignore-case', () => {
  it('ignores case, including beyond ASCII', () => {
    expect(verdict({ 'detail-type': [{ 'equals-ignore-case': 'orderplaced' }] }, order({}))).toBe(true);
    expect(verdict({ detail: { city: [{ 'equals-ignore-case': 'ÉCOLE' }] } }, order({ city: 'école' }))).toBe(true);
    expect(verdict({ detail: { city: [{ 'equals-ignore-case': 'ecole' }] } }, order({ city: 'école' }))).toBe(false);
  });
});

describe('anything-but', () => {
  it('matches any value except the listed ones', () => {
    expect(verdict({ detail: { state: [{ 'anything-but': 'initializing' }] } }, order({ state: 'running' }))).toBe(true);
    expect(verdict({ detail: { state: [{ 'anything-but': ['a', 'running'] }] } }, order({ state: 'running' }))).toBe(false);
    expect(verdict({ detail: { n: [{ 'anything-but': [100, 200] }] } }, order({ n: 200 }))).toBe(false);
    expect(verdict({ detail: { n: [{ 'anything-but': [100, 200] }] } }, order({ n: 201 }))).toBe(true);
  });
  it('needs the field to be present, but null counts as a value', () => {
    expect(verdict({ detail: { state: [{ 'anything-but': 'x' }] } }, order({}))).toBe(false);
    expect(verdict({ detail: { state: [{ 'anything-but': 'x' }] } }, order({ state: null }))).toBe(true);
  });
  it('has prefix, suffix, equals-ignore-case and wildcard forms', () => {
    expect(verdict({ detail: { s: [{ 'anything-but': { prefix: 'init' } }] } }, order({ s: 'initial' }))).toBe(false);
    expect(verdict({ detail: { s: [{ 'anything-but': { prefix: 'init' } }] } }, order({ s: 'done' }))).toBe(true);
    expect(verdict({ detail: { s: [{ 'anything-but': { suffix: ['.tmp', '.bak'] } }] } }, order({ s: 'a.bak' }))).toBe(false);
    expect(verdict({ detail: { s: [{ 'anything-but': { 'equals-ignore-case': 'DONE' } }] } }, order({ s: 'done' }))).toBe(false);
    expect(verdict({ detail: { s: [{ 'anything-but': { wildcard: '*/tmp/*' } }] } }, order({ s: '/var/tmp/x' }))).toBe(false);
    expect(verdict({ detail: { s: [{ 'anything-but': { wildcard: '*/tmp/*' } }] } }, order({ s: '/var/log/x' }))).toBe(true);
  });
  it('lets values of another type through', () => {
    expect(verdict({ detail: { s: [{ 'anything-but': '5' }] } }, order({ s: 5 }))).toBe(true);
    expect(verdict({ detail: { s: [{ 'anything-but': { prefix: '1' } }] } }, order({ s: 12 }))).toBe(true);
  });
  it('passes when any element of an event array is not excluded', () => {
    expect(verdict({ detail: { tags: [{ 'anything-but': 'gift' }] } }, order({ tags: ['gift', 'x'] }))).toBe(true);
    expect(verdict({ detail: { tags: [{ 'anything-but': 'gift' }] } }, order({ tags: ['gift'] }))).toBe(false);
  });
});

describe('numeric', () => {
  const n = (x: number) => order({ total: x });
  it('supports =, <, <=, >, >=', () => {
    expect(verdict({ detail: { total: [{ numeric: ['=', 10] }] } }, n(10))).toBe(true);
    expect(verdict({ detail: { total: [{ numeric: ['<', 10] }] } }, n(10))).toBe(false);
    expect(verdict({ detail: { total: [{ numeric: ['<=', 10] }] } }, n(10))).toBe(true);
    expect(verdict({ detail: { total: [{ numeric: ['>', 10] }] } }, n(10.5))).toBe(true);
    expect(verdict({ detail: { total: [{ numeric: ['>=', 10] }] } }, n(9.99))).toBe(false);
  });
  it('supports ranges with open and closed ends', () => {
    const p = { detail: { total: [{ numeric: ['>', 0, '<=', 5] }] } };
    expect(verdict(p, n(0))).toBe(false);
    expect(verdict(p, n(5))).toBe(true);
    expect(verdict(p, n(5.000001))).toBe(false);
  });
  it('handles negative numbers and the two zeros', () => {
    expect(verdict({ detail: { total: [{ numeric: ['<', -1] }] } }, n(-1.5))).toBe(true);
    expect(verdict('{"detail":{"total":[{"numeric":["=",0]}]}}', '{"detail":{"total":-0.0}}')).toBe(true);
  });
  it('ignores strings that look like numbers', () => {
    expect(verdict({ detail: { total: [{ numeric: ['>', 1] }] } }, order({ total: '5' }))).toBe(false);
  });
  it('does not compare numbers a double cannot hold exactly', () => {
    expect(verdict('{"detail":{"n":[{"numeric":[">",0]}]}}', '{"detail":{"n":0.10000000000000001}}')).toBe(false);
    expect(verdict('{"detail":{"n":[{"numeric":[">",0]}]}}', '{"detail":{"n":0.1}}')).toBe(true);
  });
});

describe('exists', () => {
  it('tests for presence of a leaf value', () => {
    expect(verdict({ detail: { state: [{ exists: true }] } }, order({ state: 'x' }))).toBe(true);
    expect(verdict({ detail: { state: [{ exists: true }] } }, order({ state: null }))).toBe(true);
    expect(verdict({ detail: { state: [{ exists: true }] } }, order({}))).toBe(false);
    expect(verdict({ detail: { state: [{ exists: false }] } }, order({}))).toBe(true);
    expect(verdict({ detail: { state: [{ exists: false }] } }, order({ state: 'x' }))).toBe(false);
  });
  it('counts empty arrays and objects, and intermediate objects, as absent', () => {
    expect(verdict({ detail: { tags: [{ exists: false }] } }, order({ tags: [] }))).toBe(true);
    expect(verdict({ detail: { flags: [{ exists: true }] } }, order({ flags: {} }))).toBe(false);
    expect(verdict({ detail: { customer: [{ exists: true }] } }, order({ customer: { id: 1 } }))).toBe(false);
  });
  it('combines with values as OR', () => {
    const p = { detail: { coupon: [{ exists: false }, 'SPRING'] } };
    expect(verdict(p, order({}))).toBe(true);
    expect(verdict(p, order({ coupon: 'SPRING' }))).toBe(true);
    expect(verdict(p, order({ coupon: 'WINTER' }))).toBe(false);
  });
});

describe('cidr and IP addresses', () => {
  it('matches IPv4 blocks', () => {
    const p = { detail: { ip: [{ cidr: '10.0.0.0/24' }] } };
    expect(verdict(p, order({ ip: '10.0.0.255' }))).toBe(true);
    expect(verdict(p, order({ ip: '10.0.1.0' }))).toBe(false);
    expect(verdict(p, order({ ip: 'not-an-ip' }))).toBe(false);
  });
  it('matches IPv6 blocks whatever the spelling', () => {
    const p = { detail: { ip: [{ cidr: '2001:db8::/32' }] } };
    expect(verdict(p, order({ ip: '2001:0DB8:0000:0000:0000:0000:0000:0001' }))).toBe(true);
    expect(verdict(p, order({ ip: '2001:db9::1' }))).toBe(false);
  });
  it('reads IP-looking strings as addresses for IP matchers only; other operators still see the text', () => {
    // aws/event-ruler fixed this in 2023 (PR 131): IP matching no longer hides the string.
    expect(verdict({ $or: [{ ip: ['10.0.0.1'] }, { ip: [{ prefix: '10.' }] }] }, { ip: '10.0.0.5' })).toBe(true);
    expect(verdict({ ip: [{ cidr: '10.0.0.0/8' }, { numeric: ['>', 0] }] }, { ip: '10.0.0.5' })).toBe(true);
    expect(verdict({ ip: [{ cidr: '10.0.0.0/8' }, { 'anything-but': '10.0.0.5' }] }, { ip: '10.0.0.5' })).toBe(true);
    expect(verdict({ ip: [{ cidr: '11.0.0.0/8' }, { 'anything-but': '10.0.0.5' }] }, { ip: '10.0.0.5' })).toBe(false);
  });
  it('compares plain IP values as addresses', () => {
    expect(verdict({ detail: { ip: ['::1'] } }, order({ ip: '0:0:0:0:0:0:0:1' }))).toBe(true);
    expect(verdict({ detail: { ip: ['10.0.0.1'] } }, order({ ip: '10.0.0.2' }))).toBe(false);
  });
});

describe('wildcard', () => {
  it('matches * against any run of characters', () => {
    const p = { detail: { key: [{ wildcard: 'photos/*.png' }] } };
    expect(verdict(p, order({ key: 'photos/2025/cat.png' }))).toBe(true);
    expect(verdict(p, order({ key: 'photos/.png' }))).toBe(true);
    expect(verdict(p, order({ key: 'videos/cat.png' }))).toBe(false);
  });
  it('treats an escaped star as a literal star', () => {
    const p = { detail: { key: [{ wildcard: 'a\\*b' }] } };
    expect(verdict(p, order({ key: 'a*b' }))).toBe(true);
    expect(verdict(p, order({ key: 'axxb' }))).toBe(false);
  });
  it('is an exact match when there is no star', () => {
    expect(verdict({ detail: { key: [{ wildcard: 'abc' }] } }, order({ key: 'abcd' }))).toBe(false);
  });
});

describe('$or', () => {
  it('matches when any alternative matches', () => {
    const p = { source: ['com.shop.orders'], $or: [{ detail: { total: [{ numeric: ['>', 100] }] } }, { detail: { vip: [true] } }] };
    expect(verdict(p, order({ total: 5, vip: true }))).toBe(true);
    expect(verdict(p, order({ total: 500 }))).toBe(true);
    expect(verdict(p, order({ total: 5 }))).toBe(false);
  });
  it('works nested and inside an object', () => {
    const p = { detail: { $or: [{ a: ['1'] }, { $or: [{ b: ['2'] }, { c: ['3'] }] }] } };
    expect(verdict(p, order({ c: '3' }))).toBe(true);
    expect(verdict(p, order({ d: '4' }))).toBe(false);
  });
});
