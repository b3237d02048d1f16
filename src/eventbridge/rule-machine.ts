// RuleMachine: many rules compiled into one shared automaton, in the spirit of aws/event-ruler.
// Each rule branch is a chain of field conditions in path order; identical conditions at the
// same point are shared between rules. Matching walks the automaton from the start state,
// following a transition whenever an event value at its path passes its condition (found
// through per-path indexes: Maps for exact values, prefixes/suffixes, folded case and IP
// addresses, sorted numeric ranges, anything-but exclusion sets; each matcher kind names its
// index in matcher-kinds.ts), so the work depends on the event and on the rules that actually
// match, not on how many rules exist.
import { compileOrThrow } from './pattern-api.ts';
import { buildPathTrie, flattenEvent, K_FALSE, K_NULL, K_NUMBER, K_STRING, K_TRUE } from './event-flatten.ts';
import type { FlatEvent, Leaf, PathTrie, Slot } from './event-flatten.ts';
import { scanEvent } from './event-scan.ts';
import { conditionAccepts, consistent } from './leaf-match.ts';
import { kindOf, leafIp, matcherAccepts } from './matcher-kinds.ts';
import type { IndexKind } from './matcher-kinds.ts';
import type { FieldCondition, JsonInput, Matcher } from './types.ts';

interface Transition {
  cond: FieldCondition;
  next: NameState;
  refs: number;
  stamp: number;
  /** Owning state, for removal. */
  from: NameState;
  /** The machine's number for cond.path (see RuleMachine.pathIds). */
  pathId: number;
}

// Shared empty containers: most states and field machines use only a few of their indexes,
// and allocating every Map up front made building 10,000 rules mostly garbage collection.
const NO_TRANSITIONS: Transition[] = [];
const NO_STRINGS: string[] = [];
const NO_NUMBERS: number[] = [];
const NO_MACHINES: FieldMachine[] = [];
const NO_STRING_INDEX = new Map<string, Transition[]>();
const NO_NUMBER_INDEX = new Map<number, Transition[]>();

class NameState {
  /** Outgoing transitions by condition key (allocated on first use). */
  trans: Map<string, Transition> | undefined;
  byPath: Map<string, FieldMachine> | undefined;
  /** byPath as parallel arrays, for fast iteration while matching (refreshed on change). */
  paths: string[] = NO_STRINGS;
  ids: number[] = NO_NUMBERS;
  machines: FieldMachine[] = NO_MACHINES;
  refreshPaths(ids: Map<string, number>): void {
    const bp = this.byPath;
    this.paths = bp && bp.size > 0 ? [...bp.keys()] : NO_STRINGS;
    this.ids = this.paths.map((p) => ids.get(p) ?? -1);
    this.machines = bp && bp.size > 0 ? [...bp.values()] : NO_MACHINES;
  }
  absent: Transition[] = NO_TRANSITIONS;
  terminals: Map<string, number> | undefined;
  /** Names of the rules that end here, as an array for matching (refreshed on change). */
  ends: string[] = NO_STRINGS;

  /** Visit number when last reached with no array constraint. */
  stamp = 0;
  /** Visit number for which `seen` holds the constrained arrivals. */
  seenStamp = 0;
  seen: Set<string> | undefined;
}

/** An anything-but condition: the transition is taken unless the value is in `set`. */
interface ExclusionEntry<T> {
  set: Set<T>;
  t: Transition;
}

/** A kind whose row in matcher-kinds.ts names an index made for another kind: a bug, said loudly. */
function wrongIndex(kind: string, index: IndexKind): never {
  throw new Error(`RuleMachine: matcher kind "${kind}" names the index "${index}", which holds other kinds; give it its own index or "each"`);
}

/** The ASCII lower-case form of s, or undefined when s has a character outside ASCII. */
function asciiLower(s: string): string | undefined {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return undefined;
  return s.toLowerCase();
}

interface RangeEntry {
  lo: number;
  loOpen: boolean;
  hi: number;
  hiOpen: boolean;
  t: Transition;
}

