// RuleMachine: many rules compiled into one shared automaton, in the spirit of aws/event-ruler.
// Each rule branch is a chain of field conditions in path order; identical conditions at the
// same point are shared between rules. Matching walks the automaton from the start state,
// following a transition whenever an event value at its path passes its condition (found
// through per-path indexes: Maps for exact values and prefixes/suffixes, sorted numeric ranges),
// so the work depends on the event and on the rules that actually match, not on how many
// rules exist.
import { compileOrThrow } from './pattern-api.ts';
import { buildPathTrie, flattenEvent, K_FALSE, K_NULL, K_NUMBER, K_STRING, K_TRUE } from './event-flatten.ts';
import type { FlatEvent, Leaf, PathTrie } from './event-flatten.ts';
import { conditionAccepts, consistent } from './leaf-match.ts';
import type { FieldCondition, JsonInput } from './types.ts';

interface Transition {
  cond: FieldCondition;
  next: NameState;
  refs: number;
  stamp: number;
  /** Owning state, for removal. */
  from: NameState;
}

class NameState {
  readonly trans = new Map<string, Transition>();
  readonly byPath = new Map<string, FieldMachine>();
  /** byPath as parallel arrays, for fast iteration while matching (refreshed on change). */
  paths: string[] = [];
  ids: number[] = [];
  machines: FieldMachine[] = [];
  refreshPaths(ids: Map<string, number>): void {
    this.paths = [...this.byPath.keys()];
    this.ids = this.paths.map((p) => ids.get(p) ?? -1);
    this.machines = [...this.byPath.values()];
  }
  readonly absent: Transition[] = [];
  readonly terminals = new Map<string, number>();
  /** Visit number when last reached with no array constraint. */
  stamp = 0;
  /** Visit number for which `seen` holds the constrained arrivals. */
  seenStamp = 0;
  seen: Set<string> | undefined;
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
  private exact = new Map<string, Transition[]>();
  private numValue = new Map<number, Transition[]>();
  private numText = new Map<string, Transition[]>();
  private literal = new Map<string, Transition[]>();
  private prefix = new Map<string, Transition[]>();
  private prefixLens: number[] = [];
  private suffix = new Map<string, Transition[]>();
  private suffixLens: number[] = [];
  private ranges: RangeEntry[] = [];
  private any: Transition[] = [];
  private scan: Transition[] = [];

  add(t: Transition): void {
    this.transitions.add(t);
    this.dirty = true;
  }
  remove(t: Transition): void {
    this.transitions.delete(t);
    this.dirty = true;
  }

  private rebuild(): void {
    const push = <K>(m: Map<K, Transition[]>, k: K, t: Transition) => {
      const a = m.get(k);
      if (a) {
        if (!a.includes(t)) a.push(t);
      } else m.set(k, [t]);
    };
    this.exact = new Map();
    this.numValue = new Map();
    this.numText = new Map();
    this.literal = new Map();
    this.prefix = new Map();
    this.suffix = new Map();
    this.ranges = [];
    this.any = [];
    this.scan = [];
    const pl = new Set<number>();
    const sl = new Set<number>();
    for (const t of this.transitions) {
      const c = t.cond;
      if (c.ipMode) {
        // Address comparison changes how strings are read; evaluate these conditions whole.
        this.scan.push(t);
        continue;
      }
      let scanned = false;
      for (const m of c.positive) {
        switch (m.k) {
          case 'string': push(this.exact, m.s, t); break;
          case 'number':
            if (m.value !== undefined) push(this.numValue, m.value, t);
            push(this.numText, m.text, t);
            break;
          case 'numeric-eq': push(this.numValue, m.value, t); break;
          case 'literal': push(this.literal, m.lit, t); break;
          case 'prefix': push(this.prefix, m.s, t); pl.add(m.s.length); break;
          case 'suffix': push(this.suffix, m.s, t); sl.add(m.s.length); break;
          case 'range': this.ranges.push({ lo: m.lo, loOpen: m.loOpen, hi: m.hi, hiOpen: m.hiOpen, t }); break;
          case 'exists': this.any.push(t); break;
          default:
            if (!scanned) {
              this.scan.push(t);
              scanned = true;
            }
        }
      }
    }
    this.prefixLens = [...pl].sort((a, b) => a - b);
    this.suffixLens = [...sl].sort((a, b) => a - b);
    this.ranges.sort((a, b) => a.lo - b.lo);
    this.dirty = false;
  }

