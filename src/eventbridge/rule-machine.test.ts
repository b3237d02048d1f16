import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InvalidEventPatternError, RuleMachine, testEventPattern, validatePattern } from './index.ts';
import { MATCHER_KINDS } from './matcher-kinds.ts';
import { DENSE_SOURCES, makeDenseRules, makeEvents, referenceNames } from '../../scripts/bench-engine.ts';

const RULES: Record<string, object> = {
  k: { a: [{ 'equals-ignore-case': 'k' }] },
  zurich: { a: [{ 'equals-ignore-case': 'Zürich' }] },
  ip: { a: ['10.0.0.1'] },
  ip6: { a: ['2001:db8::1'] },
  'not-x': { a: [{ 'anything-but': ['x', 'y'] }] },
  'not-5': { a: [{ 'anything-but': [5] }] },
};
const ruleOf = (name: string): object => RULES[name] as object;

describe('RuleMachine', () => {
  it('returns the sorted names of matching rules', () => {
    const m = new RuleMachine();
    m.addRule('zeta', { source: ['shop'] });
    m.addRule('alpha', { source: ['shop'], detail: { total: [{ numeric: ['>', 10] }] } });
    m.addRule('other', { source: ['bank'] });
    expect(m.matchingRules({ source: 'shop', detail: { total: 20 } })).toEqual(['alpha', 'zeta']);
    expect(m.matchingRules('{"source":"shop","detail":{"total":5}}')).toEqual(['zeta']);
  });
  it('replaces a rule added again under the same name, and deletes rules', () => {
    const m = new RuleMachine();
    m.addRule('r', { source: ['a'] });
    m.addRule('r', { source: ['b'] });
    expect(m.matchingRules({ source: 'a' })).toEqual([]);
    expect(m.matchingRules({ source: 'b' })).toEqual(['r']);
    m.deleteRule('r');
    expect(m.matchingRules({ source: 'b' })).toEqual([]);
    m.deleteRule('never-added');
  });
  it('keeps shared parts alive when one of two identical rules is deleted', () => {
    const m = new RuleMachine();
    m.addRule('one', { source: ['a'], detail: { x: [1] } });
    m.addRule('two', { source: ['a'], detail: { x: [1] } });
    m.deleteRule('one');
    expect(m.matchingRules({ source: 'a', detail: { x: 1 } })).toEqual(['two']);
  });
  it('matches rules made only of exists:false', () => {
    const m = new RuleMachine();
    m.addRule('no-error', { detail: { error: [{ exists: false }] } });
    expect(m.matchingRules({ detail: {} })).toEqual(['no-error']);
    expect(m.matchingRules({ detail: { error: 'x' } })).toEqual([]);
  });
  it('matches $or rules once', () => {
    const m = new RuleMachine();
    m.addRule('either', { $or: [{ a: ['1'] }, { b: ['2'] }] });
    expect(m.matchingRules({ a: '1', b: '2' })).toEqual(['either']);
  });
  it('reads numbers by their text even when JSON.parse would round them', () => {
    const m = new RuleMachine();
    m.addRule('positive', '{"detail":{"amount":[{"numeric":[">",0]}]}}');
    m.addRule('exact', '{"detail":{"amount":[0.10000000000000001]}}');
    expect(m.matchingRules('{"detail":{"amount":0.1}}')).toEqual(['positive']);
    expect(m.matchingRules('{"detail":{"amount":0.10000000000000001}}')).toEqual(['exact']);
    expect(m.matchingRules('{"x":{"amount":5},"detail":{"\\u0061mount":1.00000000000000001}}')).toEqual([]);
    expect(m.matchingRules('{"detail":{"amount":[1e400]}}')).toEqual([]);
  });
  it('indexes equals-ignore-case, IP addresses and anything-but without changing verdicts', () => {
    const m = new RuleMachine();
    for (const [name, p] of Object.entries(RULES)) m.addRule(name, p);
    // The Kelvin sign lower-cases to "k" in JavaScript, but EventBridge does not fold it.
    expect(m.matchingRules({ a: '\u212a' })).toEqual(['not-5', 'not-x']);
    expect(m.matchingRules({ a: 'K' })).toEqual(['k', 'not-5', 'not-x']);
    expect(m.matchingRules({ a: 'ZÜRICH' })).toEqual(['not-5', 'not-x', 'zurich']);
    expect(m.matchingRules({ a: '2001:DB8:0::1' })).toEqual(['ip6', 'not-5', 'not-x']);
    expect(m.matchingRules({ a: '10.0.0.1' })).toEqual(['ip', 'not-5', 'not-x']);
    expect(m.matchingRules({ a: 'x' })).toEqual(['not-5']);
    expect(m.matchingRules({ a: 5 })).toEqual(['not-x']);
    expect(m.matchingRules({ a: null })).toEqual(['not-5', 'not-x']);
    for (const a of ['\u212a', 'K', 'ZÜRICH', '2001:DB8:0::1', '10.0.0.1', 'x', 5, null]) {
      const want = m.ruleNames().filter((n) => testEventPattern(JSON.stringify(ruleOf(n)), { a }));
      expect(m.matchingRules({ a }), String(a)).toEqual(want);
    }
  });
  it('fails loudly, never by a silent linear scan, when a kind names an index it cannot use', () => {
    const row = MATCHER_KINDS.wildcard as { index: string };
    const saved = row.index;
    try {
      for (const [index, message] of [['exact', /"wildcard" names the index "exact", which holds other kinds/], ['no-such-index', /does not have/]] as const) {
        row.index = index;
        const m = new RuleMachine();
        m.addRule('w', { a: [{ wildcard: 'x*' }] });
        expect(() => m.matchingRules({ a: 'xy' })).toThrow(message);
      }
    } finally {
      row.index = saved;
    }
    const m = new RuleMachine();
    m.addRule('w', { a: [{ wildcard: 'x*' }] });
    expect(m.matchingRules({ a: 'xy' })).toEqual(['w']);
  });
  it('rejects invalid patterns with InvalidEventPatternError and keeps the old rule', () => {
    const m = new RuleMachine();
    m.addRule('r', { a: ['1'] });
    expect(() => m.addRule('r', { a: 1 })).toThrow(InvalidEventPatternError);
    expect(m.matchingRules({ a: '1' })).toEqual(['r']);
  });
});

