// What each kind of compiled matcher means, named once: whether an event value passes it, how
// the explainer words it, how selective it is (field order), and how the RuleMachine indexes
// it. The table is typed by Matcher['k'], so a new kind without a row does not compile.
import { K_NUMBER, K_STRING } from './event-flatten.ts';
import type { Leaf } from './event-flatten.ts';
import { hexInRange, ipHex } from './ip-address.ts';
import { wildcardMatches } from './wildcard.ts';
import type { Matcher } from './types.ts';

export type MatcherKind = Matcher['k'];
export type MatcherOf<K extends MatcherKind> = Extract<Matcher, { k: K }>;

/**
 * How the RuleMachine finds the rules a value satisfies (see rule-machine.ts FieldMachine):
 * a Map lookup by value ('exact', 'number', 'numeric-eq', 'literal', 'ip', 'eic'), by the
 * value's leading or trailing characters ('prefix', 'suffix'), a sorted list of ranges
 * ('range'), every value ('always'), a list of exclusions ('anything-but-strings',
 * 'anything-but-numbers'), or, for the kinds rules seldom share, testing each ('each').
 */
export const INDEX_KINDS = [
  'exact', 'number', 'numeric-eq', 'literal', 'ip', 'eic', 'prefix', 'suffix', 'range', 'always',
  'anything-but-strings', 'anything-but-numbers', 'each',
] as const;
export type IndexKind = (typeof INDEX_KINDS)[number];

export interface KindSpec<K extends MatcherKind> {
  accepts(m: MatcherOf<K>, leaf: Leaf): boolean;
  /** What the matcher asks for, phrased to follow "is not". */
  describe(m: MatcherOf<K>): string;
  /** For plain values: the value as the pattern wrote it (so several read "one of a, b or c"). */
  value?: (m: MatcherOf<K>) => string;
  /** The operator's name in "<operator> needs a value", when the field is missing. */
  needs: string;
  /** The JSON type of event value it can match, for "type mismatch" hints ('numeric': compared as numbers). */
  wants?: 'string' | 'number' | 'numeric';
  /** Selectivity, 0 most selective: the compiler orders a branch's fields by it. */
  rank: number;
  index: IndexKind;
}

function list(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}
const quoted = (xs: Iterable<string>): string => list([...xs].map((s) => JSON.stringify(s)));
const isStr = (leaf: Leaf): boolean => leaf.kind === K_STRING;

