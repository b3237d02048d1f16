// The slow, obviously correct matcher: for each branch, find one value per field that passes
// the field's test, all drawn from compatible array elements, by plain backtracking. The
// RuleMachine must always agree with it.
import type { FlatEvent, Leaf } from './event-flatten.ts';
import { conditionAccepts, consistent } from './leaf-match.ts';
import type { Branch, CompiledPattern } from './types.ts';

export function referenceMatches(p: CompiledPattern, ev: FlatEvent): boolean {
  return p.branches.some((b) => branchMatches(b, ev));
}

/** Candidate leaves per field, or undefined when some field cannot be satisfied at all. */
export function branchCandidates(b: Branch, ev: FlatEvent): (Leaf[] | null)[] | undefined {
  const out: (Leaf[] | null)[] = [];
  for (const f of b.fields) {
    const present = ev.byPath.get(f.path) ?? [];
    if (present.length === 0) {
      // Absent: satisfied only by {"exists": false}.
      if (!f.allowsAbsent) return undefined;
      out.push(null);
      continue;
    }
    const ok = present.filter((l) => conditionAccepts(f, l));
    if (ok.length === 0) return undefined;
    out.push(ok);
  }
  return out;
}

export function branchMatches(b: Branch, ev: FlatEvent): boolean {
  const cands = branchCandidates(b, ev);
  if (!cands) return false;
  const needed = cands.filter((c): c is Leaf[] => c !== null);
  const chosen: Leaf[] = [];
  const search = (i: number): boolean => {
    if (i === needed.length) return true;
    for (const leaf of needed[i] as Leaf[]) {
      if (chosen.every((c) => consistent(c.arrays, leaf.arrays))) {
        chosen.push(leaf);
        if (search(i + 1)) return true;
        chosen.pop();
      }
    }
    return false;
  };
  return search(0);
}