// ---- property tests: the RuleMachine always agrees with the reference matcher ----

const key = fc.constantFrom('a', 'b', 'c', 'x.y');
const str = fc.constantFrom('x', 'xy', 'X', 'XY', 'yx', '', 'a*b', '10.0.0.1', '10.0.0.9', '::1', '0:0::0001', 'Zürich', 'ZÜRICH', '\u212a', 'k', '5');
const num = fc.constantFrom('0', '1', '5', '5.0', '-1', '2.5', '100', '1e2', '-0.0', '9007199254740993', '0.10000000000000001', '1e400', '1e-400', '123456789.1234567');
const scalarText = fc.oneof(
  str.map((s) => JSON.stringify(s)),
  num,
  fc.constantFrom('true', 'false', 'null'),
);

const matcherText = fc.oneof(
  scalarText,
  str.map((s) => JSON.stringify({ exactly: s })),
  str.map((s) => JSON.stringify({ prefix: s })),
  str.map((s) => JSON.stringify({ suffix: s })),
  str.map((s) => JSON.stringify({ 'equals-ignore-case': s })),
  str.map((s) => JSON.stringify({ prefix: { 'equals-ignore-case': s } })),
  fc.constantFrom('x*', '*y', '*', 'a\\*b', 'x*y', '').map((w) => JSON.stringify({ wildcard: w })),
  str.map((s) => JSON.stringify({ 'anything-but': s })),
  fc.array(num, { minLength: 1, maxLength: 2 }).map((ns) => `{"anything-but":[${ns.join(',')}]}`),
  str.filter((s) => s !== '').map((s) => JSON.stringify({ 'anything-but': { prefix: s } })),
  str.map((s) => JSON.stringify({ 'anything-but': { 'equals-ignore-case': [s] } })),
  fc.constantFrom('x*', '*').map((w) => JSON.stringify({ 'anything-but': { wildcard: w } })),
  fc.tuple(fc.constantFrom('>', '>=', '<', '<=', '='), fc.constantFrom('0', '1', '5', '2.5', '-1')).map(([o, n]) => `{"numeric":["${o}",${n}]}`),
  fc.constantFrom('{"numeric":[">",0,"<=",5]}', '{"numeric":[">=",-1,"<",2.5]}'),
  fc.boolean().map((b) => `{"exists":${b}}`),
  fc.constantFrom('10.0.0.0/24', '10.0.0.0/8', '::/1').map((c) => JSON.stringify({ cidr: c })),
);

