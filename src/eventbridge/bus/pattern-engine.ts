// The bus's view of the pattern engine (src/eventbridge/pattern-api.ts and rule-machine.ts), behind a small interface so the
// service can be tested and reasoned about on its own.
import { testEventPattern, validatePattern } from '../pattern-api.ts';
import { RuleMachine } from '../rule-machine.ts';

export interface RuleMatcher {
  addRule(name: string, pattern: string): void;
  deleteRule(name: string): void;
  /** Sorted names of the rules whose pattern matches the event. */
  matchingRules(event: object): string[];
}

export interface PatternEngine {
  validate(pattern: string): { path: string; message: string }[];
  matches(pattern: string, event: object): boolean;
  createMatcher(): RuleMatcher;
}

export function defaultPatternEngine(): PatternEngine {
  return {
    validate: (pattern) => validatePattern(pattern),
    matches: (pattern, event) => testEventPattern(pattern, event),
    // One shared automaton per bus: matching cost depends on the event, not on the number of rules.
    createMatcher: () => new RuleMachine(),
  };
}