/** The conditions leaving one state on one path, with indexes rebuilt lazily after changes. */
class FieldMachine {
  readonly transitions = new Set<Transition>();
  private dirty = true;
  private exact = NO_STRING_INDEX;
  private numValue = NO_NUMBER_INDEX;
  private numText = NO_STRING_INDEX;
  private literal = NO_STRING_INDEX;
  private prefix = NO_STRING_INDEX;
  private prefixLens = NO_NUMBERS;
  private suffix = NO_STRING_INDEX;
  private suffixLens = NO_NUMBERS;
  private ranges: RangeEntry[] = [];
  private ip = NO_STRING_INDEX;
  /** Lengths of the hex keys in `ip`: like hexInRange, an address is compared by its first that many digits. */
  private ipLens = NO_NUMBERS;
  /** equals-ignore-case on ASCII text, by the ASCII lower-case form. */
  private folded = NO_STRING_INDEX;
  private abStrings: ExclusionEntry<string>[] = [];
  private abNumbers: ExclusionEntry<number>[] = [];
  private any = NO_TRANSITIONS;
  private scan = NO_TRANSITIONS;
  private single: Transition | undefined;
  private singleMatcher: Matcher | undefined;

  add(t: Transition): void {
    this.transitions.add(t);
    this.dirty = true;
  }
  remove(t: Transition): void {
    this.transitions.delete(t);
    this.dirty = true;
  }

  private rebuild(): void {
    const push = <K>(m: Map<K, Transition[]> | undefined, k: K, t: Transition): Map<K, Transition[]> => {
      const map = m ?? new Map<K, Transition[]>();
      const a = map.get(k);
      if (a) {
        if (!a.includes(t)) a.push(t);
      } else map.set(k, [t]);
      return map;
    };
    let exact: Map<string, Transition[]> | undefined;
    let numValue: Map<number, Transition[]> | undefined;
    let numText: Map<string, Transition[]> | undefined;
    let literal: Map<string, Transition[]> | undefined;
    let prefix: Map<string, Transition[]> | undefined;
    let suffix: Map<string, Transition[]> | undefined;
    let ip: Map<string, Transition[]> | undefined;
    let folded: Map<string, Transition[]> | undefined;
    const abStrings: ExclusionEntry<string>[] = [];
    const abNumbers: ExclusionEntry<number>[] = [];
    const ranges: RangeEntry[] = [];
    const any: Transition[] = [];
    const scan: Transition[] = [];
    const pl = new Set<number>();
    const sl = new Set<number>();
    const il = new Set<number>();
    for (const t of this.transitions) {
      const c = t.cond;
      let scanned = false;
      const testEach = () => {
        // The whole condition is tested, once per transition.
        if (!scanned) scan.push(t);
        scanned = true;
      };
      for (const m of c.positive) {
        const index = kindOf(m).index;
        switch (index) {
          case 'exact': if (m.k === 'string') exact = push(exact, m.s, t); else wrongIndex(m.k, index); break;
          case 'number':
            if (m.k !== 'number') wrongIndex(m.k, index);
            else {
              if (m.value !== undefined) numValue = push(numValue, m.value, t);
              numText = push(numText, m.text, t);
            }
            break;
          case 'numeric-eq': if (m.k === 'numeric-eq') numValue = push(numValue, m.value, t); else wrongIndex(m.k, index); break;
          case 'literal': if (m.k === 'literal') literal = push(literal, m.lit, t); else wrongIndex(m.k, index); break;
          case 'ip':
            // A single address is a range of one: index it by its hex form.
            if (m.k !== 'ip') wrongIndex(m.k, index);
            else if (m.range.lo === m.range.hi) (ip = push(ip, m.range.lo, t)), il.add(m.range.lo.length);
            else testEach(); // not produced by the compiler today (a plain address is one value)
            break;
          case 'eic': {
            if (m.k !== 'eic') wrongIndex(m.k, index);
            const key = m.k === 'eic' ? asciiLower(m.s) : undefined;
            if (key !== undefined) folded = push(folded, key, t);
            else testEach(); // outside ASCII, case folding is not a plain lower-casing
            break;
          }
          case 'prefix': if (m.k === 'prefix') (prefix = push(prefix, m.s, t)), pl.add(m.s.length); else wrongIndex(m.k, index); break;
          case 'suffix': if (m.k === 'suffix') (suffix = push(suffix, m.s, t)), sl.add(m.s.length); else wrongIndex(m.k, index); break;
          case 'range': if (m.k === 'range') ranges.push({ lo: m.lo, loOpen: m.loOpen, hi: m.hi, hiOpen: m.hiOpen, t }); else wrongIndex(m.k, index); break;
          case 'always': any.push(t); break;
          case 'anything-but-strings': if (m.k === 'ab-strings') abStrings.push({ set: m.set, t }); else wrongIndex(m.k, index); break;
          case 'anything-but-numbers': if (m.k === 'ab-numbers') abNumbers.push({ set: m.set, t }); else wrongIndex(m.k, index); break;
          case 'each': testEach(); break;
          default: {
            const unknown: never = index;
            throw new Error(`RuleMachine: matcher kind "${m.k}" names the index "${String(unknown)}", which the FieldMachine does not have`);
          }
        }
      }
    }
    this.exact = exact ?? NO_STRING_INDEX;
    this.numValue = numValue ?? NO_NUMBER_INDEX;
    this.numText = numText ?? NO_STRING_INDEX;
    this.literal = literal ?? NO_STRING_INDEX;
    this.prefix = prefix ?? NO_STRING_INDEX;
    this.suffix = suffix ?? NO_STRING_INDEX;
    this.prefixLens = pl.size > 0 ? [...pl].sort((a, b) => a - b) : NO_NUMBERS;
    this.suffixLens = sl.size > 0 ? [...sl].sort((a, b) => a - b) : NO_NUMBERS;
    this.ranges = ranges.sort((a, b) => a.lo - b.lo);
    this.ip = ip ?? NO_STRING_INDEX;
    this.ipLens = il.size > 0 ? [...il] : NO_NUMBERS;
    this.folded = folded ?? NO_STRING_INDEX;
    this.abStrings = abStrings;
    this.abNumbers = abNumbers;
    this.any = any.length > 0 ? any : NO_TRANSITIONS;
    this.scan = scan.length > 0 ? scan : NO_TRANSITIONS;
    // Past the first fields, most field machines hold one condition with one matcher: for the
    // common kinds, test it in place (a switch here is cheaper than the indexes, and than a
    // call through the matcher-kinds table).
    const only = this.transitions.size === 1 ? ([...this.transitions][0] as Transition) : undefined;
    const m = only && only.cond.positive.length === 1 ? only.cond.positive[0] : undefined;
    this.single = m && (m.k === 'string' || m.k === 'prefix' || m.k === 'suffix' || m.k === 'range' || m.k === 'ab-strings' || m.k === 'eic') ? only : undefined;
    this.singleMatcher = this.single ? m : undefined;
    this.dirty = false;
  }