const fieldList = fc.array(matcherText, { minLength: 1, maxLength: 3 }).map((ms) => `[${ms.join(',')}]`);
const flatFields = fc.uniqueArray(fc.tuple(key, fieldList), { minLength: 1, maxLength: 3, selector: ([k]) => k });
const objText = (fields: [string, string][]) => `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
const patternText = fc.oneof(
  flatFields.map((fs) => objText(fs)),
  flatFields.map((fs) => `{"d":${objText(fs)}}`),
  fc.tuple(flatFields, flatFields).map(([f1, f2]) => `{"d":{"$or":[${objText(f1)},${objText(f2)}]}}`),
  fc.tuple(flatFields, flatFields, flatFields).map(([f0, f1, f2]) => `{"d":${objText(f0)},"$or":[{"d":${objText(f1)}},{"d":${objText(f2)}}]}`),
);

const eventValue: fc.Arbitrary<string> = fc.oneof(
  scalarText,
  fc.array(scalarText, { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`),
);
const eventObj = fc.uniqueArray(fc.tuple(key, eventValue), { maxLength: 4, selector: ([k]) => k }).map(objText);
const eventText = fc.oneof(
  eventObj,
  eventObj.map((o) => `{"d":${o}}`),
  fc.array(eventObj, { minLength: 1, maxLength: 3 }).map((os) => `{"d":[${os.join(',')}]}`),
  // The same key written with an escape, and pretty-printed text: the fast reader must notice.
  eventObj.map((o) => `{"d":${o.replace(/"a":/g, '"\\u0061":')}}`),
  eventObj.map((o) => JSON.stringify(JSON.parse(`{"d":${o}}`) as unknown, null, 2)),
);

