// equals-ignore-case as EventBridge does it: each character of the pattern may appear in the
// event as itself, its lower-case form or its upper-case form. Like aws/event-ruler we work on
// UTF-16 code units, so a character outside the Basic Multilingual Plane (an emoji) in such a
// pattern stands for two '?' characters; we keep that quirk so verdicts agree with the service.

export type FoldMode = 'whole' | 'prefix' | 'suffix';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A matcher for "equals ignoring case" (or its prefix/suffix forms) against one pattern text. */
export function caseFoldMatcher(pattern: string, mode: FoldMode): (value: string) => boolean {
  let simple = true;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (c > 0x7f) simple = false;
  }
  if (simple) {
    // ASCII pattern: compare code units, letters in either case. Exact and allocation-free.
    const n = pattern.length;
    const codes: number[] = [];
    for (let i = 0; i < n; i++) codes.push(pattern.charCodeAt(i) | 0);
    const at = (v: string, off: number): boolean => {
      for (let i = 0; i < n; i++) {
        const p = codes[i] as number;
        const e = v.charCodeAt(off + i);
        if (e === p) continue;
        const lp = p | 0x20;
        if (lp >= 97 && lp <= 122 && (e | 0x20) === lp && e < 128) continue;
        return false;
      }
      return true;
    };
    if (mode === 'whole') return (v) => v.length === n && at(v, 0);
    if (mode === 'prefix') return (v) => v.length >= n && at(v, 0);
    return (v) => v.length >= n && at(v, v.length - n);
  }
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    const ch = c >= 0xd800 && c <= 0xdfff ? '?' : pattern[i] ?? '';
    const alts = [...new Set([ch, ch.toLowerCase(), ch.toUpperCase()])].sort((a, b) => b.length - a.length);
    body += alts.length === 1 ? escapeRe(alts[0] ?? '') : `(?:${alts.map(escapeRe).join('|')})`;
  }
  const re = new RegExp(mode === 'whole' ? `^${body}$` : mode === 'prefix' ? `^${body}` : `${body}$`);
  return (v) => re.test(v);
}
