// The scanner must see exactly what the careful reader (parseJsonText + flattenEvent) sees at
// the kept paths, accept exactly the texts it accepts, and never change a RuleMachine verdict.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildPathTrie, flattenEvent } from './event-flatten.ts';
import type { Leaf, Slot } from './event-flatten.ts';
import { scanEvent } from './event-scan.ts';
import { RuleMachine, testEventPattern } from './index.ts';

// A generated event tree. Objects keep their entries as a list so keys can repeat; numbers keep
// the exact text to write.
type Node = null | boolean | string | { n: string } | Node[] | { o: [string, Node][] };

const NUMBER_TEXTS = ['0', '-0', '3', '3.0', '3e0', '1E+2', '2.5e-3', '1e400', '-1e400', '9007199254740993', '0.10000000000000001', '123456789012345678', '-12.5', '10115'];
const numberText = fc.oneof(
  fc.constantFrom(...NUMBER_TEXTS),
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
);
const KEYS = ['a', 'b', 'c', 'x', 'a.b', 'b.c', 'é', '__proto__', 'detail', 'line\nbreak', 'quo"te'];
const anyKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });
// Wanted paths use the same names, so the scanner keeps a good share of each event.
const WANTED = ['a', 'b', 'a.b', 'a.c', 'b.c', 'a.b.c', 'x.a', 'é', '__proto__', 'detail.a', 'detail.x.b', 'line\nbreak', 'quo"te'];
const str = fc.oneof(fc.constantFrom('', 'a', 'eu-west-1', '10.0.0.1', 'ü', '😀', 'tab\there', 'back\\slash', 'quo"te', '\u2028', '\ud800'), fc.string({ maxLength: 6 }));

function tree(uniqueKeys: boolean, emptyKeys = true): fc.Arbitrary<{ o: [string, Node][] }> {
  const key = emptyKeys ? anyKey : anyKey.filter((k) => k !== '');
  const entries = (v: fc.Arbitrary<Node>) =>
    uniqueKeys ? fc.uniqueArray(fc.tuple(key, v), { maxLength: 5, selector: (e) => e[0] }) : fc.array(fc.tuple(key, v), { maxLength: 5 });
  const { node } = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      str,
      numberText.map((n) => ({ n })),
      fc.array(tie('node'), { maxLength: 4 }),
      entries(tie('node')).map((o) => ({ o })),
    ),
  }));
  return entries(node).map((o) => ({ o }));
}

/** Writes a tree as JSON text: minified or pretty, with strings plain or fully \u-escaped. */
function write(x: Node, pretty: boolean, escape: boolean, indent = ''): string {
  const q = (s: string) => (escape ? `"${[...s].map((ch) => [...ch].map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')).join('')}"` : JSON.stringify(s));
  if (x === null || typeof x === 'boolean') return String(x);
  if (typeof x === 'string') return q(x);
  if (Array.isArray(x)) {
    const inner = indent + '  ';
    if (!pretty) return `[${x.map((v) => write(v, pretty, escape)).join(',')}]`;
    return x.length === 0 ? '[ ]' : `[\n${x.map((v) => inner + write(v, pretty, escape, inner)).join(',\n')}\n${indent}]`;
  }
  if ('n' in x) return x.n;
  const inner = indent + '  ';
  if (!pretty) return `{${x.o.map(([k, v]) => `${q(k)}:${write(v, pretty, escape)}`).join(',')}}`;
  return x.o.length === 0 ? '{\t}' : `{\r\n${x.o.map(([k, v]) => `${inner}${q(k)} : ${write(v, pretty, escape, inner)}`).join(',\n')}\n${indent}}`;
}

const ids = new Map(WANTED.map((p, i) => [p, i]));
const trie = buildPathTrie(WANTED, ids);

/** Leaves per slot, without the IP cache. */
function plain(slots: Slot[] | undefined): unknown {
  return (slots ?? []).map((sl) => (sl === undefined ? [] : (Array.isArray(sl) ? sl : [sl]).map((l: Leaf) => [l.path, l.kind, l.s, l.num, [...l.arrays]])));
}
/** The same, ignoring order and array membership (for keys whose order JSON objects change). */
function bag(slots: Slot[] | undefined): unknown {
  return (slots ?? []).map((sl) => (sl === undefined ? [] : (Array.isArray(sl) ? sl : [sl]).map((l: Leaf) => JSON.stringify([l.kind, l.s, l.num])).sort()));
}
const isIntegerKey = (k: string) => /^(0|[1-9]\d*)$/.test(k);
function hasIntegerKey(x: Node): boolean {
  if (x === null || typeof x !== 'object') return false;
  if (Array.isArray(x)) return x.some(hasIntegerKey);
  if ('n' in x) return false;
  return x.o.some(([k, v]) => isIntegerKey(k) || hasIntegerKey(v));
}

