// Shared types of the pattern engine.
import type { HexRange } from './ip-address.ts';
import type { WildcardPattern } from './wildcard.ts';

/** JSON text, or a value that has already been parsed. */
export type JsonInput = string | object;

/** One thing wrong with an event pattern: where (a JSON path) and what, in plain words. */
export interface PatternProblem {
  path: string;
  message: string;
}

/**
 * One test a field value can pass. A field's list of matchers is an OR. Each kind has its row
 * in matcher-kinds.ts (meaning, wording, index), and the operators of operators.ts produce them.
 */
export type Matcher =
  | { k: 'string'; s: string }
  | { k: 'number'; text: string; value: number | undefined }
  | { k: 'literal'; lit: 'true' | 'false' | 'null' }
  | { k: 'ip'; range: HexRange; source: string }
  | { k: 'prefix'; s: string }
  | { k: 'suffix'; s: string }
  | { k: 'eic'; s: string; test: (v: string) => boolean }
  | { k: 'prefix-eic'; s: string; test: (v: string) => boolean }
  | { k: 'suffix-eic'; s: string; test: (v: string) => boolean }
  | { k: 'wildcard'; w: WildcardPattern }
  | { k: 'range'; lo: number; loOpen: boolean; hi: number; hiOpen: boolean; source: string }
  | { k: 'numeric-eq'; value: number; source: string }
  | { k: 'cidr'; range: HexRange; source: string }
  | { k: 'exists'; exists: boolean }
  | { k: 'ab-strings'; set: Set<string> }
  | { k: 'ab-numbers'; set: Set<number>; texts: string[] }
  | { k: 'ab-eic'; list: string[]; tests: ((v: string) => boolean)[] }
  | { k: 'ab-prefix'; list: string[] }
  | { k: 'ab-suffix'; list: string[] }
  | { k: 'ab-wildcard'; list: WildcardPattern[] };

/** One field of a compiled pattern branch: the flattened path and the OR-list of tests. */
export interface FieldCondition {
  /** Flattened path, keys joined with '.', as the service flattens events. */
  path: string;
  matchers: Matcher[];
  /** Matchers other than exists:false. */
  positive: Matcher[];
  /** The list contains {"exists": false}: an absent field satisfies it. */
  allowsAbsent: boolean;
  /** A stable text key for sharing identical conditions between rules. */
  key: string;
  /** Position of the field in the pattern as written (fields are stored most selective first). */
  order: number;
}

/** One way for a pattern to match: every field must be satisfied ($or expands into several). */
export interface Branch {
  fields: FieldCondition[];
}

export interface CompiledPattern {
  branches: Branch[];
}
