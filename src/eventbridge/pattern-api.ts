// The public pattern functions: validate, assert, test.
import { compilePattern } from './pattern-compile.ts';
import { InvalidEventPatternError } from './errors.ts';
import { flattenEvent } from './event-flatten.ts';
import { referenceMatches } from './reference-match.ts';
import type { CompiledPattern, JsonInput, PatternProblem } from './types.ts';

/** Every problem with a pattern ([] when valid). Never throws, whatever the input. */
export function validatePattern(pattern: JsonInput): PatternProblem[] {
  return compilePattern(pattern).problems;
}

/** Compiles a pattern or throws InvalidEventPatternError listing its problems. */
export function compileOrThrow(pattern: JsonInput): CompiledPattern {
  const r = compilePattern(pattern);
  if (!r.compiled) throw new InvalidEventPatternError(r.problems);
  return r.compiled;
}

/** Throws InvalidEventPatternError when the pattern is not valid. */
export function assertValidPattern(pattern: JsonInput): void {
  compileOrThrow(pattern);
}

/**
 * Whether the event matches the pattern, like the AWS TestEventPattern API. Throws
 * InvalidEventPatternError for an invalid pattern and InvalidEventError for an event that is
 * not a JSON object.
 */
export function testEventPattern(pattern: JsonInput, event: JsonInput): boolean {
  const compiled = compileOrThrow(pattern);
  return referenceMatches(compiled, flattenEvent(event));
}