  /** Appends to `out` each transition whose condition accepts the leaf (once each). */
  lookup(leaf: Leaf, stamp: number, out: Transition[]): void {
    if (this.dirty) this.rebuild();
    if (this.any.length > 0) take(this.any, stamp, out);
    const k = leaf.kind;
    if (k === K_STRING) {
      const s = leaf.s;
      const ex = this.exact.get(s);
      if (ex) take(ex, stamp, out);
      const pl = this.prefixLens;
      for (let i = 0; i < pl.length; i++) {
        const n = pl[i] as number;
        if (n > s.length) break;
        const ts = this.prefix.get(n === s.length ? s : s.slice(0, n));
        if (ts) take(ts, stamp, out);
      }
      const sl = this.suffixLens;
      for (let i = 0; i < sl.length; i++) {
        const n = sl[i] as number;
        if (n > s.length) break;
        const ts = this.suffix.get(n === s.length ? s : s.slice(s.length - n));
        if (ts) take(ts, stamp, out);
      }
    } else if (k === K_NUMBER) {
      const n = leaf.num;
      if (n !== undefined) {
        const eq = this.numValue.get(n);
        if (eq) take(eq, stamp, out);
        const rs = this.ranges;
        for (let i = 0; i < rs.length; i++) {
          const r = rs[i] as RangeEntry;
          if (r.lo > n) break;
          if ((r.loOpen ? n > r.lo : n >= r.lo) && (r.hiOpen ? n < r.hi : n <= r.hi) && r.t.stamp !== stamp) {
            r.t.stamp = stamp;
            out.push(r.t);
          }
        }
      }
      const tx = this.numText.get(leaf.s);
      if (tx) take(tx, stamp, out);
    } else if (k === K_TRUE || k === K_FALSE || k === K_NULL) {
      const lt = this.literal.get(leaf.s);
      if (lt) take(lt, stamp, out);
    }
    const sc = this.scan;
    for (let i = 0; i < sc.length; i++) {
      const t = sc[i] as Transition;
      if (t.stamp !== stamp && conditionAccepts(t.cond, leaf)) {
        t.stamp = stamp;
        out.push(t);
      }
    }
  }
}

function take(ts: Transition[], stamp: number, out: Transition[]): void {
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i] as Transition;
    if (t.stamp !== stamp) {
      t.stamp = stamp;
      out.push(t);
    }
  }
}

interface RuleRecord {
  /** For each branch, the transitions it uses, in order, and its final state. */
  chains: { trans: Transition[]; end: NameState }[];
}

const EMPTY: readonly number[] = [];

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
        let t = state.trans.get(cond.key);
        if (!t) {
          t = { cond, next: new NameState(), refs: 0, stamp: 0, from: state };
          state.trans.set(cond.key, t);
          if (cond.positive.length > 0) {
            let fm = state.byPath.get(cond.path);
            if (!fm) {
              fm = new FieldMachine();
              state.byPath.set(cond.path, fm);
              state.refreshPaths(this.pathIds);
            }
            fm.add(t);
          }
          if (cond.allowsAbsent) state.absent.push(t);
        }
        t.refs++;
        trans.push(t);
        state = t.next;
      }
      state.terminals.set(name, (state.terminals.get(name) ?? 0) + 1);
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
      const left = (chain.end.terminals.get(name) ?? 1) - 1;
      if (left > 0) chain.end.terminals.set(name, left);
      else chain.end.terminals.delete(name);
      for (const t of chain.trans) {
        t.refs--;
        if (t.refs === 0) {
          const from = t.from;
          from.trans.delete(t.cond.key);
          const fm = from.byPath.get(t.cond.path);
          if (fm) {
            fm.remove(t);
            if (fm.transitions.size === 0) {
              from.byPath.delete(t.cond.path);
              from.refreshPaths(this.pathIds);
            }
          }
          const i = from.absent.indexOf(t);
          if (i >= 0) from.absent.splice(i, 1);
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
      for (const t of st.trans.values()) {
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
    const ev = flattenEvent(event, this.wantedPaths());
    return this.matchFlat(ev);
  }

  /** Matching on an already flattened event (used by tests and the bench). */
  matchFlat(ev: FlatEvent): string[] {
    const found: string[] = [];
    const visit = ++this.visit;
    const states = this.stateStack;
    const constraints = this.constraintStack;
    const hits = this.hits;
    this.root.stamp = visit;
    const slots = ev.slots && ev.slots.length > 0 ? ev.slots : undefined;
    states.length = 0;
    constraints.length = 0;
    states.push(this.root);
    constraints.push(EMPTY);
    while (states.length > 0) {
      const s = states.pop() as NameState;
      const arrays = constraints.pop() as readonly number[];
      if (s.terminals.size > 0) for (const name of s.terminals.keys()) found.push(name);
      const paths = s.paths;
      if (paths.length > 0) {
        const ids = s.ids;
        for (let pi = 0; pi < paths.length; pi++) {
          const leaves = slots ? slots[ids[pi] as number] : ev.byPath.get(paths[pi] as string);
          if (!leaves) continue;
          const fm = s.machines[pi] as FieldMachine;
          for (let li = 0; li < leaves.length; li++) {
            const leaf = leaves[li] as Leaf;
            if (arrays.length > 0 && !consistent(arrays, leaf.arrays)) continue;
            hits.length = 0;
            fm.lookup(leaf, ++this.stamp, hits);
            if (hits.length === 0) continue;
            const merged = leaf.arrays.length === 0 ? arrays : arrays.length === 0 ? leaf.arrays : [...arrays, ...leaf.arrays];
            for (let h = 0; h < hits.length; h++) this.enqueue((hits[h] as Transition).next, merged, visit, states, constraints);
          }
        }
      }
      const ab = s.absent;
      for (let i = 0; i < ab.length; i++) {
        const t = ab[i] as Transition;
        const absent = slots ? slots[this.pathIds.get(t.cond.path) as number] === undefined : !ev.byPath.has(t.cond.path);
        if (absent) this.enqueue(t.next, arrays, visit, states, constraints);
      }
    }
    if (found.length <= 1) return found;
    found.sort();
    let w = 1;
    for (let i = 1; i < found.length; i++) if (found[i] !== found[w - 1]) found[w++] = found[i] as string;
    found.length = w;
    return found;
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
    states.push(s);
    constraints.push(arrays);
  }
}
