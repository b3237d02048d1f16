// Public entry of the EventBridge engine: patterns, input transformer, the service model and its logs.

// Pattern engine
export type { JsonInput, PatternProblem, Matcher, FieldCondition, Branch, CompiledPattern } from './types.ts';
export { validatePattern, assertValidPattern, testEventPattern } from './pattern-api.ts';
export { InvalidEventPatternError } from './errors.ts';
export { InvalidEventError } from './event-flatten.ts';
export { explainMatch, explanationLines } from './explain.ts';
export type { FieldExplanation, MatchExplanation } from './explain.ts';
export { RuleMachine } from './rule-machine.ts';
export { OPERATOR_NAMES } from './operators.ts';
export type { OperatorName } from './operators.ts';

// Input transformer
export * from './input/index.ts';

// EventBridge service model, CloudWatch Logs model
export * from './bus/index.ts';
export * from './logs/index.ts';
