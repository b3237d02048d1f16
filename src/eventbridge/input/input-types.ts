// Shapes shared by the input transformer (the three ways a target can reshape the event it receives).

/** JSON text or an already-parsed value (same meaning as the pattern engine's JsonInput). */
export type JsonInput = string | object;

/** One problem found in a target's input settings; `path` names the field, e.g. "InputTransformer.InputPathsMap.name". */
export interface InputProblem {
  path: string;
  message: string;
  /** Set for problems AWS reports with a message of its own (PutTargets maps codes, never message text). */
  code?: 'invalid-placeholder' | 'object-in-string';
}

export interface InputTransformerConfig {
  InputPathsMap?: Record<string, string>;
  InputTemplate: string;
}

/** The input-related fields of an EventBridge target (at most one may be set). */
export interface TargetInputConfig {
  Input?: string;
  InputPath?: string;
  InputTransformer?: InputTransformerConfig;
}

/** What the reserved <aws.events.*> placeholders resolve to. */
export interface TransformContext {
  ruleArn: string;
  ruleName: string;
  /** ISO time EventBridge received the event; defaults to the event's `time`. */
  ingestionTime?: string;
}

/** Thrown by transformInput when the settings are invalid or a template cannot be filled. */
export class InputTransformError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
    this.name = 'ValidationException';
    this.problems = problems;
  }
}
