// Whether one event value (a leaf) passes a field condition. Each matcher kind's meaning is
// defined once, in matcher-kinds.ts; the reference matcher, the explainer and the RuleMachine
// all use it.
import type { Leaf } from './event-flatten.ts';
import { matcherAccepts } from './matcher-kinds.ts';
import type { FieldCondition } from './types.ts';

export { matcherAccepts };

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