  /** Writes to out[n...] each transition whose condition accepts the leaf (once each); returns the new count. */
  lookup(leaf: Leaf, stamp: number, out: Transition[], n: number): number {
    if (this.dirty) this.rebuild();
    const one = this.single;
    if (one !== undefined) {
      if (one.stamp !== stamp && singleAccepts(this.singleMatcher as Matcher, leaf)) {
        one.stamp = stamp;
        out[n++] = one;
      }
      return n;
    }
    if (this.any.length > 0) n = take(this.any, stamp, out, n);
    const k = leaf.kind;
    if (k === K_STRING) {
      const s = leaf.s;
      if (this.exact.size > 0) {
        const ex = this.exact.get(s);
        if (ex) n = take(ex, stamp, out, n);
      }
      const pl = this.prefixLens;
      for (let i = 0; i < pl.length; i++) {
        const len = pl[i] as number;
        if (len > s.length) break;
        const ts = this.prefix.get(len === s.length ? s : s.slice(0, len));
        if (ts) n = take(ts, stamp, out, n);
      }
      const sl = this.suffixLens;
      for (let i = 0; i < sl.length; i++) {
        const len = sl[i] as number;
        if (len > s.length) break;
        const ts = this.suffix.get(len === s.length ? s : s.slice(s.length - len));
        if (ts) n = take(ts, stamp, out, n);
      }
      if (this.folded.size > 0) {
        const key = asciiLower(s);
        const ts = key === undefined ? undefined : this.folded.get(key);
        if (ts) n = take(ts, stamp, out, n);
      }
      if (this.ip.size > 0) {
        const hex = leafIp(leaf);
        const il = this.ipLens;
        for (let i = 0; hex !== null && i < il.length; i++) {
          const len = il[i] as number;
          const ts = hex.length < len ? undefined : this.ip.get(hex.length === len ? hex : hex.slice(0, len));
          if (ts) n = take(ts, stamp, out, n);
        }
      }
      const ab = this.abStrings;
      for (let i = 0; i < ab.length; i++) {
        const e = ab[i] as ExclusionEntry<string>;
        if (e.t.stamp !== stamp && !e.set.has(s)) {
          e.t.stamp = stamp;
          out[n++] = e.t;
        }
      }
      n = takeExclusions(this.abNumbers, stamp, out, n); // anything-but numbers accepts every string
    } else if (k === K_NUMBER) {
      const v = leaf.num;
      if (v !== undefined) {
        if (this.numValue.size > 0) {
          const eq = this.numValue.get(v);
          if (eq) n = take(eq, stamp, out, n);
        }
        const rs = this.ranges;
        for (let i = 0; i < rs.length; i++) {
          const r = rs[i] as RangeEntry;
          if (r.lo > v) break;
          if ((r.loOpen ? v > r.lo : v >= r.lo) && (r.hiOpen ? v < r.hi : v <= r.hi) && r.t.stamp !== stamp) {
            r.t.stamp = stamp;
            out[n++] = r.t;
          }
        }
      }
      if (this.numText.size > 0) {
        const tx = this.numText.get(leaf.s);
        if (tx) n = take(tx, stamp, out, n);
      }
      const abn = this.abNumbers;
      for (let i = 0; i < abn.length; i++) {
        const e = abn[i] as ExclusionEntry<number>;
        if (e.t.stamp !== stamp && (v === undefined || !e.set.has(v))) {
          e.t.stamp = stamp;
          out[n++] = e.t;
        }
      }
      n = takeExclusions(this.abStrings, stamp, out, n); // anything-but strings accepts every number
    } else if (k === K_TRUE || k === K_FALSE || k === K_NULL) {
      if (this.literal.size > 0) {
        const lt = this.literal.get(leaf.s);
        if (lt) n = take(lt, stamp, out, n);
      }
    }
    if (k !== K_STRING && k !== K_NUMBER) {
      // anything-but strings or numbers accepts true, false and null.
      n = takeExclusions(this.abStrings, stamp, out, n);
      n = takeExclusions(this.abNumbers, stamp, out, n);
    }
    const sc = this.scan;
    for (let i = 0; i < sc.length; i++) {
      const t = sc[i] as Transition;
      if (t.stamp !== stamp && conditionAccepts(t.cond, leaf)) {
        t.stamp = stamp;
        out[n++] = t;
      }
    }
    return n;
  }
}