/** IP matchers read IP-looking strings as addresses (cached on the leaf); other matchers still see the string. */
export function leafIp(leaf: Leaf): string | null {
  if (leaf.kind !== K_STRING) return null;
  let hex = leaf.ip;
  if (hex === undefined) hex = leaf.ip = ipHex(leaf.s) ?? null;
  return hex;
}
export const MATCHER_KINDS: { readonly [K in MatcherKind]: KindSpec<K> } = {
  string: {
    accepts: (m, leaf) => isStr(leaf) && leaf.s === m.s,
    describe: (m) => `equal to ${JSON.stringify(m.s)}`,
    value: (m) => JSON.stringify(m.s),
    needs: 'an exact match', wants: 'string', rank: 0, index: 'exact',
  },
  number: {
    accepts: (m, leaf) => leaf.kind === K_NUMBER && ((m.value !== undefined && leaf.num === m.value) || leaf.s === m.text),
    describe: (m) => `equal to ${m.text}`,
    value: (m) => m.text,
    needs: 'an exact match', wants: 'number', rank: 0, index: 'number',
  },
  literal: {
    accepts: (m, leaf) => leaf.kind !== K_STRING && leaf.kind !== K_NUMBER && leaf.s === m.lit,
    describe: (m) => m.lit,
    value: (m) => m.lit,
    needs: 'an exact match', rank: 0, index: 'literal',
  },
  ip: {
    accepts: (m, leaf) => {
      const hex = leafIp(leaf);
      return hex !== null && hexInRange(hex, m.range);
    },
    describe: (m) => `the IP address ${m.source}`,
    value: (m) => m.source,
    needs: 'an exact match', rank: 3, index: 'ip',
  },
  prefix: {
    accepts: (m, leaf) => isStr(leaf) && leaf.s.startsWith(m.s),
    describe: (m) => `a string starting with ${JSON.stringify(m.s)}`,
    needs: 'prefix', wants: 'string', rank: 1, index: 'prefix',
  },
  suffix: {
    accepts: (m, leaf) => isStr(leaf) && leaf.s.endsWith(m.s),
    describe: (m) => `a string ending with ${JSON.stringify(m.s)}`,
    needs: 'suffix', wants: 'string', rank: 1, index: 'suffix',
  },
  eic: {
    accepts: (m, leaf) => isStr(leaf) && m.test(leaf.s),
    describe: (m) => `equal to ${JSON.stringify(m.s)} ignoring case`,
    needs: 'equals-ignore-case', wants: 'string', rank: 3, index: 'eic',
  },
  'prefix-eic': {
    accepts: (m, leaf) => isStr(leaf) && m.test(leaf.s),
    describe: (m) => `a string starting with ${JSON.stringify(m.s)} ignoring case`,
    needs: 'prefix', wants: 'string', rank: 3, index: 'each',
  },
  'suffix-eic': {
    accepts: (m, leaf) => isStr(leaf) && m.test(leaf.s),
    describe: (m) => `a string ending with ${JSON.stringify(m.s)} ignoring case`,
    needs: 'suffix', wants: 'string', rank: 3, index: 'each',
  },
  wildcard: {
    accepts: (m, leaf) => isStr(leaf) && wildcardMatches(m.w, leaf.s),
    describe: (m) => `a string matching the wildcard ${JSON.stringify(m.w.source)}`,
    needs: 'wildcard', wants: 'string', rank: 3, index: 'each',
  },
  range: {
    accepts: (m, leaf) => {
      const n = leaf.num;
      if (leaf.kind !== K_NUMBER || n === undefined) return false;
      return (m.loOpen ? n > m.lo : n >= m.lo) && (m.hiOpen ? n < m.hi : n <= m.hi);
    },
    describe: (m) => {
      const parts: string[] = [];
      if (m.lo !== -Infinity) parts.push(`${m.loOpen ? '>' : '>='} ${m.lo}`);
      if (m.hi !== Infinity) parts.push(`${m.hiOpen ? '<' : '<='} ${m.hi}`);
      return parts.join(' and ');
    },
    needs: 'numeric', wants: 'numeric', rank: 2, index: 'range',
  },
  'numeric-eq': {
    accepts: (m, leaf) => leaf.kind === K_NUMBER && leaf.num === m.value,
    describe: (m) => `= ${m.value}`,
    needs: 'numeric', wants: 'numeric', rank: 1, index: 'numeric-eq',
  },
  cidr: {
    accepts: (m, leaf) => {
      const hex = leafIp(leaf);
      return hex !== null && hexInRange(hex, m.range);
    },
    describe: (m) => `an IP address in ${m.source}`,
    needs: 'cidr', rank: 3, index: 'each',
  },
  exists: {
    accepts: (m) => m.exists,
    describe: (m) => (m.exists ? 'present' : 'absent'),
    needs: 'exists: true', rank: 5, index: 'always',
  },
  'ab-strings': {
    accepts: (m, leaf) => !(isStr(leaf) && m.set.has(leaf.s)),
    describe: (m) => `anything but ${quoted(m.set)}`,
    needs: 'anything-but', rank: 5, index: 'anything-but-strings',
  },
  'ab-numbers': {
    accepts: (m, leaf) => !(leaf.kind === K_NUMBER && leaf.num !== undefined && m.set.has(leaf.num)),
    describe: (m) => `anything but ${list(m.texts)}`,
    needs: 'anything-but', rank: 5, index: 'anything-but-numbers',
  },
  'ab-eic': {
    accepts: (m, leaf) => !(isStr(leaf) && m.tests.some((t) => t(leaf.s))),
    describe: (m) => `anything but ${quoted(m.list)} (ignoring case)`,
    needs: 'anything-but', rank: 5, index: 'each',
  },
  'ab-prefix': {
    accepts: (m, leaf) => !(isStr(leaf) && m.list.some((p) => leaf.s.startsWith(p))),
    describe: (m) => `anything but a string starting with ${quoted(m.list)}`,
    needs: 'anything-but', rank: 5, index: 'each',
  },
  'ab-suffix': {
    accepts: (m, leaf) => !(isStr(leaf) && m.list.some((p) => leaf.s.endsWith(p))),
    describe: (m) => `anything but a string ending with ${quoted(m.list)}`,
    needs: 'anything-but', rank: 5, index: 'each',
  },
  'ab-wildcard': {
    accepts: (m, leaf) => !(isStr(leaf) && m.list.some((w) => wildcardMatches(w, leaf.s))),
    describe: (m) => `anything but a string matching ${quoted(m.list.map((w) => w.source))}`,
    needs: 'anything-but', rank: 5, index: 'each',
  },
};

/** The row of a matcher's kind, typed for any matcher (the table's rows are typed per kind). */
export function kindOf(m: Matcher): KindSpec<MatcherKind> {
  return MATCHER_KINDS[m.k] as unknown as KindSpec<MatcherKind>;
}

/** Whether one event value (a leaf) passes one matcher. */
export function matcherAccepts(m: Matcher, leaf: Leaf): boolean {
  return kindOf(m).accepts(m, leaf);
}

/** What a matcher asks for, phrased to follow "is not". */
export function describeMatcher(m: Matcher): string {
  return kindOf(m).describe(m);
}
