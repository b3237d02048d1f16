// Public entry of the EventBridge engine. Each helper adds only its own export lines.

// Pattern engine (owner: engine)
export type { JsonInput, PatternProblem, Matcher, FieldCondition, Branch, CompiledPattern } from './types.ts';
export { validatePattern, assertValidPattern, testEventPattern } from './pattern-api.ts';
export { InvalidEventPatternError } from './errors.ts';
export { InvalidEventError } from './event-flatten.ts';
export { explainMatch } from './explain.ts';
export type { FieldExplanation, MatchExplanation } from './explain.ts';
export { RuleMachine } from './rule-machine.ts';

// Input transformer (owner: bus)
export * from './input/index.ts';

// EventBridge service model, CloudWatch Logs model (owner: bus)
export * from './bus/index.ts';
export * from './logs/index.ts';
