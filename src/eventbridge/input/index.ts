// Public API of the input transformer.
export { transformInput, validateTargetInput } from './transform-input.ts';
export { InputTransformError } from './input-types.ts';
export type { InputProblem, InputTransformerConfig, TargetInputConfig, TransformContext } from './input-types.ts';
export { parseJsonPath, evaluateJsonPath } from './json-path.ts';
