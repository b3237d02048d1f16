// explainMatch: field by field, why an event does or does not match a pattern, in plain words.
import { compileOrThrow } from './pattern-api.ts';
import { flattenEvent, K_NUMBER, K_STRING } from './event-flatten.ts';
import type { FlatEvent, Leaf } from './event-flatten.ts';
import { branchMatches } from './reference-match.ts';
import { conditionAccepts } from './leaf-match.ts';
import { describeMatcher, kindOf } from './matcher-kinds.ts';
import type { Branch, FieldCondition, JsonInput, Matcher } from './types.ts';

export { describeMatcher };

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

function explainField(f: FieldCondition, ev: FlatEvent): FieldExplanation {
  const present = ev.byPath.get(f.path) ?? [];
  const values = present.map(plain);
  if (present.length === 0) {
    if (f.allowsAbsent) return { path: f.path, matched: true, values };
    const ops = [...new Set(f.positive.map((m) => kindOf(m).needs))];
    const needs = ops.length === 1 ? `${ops[0]} needs a value` : `the pattern needs a value (${list(ops)})`;
    const inside = fieldInside(f.path, ev);
    // A field whose value is an object has no value of its own: patterns see only the values inside it.
    if (inside) return { path: f.path, matched: false, values, reason: `${f.path} is an object, not a value; ${needs}: match a field inside it, such as ${inside}` };
    return { path: f.path, matched: false, values, reason: `${f.path} is missing; ${needs}${underDetailHint(f.path, ev)}` };
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
  if (f.positive.every((m) => kindOf(m).needs === 'anything-but')) {
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
  const values: string[] = [];
  const rest: string[] = [];
  for (const m of ms) {
    const value = kindOf(m).value;
    if (value) values.push(value(m));
    else rest.push(describeMatcher(m));
  }
  const parts = values.length === 0 ? [] : values.length === 1 ? [`equal to ${values[0]}`] : [`one of ${values.join(', ')}`];
  return list([...parts, ...rest]);
}

function typeMismatchHint(f: FieldCondition, present: Leaf[]): string {
  const wants = f.positive.map((m) => kindOf(m).wants);
  const numeric = wants.includes('numeric');
  const wantsNumber = numeric || wants.includes('number');
  const wantsString = wants.includes('string');
  if (wantsNumber && present.every((l) => l.kind === K_STRING) && present.some((l) => l.s !== '' && !Number.isNaN(Number(l.s)))) {
    return ' (the event has a string, and numbers only match JSON numbers)';
  }
  if (wantsString && present.every((l) => l.kind !== K_STRING)) return ' (string operators only match JSON strings)';
  if (numeric && present.some((l) => l.kind === K_NUMBER && l.num === undefined)) {
    return ' (a number that a 64-bit double cannot hold exactly is not compared numerically)';
  }
  return '';
}

/**
 * A common slip: a detail field written at the top level of the pattern. When the event has
 * the field only under "detail", say where it is.
 */
/** The first field inside `path` when the event's value there is an object (its leaves are under it). */
function fieldInside(path: string, ev: FlatEvent): string | undefined {
  for (const p of ev.byPath.keys()) if (p.startsWith(`${path}.`)) return p;
  return undefined;
}

function underDetailHint(path: string, ev: FlatEvent): string {
  if (path === 'detail' || path.startsWith('detail.')) return '';
  const under = `detail.${path}`;
  if (!ev.byPath.has(under) && fieldInside(under, ev) === undefined) return '';
  const top = path.split('.')[0] as string;
  return ` (the event has ${under}: put "${top}" inside "detail" in the pattern)`;
}

function explainBranch(b: Branch, ev: FlatEvent): { matched: boolean; fields: FieldExplanation[]; failing: number } {
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
  return { matched, fields, failing: fields.filter((x) => !x.matched).length };
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
  // The closest alternative is the one with the fewest failing fields; ties are said as such.
  const fewest = Math.min(...results.map((r) => r.failing));
  const closest = results.map((r, i) => ({ r, i })).filter((x) => x.r.failing === fewest);
  const best = closest[0] as (typeof closest)[number];
  const because = (fields: FieldExplanation[]): string => {
    const failures = distinct(fields.filter((x) => !x.matched).map((x) => x.reason ?? 'a field did not match'));
    const first = failures[0] ?? 'a field did not match';
    const more = failures.length > 1 ? ` (and ${failures.length - 1} more field${failures.length > 2 ? 's' : ''} failed)` : '';
    return `${first}${more}`;
  };
  let summary: string;
  if (n === 1) summary = `No match: ${because(best.r.fields)}.`;
  else if (closest.length === 1) {
    summary = `No match: none of the ${n} $or alternatives matched; the closest, alternative ${best.i + 1}, failed because ${because(best.r.fields)}.`;
  } else {
    const each = `${fewest} failing field${fewest === 1 ? '' : 's'} each`;
    // Alternatives that fail for the same reason are named together, so no reason is said twice.
    const byReason = new Map<string, number[]>();
    for (const x of closest) {
      const why = because(x.r.fields);
      byReason.set(why, [...(byReason.get(why) ?? []), x.i + 1]);
    }
    const groups = [...byReason];
    const shown = groups.slice(0, MAX_TIE_REASONS).map(([why, alts]) =>
      groups.length === 1
        ? `${alts.length === 2 ? 'both' : 'all'} failed because ${why}`
        : `${alts.length === 1 ? 'alternative' : 'alternatives'} ${and(alts.map(String))} failed because ${why}`,
    );
    const rest = groups.length - MAX_TIE_REASONS;
    if (rest > 0) shown.push(`and ${rest} more reason${rest === 1 ? '' : 's'}`);
    summary = `No match: none of the ${n} $or alternatives matched; alternatives ${and(closest.map((x) => String(x.i + 1)))} are equally close (${each}): ${shown.join('; ')}.`;
  }
  return { matched: false, fields: best.r.fields, summary };
}

/** Beyond this many different reasons among equally close alternatives, the rest are counted. */
const MAX_TIE_REASONS = 3;

function and(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}

function distinct(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * The explanation as lines of text: the summary, then each failing field's reason that the
 * summary does not already give (so no reason is said twice).
 */
export function explanationLines(x: MatchExplanation): string[] {
  const lines = [x.summary];
  for (const f of x.fields) {
    if (f.reason && f.matched === x.matched && !lines.some((l) => l.includes(f.reason as string))) lines.push(f.reason);
  }
  return lines;
}
