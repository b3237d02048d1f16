// explainMatch: field by field, why an event does or does not match a pattern, in plain words.
import { compileOrThrow } from './pattern-api.ts';
import { flattenEvent, K_NUMBER, K_STRING } from './event-flatten.ts';
import type { FlatEvent, Leaf } from './event-flatten.ts';
import { branchMatches } from './reference-match.ts';
import { conditionAccepts } from './leaf-match.ts';
import type { Branch, FieldCondition, JsonInput, Matcher } from './types.ts';

export interface FieldExplanation {
  path: string;
  matched: boolean;
  values: unknown[];
  reason?: string;
}

export interface MatchExplanation {
  matched: boolean;
  fields: FieldExplanation[];
  summary: string;
}

function show(leaf: Leaf): string {
  if (leaf.kind === K_STRING) return JSON.stringify(leaf.s);
  return leaf.s;
}

function plain(leaf: Leaf): unknown {
  if (leaf.kind === K_STRING) return leaf.s;
  if (leaf.kind === K_NUMBER) return Number(leaf.s);
  return leaf.s === 'null' ? null : leaf.s === 'true';
}

function list(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
}

/** What a matcher asks for, phrased to follow "is not". */
export function describeMatcher(m: Matcher): string {
  switch (m.k) {
    case 'string': return `equal to ${JSON.stringify(m.s)}`;
    case 'number': return `equal to ${m.text}`;
    case 'literal': return `${m.lit}`;
    case 'ip': return `the IP address ${m.source}`;
    case 'prefix': return `a string starting with ${JSON.stringify(m.s)}`;
    case 'suffix': return `a string ending with ${JSON.stringify(m.s)}`;
    case 'eic': return `equal to ${JSON.stringify(m.s)} ignoring case`;
    case 'prefix-eic': return `a string starting with ${JSON.stringify(m.s)} ignoring case`;
    case 'suffix-eic': return `a string ending with ${JSON.stringify(m.s)} ignoring case`;
    case 'wildcard': return `a string matching the wildcard ${JSON.stringify(m.w.source)}`;
    case 'range': {
      const parts: string[] = [];
      if (m.lo !== -Infinity) parts.push(`${m.loOpen ? '>' : '>='} ${m.lo}`);
      if (m.hi !== Infinity) parts.push(`${m.hiOpen ? '<' : '<='} ${m.hi}`);
      return parts.join(' and ');
    }
    case 'numeric-eq': return `= ${m.value}`;
    case 'cidr': return `an IP address in ${m.source}`;
    case 'exists': return m.exists ? 'present' : 'absent';
    case 'ab-strings': return `anything but ${list([...m.set].map((s) => JSON.stringify(s)))}`;
    case 'ab-numbers': return `anything but ${list(m.texts)}`;
    case 'ab-eic': return `anything but ${list(m.list.map((s) => JSON.stringify(s)))} (ignoring case)`;
    case 'ab-prefix': return `anything but a string starting with ${list(m.list.map((s) => JSON.stringify(s)))}`;
    case 'ab-suffix': return `anything but a string ending with ${list(m.list.map((s) => JSON.stringify(s)))}`;
    case 'ab-wildcard': return `anything but a string matching ${list(m.list.map((w) => JSON.stringify(w.source)))}`;
  }
}

function operatorName(m: Matcher): string {
  if (m.k.startsWith('ab-')) return 'anything-but';
  switch (m.k) {
    case 'range':
    case 'numeric-eq': return 'numeric';
    case 'eic': return 'equals-ignore-case';
    case 'prefix-eic': return 'prefix';
    case 'suffix-eic': return 'suffix';
    case 'exists': return 'exists: true';
    case 'string':
    case 'number':
    case 'literal':
    case 'ip': return 'an exact match';
    default: return m.k;
  }
}

function explainField(f: FieldCondition, ev: FlatEvent): FieldExplanation {
  const present = ev.byPath.get(f.path) ?? [];
  const values = present.map(plain);
  if (present.length === 0) {
    if (f.allowsAbsent) return { path: f.path, matched: true, values };
    const ops = [...new Set(f.positive.map(operatorName))];
    const needs = ops.length === 1 ? `${ops[0]} needs a value` : `the pattern needs a value (${list(ops)})`;
    return { path: f.path, matched: false, values, reason: `${f.path} is missing; ${needs}` };
  }
  if (f.positive.length === 0) {
    return {
      path: f.path,
      matched: false,
      values,
      reason: `${f.path} is present (${list(present.map(show))}) but the pattern requires it to be absent (exists: false)`,
    };
  }
  if (present.some((l) => conditionAccepts(f, l))) return { path: f.path, matched: true, values };
  const one = present.length === 1;
  const shown = one ? show(present[0] as Leaf) : `none of ${present.map(show).join(', ')}`;
  // anything-but failures read better as "is excluded".
  if (f.positive.every((m) => m.k.startsWith('ab-'))) {
    const verb = one ? 'is excluded by' : 'is allowed by';
    return { path: f.path, matched: false, values, reason: `${f.path}: ${shown} ${verb} ${list(f.positive.map(describeMatcher))}` };
  }
  const typeHint = typeMismatchHint(f, present);
  return {
    path: f.path,
    matched: false,
    values,
    reason: `${f.path}: ${shown} ${one ? 'is not' : 'is'} ${describeAll(f.positive)}${typeHint}`,
  };
}

