// The JSONPath subset EventBridge input transformers accept: $, dot segments (letters, digits, -, _, /, and
// other non-structural characters), array indices [n] and wildcards (.* or [*]). Bracket keys ($['a']) are rejected.

export type PathStep = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'wildcard' };

export interface ParsedPath {
  steps: PathStep[];
  /** True when a wildcard makes the result a list of matches. */
  multi: boolean;
}

const SEGMENT = /^[^.[\]\s"'<>]+/;

/** Parses a path or returns an error message explaining what is wrong. */
export function parseJsonPath(path: unknown): ParsedPath | string {
  if (typeof path !== 'string' || path === '') return 'must be a non-empty JSON path such as $.detail.id';
  if (path.length > 256) return 'must be at most 256 characters';
  if (path[0] !== '$') return `must start with "$" (for example "$.detail"), got "${path}"`;
  const steps: PathStep[] = [];
  let rest = path.slice(1);
  while (rest !== '') {
    if (rest.startsWith('.*')) {
      steps.push({ kind: 'wildcard' });
      rest = rest.slice(2);
    } else if (rest[0] === '.') {
      const m = SEGMENT.exec(rest.slice(1));
      if (!m) return `has an empty or invalid name after "." at "${rest}"`;
      steps.push({ kind: 'key', key: m[0] });
      rest = rest.slice(1 + m[0].length);
    } else if (rest.startsWith('[*]')) {
      steps.push({ kind: 'wildcard' });
      rest = rest.slice(3);
    } else if (rest[0] === '[') {
      const m = /^\[(\d+)\]/.exec(rest);
      if (!m) {
        return `uses bracket notation "${rest}": only array indices like [0] and [*] are allowed; use dot notation for keys`;
      }
      steps.push({ kind: 'index', index: Number(m[1]) });
      rest = rest.slice(m[0].length);
    } else {
      return `has unexpected text "${rest}" (segments must be joined with ".")`;
    }
  }
  return { steps, multi: steps.some((s) => s.kind === 'wildcard') };
}

/** Evaluates a parsed path; `found` is false when the path does not exist in the value. */
export function evaluateJsonPath(parsed: ParsedPath, root: unknown): { found: boolean; value: unknown } {
  let current: unknown[] = [root];
  for (const step of parsed.steps) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step.kind === 'key') {
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.hasOwn(v, step.key)) {
          next.push((v as Record<string, unknown>)[step.key]);
        }
      } else if (step.kind === 'index') {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      } else if (Array.isArray(v)) {
        next.push(...v);
      } else if (v !== null && typeof v === 'object') {
        next.push(...Object.values(v));
      }
    }
    current = next;
  }
  if (parsed.multi) return { found: current.length > 0, value: current };
  return current.length === 0 ? { found: false, value: undefined } : { found: true, value: current[0] };
}