/** The kinds FieldMachine tests in place (see rebuild); others never get here. */
function singleAccepts(m: Matcher, leaf: Leaf): boolean {
  if (m.k === 'range') {
    const v = leaf.num;
    return leaf.kind === K_NUMBER && v !== undefined && (m.loOpen ? v > m.lo : v >= m.lo) && (m.hiOpen ? v < m.hi : v <= m.hi);
  }
  if (leaf.kind !== K_STRING) return m.k === 'ab-strings';
  const s = leaf.s;
  switch (m.k) {
    case 'string': return s === m.s;
    case 'prefix': return s.startsWith(m.s);
    case 'suffix': return s.endsWith(m.s);
    case 'ab-strings': return !m.set.has(s);
    case 'eic': return m.test(s);
    default: return matcherAccepts(m, leaf);
  }
}

/**
 * A sorted copy of the names without repeats. Few rules match one event, so an insertion sort
 * with `<` (the same code-unit order as the default sort) beats Array.prototype.sort here.
 */
function sortedUnique(names: string[]): string[] {
  const out = names.slice();
  if (out.length > 32) out.sort();
  else {
    for (let i = 1; i < out.length; i++) {
      const x = out[i] as string;
      let j = i - 1;
      while (j >= 0 && (out[j] as string) > x) {
        out[j + 1] = out[j] as string;
        j--;
      }
      out[j + 1] = x;
    }
  }
  let w = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[w - 1]) out[w++] = out[i] as string;
  out.length = w;
  return out;
}