/** The matchers of one field as one phrase; several exact values read "one of a, b or c". */
function describeAll(ms: Matcher[]): string {
  const exact = ms.filter((m) => m.k === 'string' || m.k === 'number' || m.k === 'literal' || m.k === 'ip');
  const exactSet = new Set<Matcher>(exact);
  const rest = ms.filter((m) => !exactSet.has(m)).map(describeMatcher);
  const values = exact.map((m) => (m.k === 'string' ? JSON.stringify(m.s) : m.k === 'number' ? m.text : m.k === 'literal' ? m.lit : m.k === 'ip' ? m.source : ''));
  const parts = values.length === 0 ? [] : values.length === 1 ? [`equal to ${values[0]}`] : [`one of ${values.join(', ')}`];
  return list([...parts, ...rest]);
}

function typeMismatchHint(f: FieldCondition, present: Leaf[]): string {
  const wantsNumber = f.positive.some((m) => m.k === 'range' || m.k === 'numeric-eq' || m.k === 'number');
  const wantsString = f.positive.some((m) => ['string', 'prefix', 'suffix', 'eic', 'prefix-eic', 'suffix-eic', 'wildcard'].includes(m.k));
  if (wantsNumber && present.every((l) => l.kind === K_STRING) && present.some((l) => l.s !== '' && !Number.isNaN(Number(l.s)))) {
    return ' (the event has a string, and numbers only match JSON numbers)';
  }
  if (wantsString && present.every((l) => l.kind !== K_STRING)) return ' (string operators only match JSON strings)';
  if (f.positive.some((m) => m.k === 'range' || m.k === 'numeric-eq') && present.some((l) => l.kind === K_NUMBER && l.num === undefined)) {
    return ' (a number that a 64-bit double cannot hold exactly is not compared numerically)';
  }
  return '';
}

function explainBranch(b: Branch, ev: FlatEvent): { matched: boolean; fields: FieldExplanation[]; score: number } {
  const fields = [...b.fields].sort((x, y) => x.order - y.order).map((f) => explainField(f, ev));
  const allFields = fields.every((x) => x.matched);
  const matched = allFields && branchMatches(b, ev);
  if (allFields && !matched) {
    // Every field has a passing value, but not all from the same array element.
    fields.push({
      path: commonArrayHint(b, ev),
      matched: false,
      values: [],
      reason: 'each field has a matching value, but they come from different elements of the same array; they must all come from one element',
    });
  }
  return { matched, fields, score: fields.filter((x) => x.matched).length / Math.max(1, fields.length) };
}

function commonArrayHint(b: Branch, ev: FlatEvent): string {
  const paths = b.fields.filter((f) => (ev.byPath.get(f.path) ?? []).some((l) => l.arrays.length > 0)).map((f) => f.path);
  return paths.join(' + ') || '(array elements)';
}

/**
 * Explains the verdict for one pattern and one event. Throws InvalidEventPatternError for an
 * invalid pattern. The verdict is the same as testEventPattern's.
 */
export function explainMatch(pattern: JsonInput, event: JsonInput): MatchExplanation {
  const compiled = compileOrThrow(pattern);
  const ev = flattenEvent(event);
  const results = compiled.branches.map((b) => explainBranch(b, ev));
  const n = results.length;
  const hit = results.findIndex((r) => r.matched);
  if (hit >= 0) {
    const r = results[hit] as (typeof results)[number];
    const via = n > 1 ? ` through $or alternative ${hit + 1} of ${n}` : '';
    return { matched: true, fields: r.fields, summary: `Match${via}: all ${r.fields.length} field${r.fields.length === 1 ? '' : 's'} of the pattern matched.` };
  }
  let best = 0;
  results.forEach((r, i) => {
    if (r.score > (results[best]?.score ?? 0)) best = i;
  });
  const r = results[best] as (typeof results)[number];
  const failures = r.fields.filter((x) => !x.matched);
  const first = failures[0]?.reason ?? 'a field did not match';
  const more = failures.length > 1 ? ` (and ${failures.length - 1} more field${failures.length > 2 ? 's' : ''} failed)` : '';
  const summary = n > 1
    ? `No match: none of the ${n} $or alternatives matched; the closest, alternative ${best + 1}, failed because ${first}${more}.`
    : `No match: ${first}${more}.`;
  return { matched: false, fields: r.fields, summary };
}
