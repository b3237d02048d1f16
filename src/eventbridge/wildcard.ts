// Wildcard patterns: '*' stands for any run of characters (including none); '\*' is a
// literal star and '\\' a literal backslash. Any other escape, or two stars in a row, is an error.

export interface WildcardPattern {
  /** Literal pieces between stars; a pattern "a*b" has pieces ["a", "b"]. */
  pieces: string[];
  /** Source text, for messages. */
  source: string;
}

export type WildcardParse = { ok: true; pattern: WildcardPattern } | { ok: false; message: string };

export function parseWildcard(source: string): WildcardParse {
  const pieces: string[] = [];
  let cur = '';
  let lastWasStar = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[i + 1];
      if (n !== '*' && n !== '\\') {
        return { ok: false, message: `invalid escape at character ${i + 1} of ${JSON.stringify(source)}: only \\* and \\\\ are allowed` };
      }
      cur += n;
      i++;
      lastWasStar = false;
      continue;
    }
    if (c === '*') {
      if (lastWasStar) {
        return { ok: false, message: `two wildcard characters in a row at character ${i + 1} of ${JSON.stringify(source)}` };
      }
      pieces.push(cur);
      cur = '';
      lastWasStar = true;
      continue;
    }
    cur += c;
    lastWasStar = false;
  }
  pieces.push(cur);
  return { ok: true, pattern: { pieces, source } };
}

/** Whether the whole string matches the wildcard pattern. */
export function wildcardMatches(p: WildcardPattern, s: string): boolean {
  const pieces = p.pieces;
  const first = pieces[0] ?? '';
  if (pieces.length === 1) return s === first;
  const last = pieces[pieces.length - 1] ?? '';
  if (s.length < first.length + last.length) return false;
  if (!s.startsWith(first) || !s.endsWith(last)) return false;
  // Middle pieces in order, each as early as possible: greedy leftmost placement is optimal
  // because every gap can absorb anything.
  let pos = first.length;
  const end = s.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i] ?? '';
    const at = s.indexOf(piece, pos);
    if (at < 0 || at + piece.length > end) return false;
    pos = at + piece.length;
  }
  return true;
}

/**
 * A measure of how much work a wildcard pattern can cause, in the spirit of event-ruler's
 * MachineComplexityEvaluator: the most automaton states that can be alive at once over any
 * input, counting a state that loops on a star twice. EventBridge rejects patterns scoring
 * above WILDCARD_COMPLEXITY_LIMIT ("*:*:*:*:*:event-bus/*" scores 11 and is rejected by AWS;
 * every wildcard AWS accepted in our samples scores 7 or less).
 */
export const WILDCARD_COMPLEXITY_LIMIT = 10;

export function wildcardComplexity(p: WildcardPattern): number {
  // Literal characters in order, with star[i] true when state i loops (a star sits before char i).
  const lits: string[] = [];
  const star: boolean[] = [false];
  p.pieces.forEach((piece, idx) => {
    if (idx > 0) star[lits.length] = true;
    for (const ch of piece) {
      lits.push(ch);
      star[lits.length] = false;
    }
  });
  const n = lits.length;
  const alphabet = [...new Set(lits), '\u0000'];
  const key = (set: number[]) => set.join(',');
  const score = (set: number[]) => set.reduce((a, s) => a + (star[s] ? 2 : 1), 0) - 1;
  let best = 0;
  const seen = new Set<string>();
  let frontier: number[][] = [[0]];
  seen.add('0');
  let budget = 5000;
  while (frontier.length > 0 && budget > 0) {
    const next: number[][] = [];
    for (const set of frontier) {
      for (const ch of alphabet) {
        if (--budget <= 0) break;
        const out = new Set<number>();
        for (const s of set) {
          if (star[s]) out.add(s);
          if (s < n && lits[s] === ch) out.add(s + 1);
        }
        if (out.size === 0) continue;
        const arr = [...out].sort((a, b) => a - b);
        const k = key(arr);
        if (seen.has(k)) continue;
        seen.add(k);
        best = Math.max(best, score(arr));
        if (best > WILDCARD_COMPLEXITY_LIMIT) return best; // already too complex: stop early
        next.push(arr);
      }
    }
    frontier = next;
  }
  return best;
}