/** Takes every anything-but transition of the list (for a value none of them can exclude). */
function takeExclusions<T>(es: ExclusionEntry<T>[], stamp: number, out: Transition[], n: number): number {
  for (let i = 0; i < es.length; i++) {
    const t = (es[i] as ExclusionEntry<T>).t;
    if (t.stamp !== stamp) {
      t.stamp = stamp;
      out[n++] = t;
    }
  }
  return n;
}

function take(ts: Transition[], stamp: number, out: Transition[], n: number): number {
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Transition;
    if (t.stamp !== stamp) {
      t.stamp = stamp;
      out[n++] = t;
    }
  }
  return n;
}

interface RuleRecord {
  /** For each branch, the transitions it uses, in order, and its final state. */
  chains: { trans: Transition[]; end: NameState }[];
}

const EMPTY: readonly number[] = [];
const NO_PATHS = new Map<string, Leaf[]>();

export class RuleMachine {
  private readonly root = new NameState();
  private readonly rules = new Map<string, RuleRecord>();
  private wanted: PathTrie | undefined;
  /** Every path any rule has used gets a small number, used to index event leaves. */
  private readonly pathIds = new Map<string, number>();
  private stamp = 0;
  private visit = 0;
  // Work arrays reused across calls to avoid garbage (matching is synchronous, never re-entered).
  private readonly stateStack: NameState[] = [];
  private readonly constraintStack: (readonly number[])[] = [];
  private readonly hits: Transition[] = [];
  private readonly found: string[] = [];
  private readonly slots: Slot[] = [];

  /** Adds (or replaces) a rule. Throws InvalidEventPatternError for an invalid pattern. */
  addRule(name: string, pattern: JsonInput): void {
    const compiled = compileOrThrow(pattern);
    if (this.rules.has(name)) this.deleteRule(name);
    const rec: RuleRecord = { chains: [] };
    for (const b of compiled.branches) {
      let state = this.root;
      const trans: Transition[] = [];
      for (const cond of b.fields) {
        if (!this.pathIds.has(cond.path)) this.pathIds.set(cond.path, this.pathIds.size);
        const out = (state.trans ??= new Map());
        let t = out.get(cond.key);
        if (!t) {
          t = { cond, next: new NameState(), refs: 0, stamp: 0, from: state, pathId: this.pathIds.get(cond.path) as number };
          out.set(cond.key, t);
          if (cond.positive.length > 0) {
            const byPath = (state.byPath ??= new Map());
            let fm = byPath.get(cond.path);
            if (!fm) {
              fm = new FieldMachine();
              byPath.set(cond.path, fm);
              state.refreshPaths(this.pathIds);
            }
            fm.add(t);
          }
          if (cond.allowsAbsent) state.absent = [...state.absent, t];
        }
        t.refs++;
        trans.push(t);
        state = t.next;
      }
      const terms = (state.terminals ??= new Map());
      terms.set(name, (terms.get(name) ?? 0) + 1);
      state.ends = [...terms.keys()];
      rec.chains.push({ trans, end: state });
    }
    this.rules.set(name, rec);
    this.wanted = undefined;
  }

  deleteRule(name: string): void {
    const rec = this.rules.get(name);
    if (!rec) return;
    this.rules.delete(name);
    for (const chain of rec.chains) {
      const terms = chain.end.terminals;
      const left = (terms?.get(name) ?? 1) - 1;
      if (left > 0) terms?.set(name, left);
      else terms?.delete(name);
      chain.end.ends = terms && terms.size > 0 ? [...terms.keys()] : NO_STRINGS;
      for (const t of chain.trans) {
        t.refs--;
        if (t.refs === 0) {
          const from = t.from;
          from.trans?.delete(t.cond.key);
          const fm = from.byPath?.get(t.cond.path);
          if (fm) {
            fm.remove(t);
            if (fm.transitions.size === 0) {
              from.byPath?.delete(t.cond.path);
              from.refreshPaths(this.pathIds);
            }
          }
          if (from.absent.includes(t)) from.absent = from.absent.filter((x) => x !== t);
        }
      }
    }
    this.wanted = undefined;
  }

  /** Names of all rules, sorted. */
  ruleNames(): string[] {
    return [...this.rules.keys()].sort();
  }