describe('scanEvent', () => {
  it('keeps the same leaves as the careful reader, in any layout and spelling', () => {
    fc.assert(
      fc.property(tree(true), fc.boolean(), fc.boolean(), (ev, pretty, escape) => {
        const text = write(ev, pretty, escape);
        const got = scanEvent(text, trie);
        const want = flattenEvent(text, trie).slots;
        // With unique keys the scanner never needs to hand over.
        expect(got).toBeDefined();
        // The careful reader lists integer-like keys first (JavaScript object order), which only
        // renumbers arrays; otherwise the leaves must be identical.
        if (hasIntegerKey(ev)) expect(bag(got)).toEqual(bag(want));
        else expect(plain(got)).toEqual(plain(want));
      }),
      { numRuns: 400 },
    );
  });

  it('hands over repeated kept keys, and the RuleMachine then agrees with the reference', () => {
    const rules: [string, object][] = [
      ['ab', { a: { b: ['x', 'a'] } }],
      ['dotted', { 'a.b': [{ exists: true }] }],
      ['num', { b: [{ numeric: ['>', 0] }] }],
      ['text', { b: [3, 9007199254740993] }],
      ['nob', { b: [{ exists: false }], x: { a: [{ 'anything-but': 'q' }] } }],
      ['lit', { 'é': [null, true] }],
    ];
    const m = new RuleMachine();
    for (const [n, p] of rules) m.addRule(n, p);
    fc.assert(
      // No empty keys here: for {"": {"a": …}} the reference flattening (no path filter) says
      // "a", while every path-filtered read, before the scanner too, skips the "" key. That
      // difference predates the scanner and is left for a separate decision.
      fc.property(tree(false, false), fc.boolean(), fc.boolean(), (ev, pretty, escape) => {
        const text = write(ev, pretty, escape);
        const got = scanEvent(text, trie);
        if (got !== undefined && !hasIntegerKey(ev)) expect(plain(got)).toEqual(plain(flattenEvent(text, trie).slots));
        const want = rules.filter(([, p]) => testEventPattern(p, text)).map(([n]) => n).sort();
        expect(m.matchingRules(text)).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('declines exactly the texts the careful reader rejects, and the error stays the same', () => {
    const m = new RuleMachine();
    m.addRule('r', { a: ['x'] });
    const mangled = fc.tuple(tree(false), fc.boolean(), fc.nat(), fc.constantFrom('', ',', '"', '}', ']', '\\', '\n', '\u0001', 'x', '0', '-', '.', 'e', ':', '{', '[')).map(
      ([ev, pretty, at, ch]) => {
        const t = write(ev, pretty, false);
        const p = at % (t.length + 1);
        return ch === '' ? t.slice(0, p) + t.slice(p + 1) : t.slice(0, p) + ch + t.slice(p);
      },
    );
    fc.assert(
      fc.property(mangled, (text) => {
        let careful: unknown;
        try {
          careful = flattenEvent(text, trie);
        } catch (e) {
          careful = e;
        }
        if (careful instanceof Error) {
          expect(scanEvent(text, trie)).toBeUndefined();
          expect(() => m.matchingRules(text)).toThrow(careful.message);
        } else {
          const got = scanEvent(text, trie);
          if (got !== undefined) expect(bag(got)).toEqual(bag((careful as ReturnType<typeof flattenEvent>).slots));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('rejects what the careful reader rejects, with the same message', () => {
    const m = new RuleMachine();
    m.addRule('r', { a: ['x'] });
    const bad = ['', ' ', '[1]', '"a"', '1', 'null', '{"a":"x"} x', '{"a":01}', '{"a":1.}', '{"a":-}', '{"a":1e}', '{"a":"\\x"}', '{"a":"\\u12g4"}', '{"a":"\t"}', "{'a':1}", '{"a":tru}', '{"a":[1,]}', '{"a":1,}', '{"a" 1}', '{"a":"x"', '{"a":"x'];
    for (const text of bad) {
      expect(scanEvent(text, trie)).toBeUndefined();
      let message = '';
      try {
        flattenEvent(text, trie);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      expect(() => m.matchingRules(text)).toThrow(message);
    }
  });

  it('leaves deep nesting to the careful reader', () => {
    const deep = `{"a":${'['.repeat(600)}${']'.repeat(600)}}`;
    expect(scanEvent(deep, trie)).toBeUndefined();
    const m = new RuleMachine();
    m.addRule('r', { a: [{ exists: false }] });
    expect(() => m.matchingRules(deep)).toThrow(/nested too deeply/);
    const ok = `{"z":${'{"y":'.repeat(300)}1${'}'.repeat(300)},"a":"x"}`;
    expect(scanEvent(ok, trie)).toBeDefined();
  });

  it('reads numbers by their text, as the careful reader does', () => {
    const slots = scanEvent('{"b":[1e400,-0,9007199254740993,3.0]}', trie);
    const leaves = slots?.[ids.get('b') as number] as Leaf[];
    expect(leaves.map((l) => [l.s, l.num])).toEqual([['1e400', undefined], ['-0', 0], ['9007199254740993', undefined], ['3.0', 3]]);
    expect(leaves.map((l) => l.arrays)).toEqual([[1, 0], [1, 1], [1, 2], [1, 3]]);
  });
});
