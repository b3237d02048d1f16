// Whether one event value (a leaf) passes one matcher. This is the single definition of each
// operator's meaning; the reference matcher, the explainer and the RuleMachine all use it.
import { K_NUMBER, K_STRING } from './event-flatten.ts';
import type { Leaf } from './event-flatten.ts';
import { hexInRange, ipHex } from './ip-address.ts';
import { wildcardMatches } from './wildcard.ts';
import type { FieldCondition, Matcher } from './types.ts';

export function matcherAccepts(m: Matcher, leaf: Leaf): boolean {
  const isStr = leaf.kind === K_STRING;
  switch (m.k) {
    case 'string':
      return isStr && leaf.s === m.s;
    case 'number':
      return leaf.kind === K_NUMBER && ((m.value !== undefined && leaf.num === m.value) || leaf.s === m.text);
    case 'literal':
      return leaf.kind !== K_STRING && leaf.kind !== K_NUMBER && leaf.s === m.lit;
    case 'ip':
    case 'cidr': {
      // IP matchers read IP-looking strings as addresses; other matchers still see the string.
      if (!isStr) return false;
      let hex = leaf.ip;
      if (hex === undefined) hex = leaf.ip = ipHex(leaf.s) ?? null;
      return hex !== null && hexInRange(hex, m.range);
    }
    case 'prefix':
      return isStr && leaf.s.startsWith(m.s);
    case 'suffix':
      return isStr && leaf.s.endsWith(m.s);
    case 'eic':
    case 'prefix-eic':
    case 'suffix-eic':
      return isStr && m.test(leaf.s);
    case 'wildcard':
      return isStr && wildcardMatches(m.w, leaf.s);
    case 'range': {
      const n = leaf.num;
      if (leaf.kind !== K_NUMBER || n === undefined) return false;
      return (m.loOpen ? n > m.lo : n >= m.lo) && (m.hiOpen ? n < m.hi : n <= m.hi);
    }
    case 'numeric-eq':
      return leaf.kind === K_NUMBER && leaf.num === m.value;
    case 'exists':
      return m.exists;
    case 'ab-strings':
      return !(isStr && m.set.has(leaf.s));
    case 'ab-numbers':
      return !(leaf.kind === K_NUMBER && leaf.num !== undefined && m.set.has(leaf.num));
    case 'ab-eic':
      return !(isStr && m.tests.some((t) => t(leaf.s)));
    case 'ab-prefix':
      return !(isStr && m.list.some((p) => leaf.s.startsWith(p)));
    case 'ab-suffix':
      return !(isStr && m.list.some((p) => leaf.s.endsWith(p)));
    case 'ab-wildcard':
      return !(isStr && m.list.some((w) => wildcardMatches(w, leaf.s)));
  }
}

/** Whether a leaf satisfies a field condition (any of its matchers other than exists:false). */
export function conditionAccepts(c: FieldCondition, leaf: Leaf): boolean {
  for (const m of c.positive) if (matcherAccepts(m, leaf)) return true;
  return false;
}

/** Two leaves can be matched together unless they sit in different elements of one array. */
export function consistent(a: readonly number[], b: readonly number[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  for (let i = 0; i < a.length; i += 2) {
    for (let j = 0; j < b.length; j += 2) {
      if (a[i] === b[j] && a[i + 1] !== b[j + 1]) return false;
    }
  }
  return true;
}