describe('RuleMachine agrees with the reference matcher (property)', () => {
  it('on generated rules and events', () => {
    fc.assert(
      fc.property(fc.array(patternText, { minLength: 1, maxLength: 6 }), fc.array(eventText, { minLength: 1, maxLength: 4 }), (patterns, events) => {
        const valid = patterns.filter((p) => validatePattern(p).length === 0);
        const m = new RuleMachine();
        valid.forEach((p, i) => m.addRule(`r${i}`, p));
        for (const e of events) {
          const want = valid.map((p, i) => (testEventPattern(p, e) ? `r${i}` : '')).filter(Boolean).sort();
          expect(m.matchingRules(e)).toEqual(want);
        }
      }),
      { numRuns: 400 },
    );
  });
  it('after deleting some of the rules', () => {
    fc.assert(
      fc.property(fc.array(patternText, { minLength: 2, maxLength: 6 }), eventText, fc.nat(), (patterns, e, seed) => {
        const valid = patterns.filter((p) => validatePattern(p).length === 0);
        const m = new RuleMachine();
        valid.forEach((p, i) => m.addRule(`r${i}`, p));
        const kept = valid.map((_, i) => (i + seed) % 2 === 0);
        valid.forEach((_, i) => {
          if (!kept[i]) m.deleteRule(`r${i}`);
        });
        const want = valid.map((p, i) => (kept[i] && testEventPattern(p, e) ? `r${i}` : '')).filter(Boolean).sort();
        expect(m.matchingRules(e)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
  it('gives the same verdict for text and for parsed input when numbers are plain', () => {
    fc.assert(
      fc.property(patternText, eventText, (p, e) => {
        if (validatePattern(p).length > 0) return;
        if (/9007199254740993|0\.10000000000000001|1e400|1e-400|123456789\.1234567/.test(p + e)) return;
        expect(testEventPattern(JSON.parse(p) as object, JSON.parse(e) as object)).toBe(testEventPattern(p, e));
      }),
      { numRuns: 300 },
    );
  });
  it('on arbitrary JSON events, including odd keys such as "__proto__" and "constructor"', () => {
    const patterns = [
      '{"a":[{"exists":true}]}',
      '{"a":[{"exists":false}],"b":[{"anything-but":"x"}]}',
      '{"__proto__":[{"exists":true}]}',
      '{"constructor":{"name":[{"prefix":""}]}}',
      '{"a":{"b":[{"numeric":[">=",0]}]}}',
      '{"$or":[{"a":[null,true]},{"b":[{"wildcard":"*"}]}]}',
    ];
    const m = new RuleMachine();
    patterns.forEach((p, i) => m.addRule(`p${i}`, p));
    const key = fc.constantFrom('a', 'b', '__proto__', 'constructor', 'name', 'a.b', 'toString');
    const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).object;
    fc.assert(
      fc.property(json, (ev) => {
        const text = JSON.stringify(ev);
        const want = patterns.map((p, i) => (testEventPattern(p, text) ? `p${i}` : '')).filter(Boolean).sort();
        expect(m.matchingRules(text)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});

// ---- the bench's dense workload: about 50 rules per source/detail-type pair ----

describe('RuleMachine agrees with the reference matcher on the dense workload', () => {
  const rules = makeDenseRules(1000, 11);
  const machine = new RuleMachine();
  for (const [name, p] of rules) machine.addRule(name, p);
  const reference = referenceNames(rules).names;
  it("on the bench's events", () => {
    let matched = 0;
    for (const e of makeEvents(200, 13, DENSE_SOURCES)) {
      const want = reference(e);
      matched += want.length;
      expect(machine.matchingRules(e)).toEqual(want);
    }
    expect(matched).toBeGreaterThan(200); // the workload is dense: several rules match most events
  });
  it('on generated events near the rules’ values', () => {
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(fc.oneof(a, fc.array(a, { minLength: 1, maxLength: 2 })), { nil: undefined });
    const text = (xs: string[]) => fc.constantFrom(...xs);
    const detail = fc.record({
      status: maybe(text(['placed', 'paid', 'shipped', 'Paid', ''])),
      amount: maybe(fc.oneof(fc.integer({ min: -10, max: 1600 }), fc.constantFrom(376, 1000, 1499.5))),
      channel: maybe(fc.oneof(text(['web', 'mobile', 'store', 'partner', 'WEB']), fc.integer({ min: 0, max: 2 }))),
      region: maybe(text(['eu-west-1', 'eu', 'e', 'us-east-1', 'ap-south-1', 'EU-west-1'])),
      email: maybe(text(['a@example.com', 'b@example.org', '.org', 'x@example.ORG'])),
      country: maybe(fc.oneof(text(['DE', 'de', 'Fr', 'us', 'usa', 'dé']), fc.constant(true))),
      coupon: maybe(fc.oneof(text(['SPRING25']), fc.constant(null))),
      customer: fc.option(fc.record({ tier: maybe(text(['gold', 'silver', 'bronze', 'platinum', 'Gold'])) }), { nil: undefined }),
      context: fc.option(fc.record({ retries: maybe(fc.integer({ min: 0, max: 3 })) }), { nil: undefined }),
    });
    const event = fc.record({
      source: fc.integer({ min: 0, max: DENSE_SOURCES }).map((i) => `com.shop.svc${i}`),
      'detail-type': text(['Order Placed', 'Order Paid', 'Order Shipped', 'Refund Issued', 'Stock Low']),
      detail,
    });
    fc.assert(
      fc.property(event, (ev) => {
        const e = JSON.stringify(ev);
        expect(machine.matchingRules(e)).toEqual(reference(e));
      }),
      { numRuns: 300 },
    );
  });
});