  private wantedPaths(): PathTrie {
    if (this.wanted) return this.wanted;
    const paths = new Set<string>();
    const walk = (st: NameState) => {
      if (st.trans) for (const t of st.trans.values()) {
        paths.add(t.cond.path);
        walk(t.next);
      }
    };
    walk(this.root);
    this.wanted = buildPathTrie(paths, this.pathIds);
    return this.wanted;
  }

  /** Sorted names of the rules the event matches. Throws InvalidEventError for a bad event. */
  matchingRules(event: JsonInput): string[] {
    const wanted = this.wantedPaths();
    if (typeof event === 'string' && (wanted.size ?? 0) > 0) {
      // The scanner reads only what the rules look at; when it declines (invalid text, a
      // repeated key, deep nesting), the careful reader decides and reports errors.
      const slots = scanEvent(event, wanted, this.slots);
      if (slots) return this.matchSlots(slots, NO_PATHS);
    }
    return this.matchFlat(flattenEvent(event, wanted));
  }

  /** Matching on an already flattened event. */
  matchFlat(ev: FlatEvent): string[] {
    return this.matchSlots(ev.slots && ev.slots.length > 0 ? ev.slots : undefined, ev.byPath);
  }

  private matchSlots(slots: Slot[] | undefined, byPath: Map<string, Leaf[]>): string[] {
    const found = this.found;
    found.length = 0;
    const visit = ++this.visit;
    const states = this.stateStack;
    const constraints = this.constraintStack;
    this.root.stamp = visit;
    states.length = 0;
    constraints.length = 0;
    states.push(this.root);
    constraints.push(EMPTY);
    while (states.length > 0) {
      const s = states.pop() as NameState;
      const arrays = constraints.pop() as readonly number[];
      const ends = s.ends;
      for (let i = 0; i < ends.length; i++) found.push(ends[i] as string);
      const paths = s.paths;
      if (paths.length > 0) {
        const ids = s.ids;
        for (let pi = 0; pi < paths.length; pi++) {
          const entry: Slot = slots ? slots[ids[pi] as number] : byPath.get(paths[pi] as string);
          if (entry === undefined) continue;
          const fm = s.machines[pi] as FieldMachine;
          if (Array.isArray(entry)) {
            for (let li = 0; li < entry.length; li++) this.step(entry[li] as Leaf, fm, arrays, visit);
          } else this.step(entry, fm, arrays, visit);
        }
      }
      const ab = s.absent;
      for (let i = 0; i < ab.length; i++) {
        const t = ab[i] as Transition;
        const absent = slots ? slots[t.pathId] === undefined : !byPath.has(t.cond.path);
        if (absent) this.enqueue(t.next, arrays, visit, states, constraints);
      }
    }
    if (found.length === 0) return [];
    if (found.length === 1) return [found[0] as string];
    return sortedUnique(found);
  }

  /** Follows every transition of `fm` that this leaf satisfies. */
  private step(leaf: Leaf, fm: FieldMachine, arrays: readonly number[], visit: number): void {
    if (arrays.length > 0 && !consistent(arrays, leaf.arrays)) return;
    const hits = this.hits;
    const nh = fm.lookup(leaf, ++this.stamp, hits, 0);
    if (nh === 0) return;
    const merged = leaf.arrays.length === 0 ? arrays : arrays.length === 0 ? leaf.arrays : [...arrays, ...leaf.arrays];
    for (let h = 0; h < nh; h++) this.enqueue((hits[h] as Transition).next, merged, visit, this.stateStack, this.constraintStack);
  }

  private enqueue(s: NameState, arrays: readonly number[], visit: number, states: NameState[], constraints: (readonly number[])[]): void {
    if (s.stamp === visit) return; // already reached with no constraint, which covers this arrival
    if (arrays.length === 0) {
      s.stamp = visit;
    } else {
      if (s.seenStamp !== visit) {
        s.seen = new Set();
        s.seenStamp = visit;
      }
      const key = arrays.join(',');
      if (s.seen?.has(key)) return;
      s.seen?.add(key);
    }
    if (s.paths.length === 0 && s.absent.length === 0) {
      // Nothing leaves this state: report its rules now instead of queueing it.
      const ends = s.ends;
      for (let i = 0; i < ends.length; i++) this.found.push(ends[i] as string);
      return;
    }
    states.push(s);
    constraints.push(arrays);
  }
}
