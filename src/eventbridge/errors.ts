import { AwsError } from './aws-error.ts';
import type { PatternProblem } from './types.ts';

/** Thrown when an event pattern is not valid; `problems` lists each problem with its JSON path. */
export class InvalidEventPatternError extends AwsError {
  readonly problems: PatternProblem[];
  constructor(problems: PatternProblem[]) {
    super(
      'InvalidEventPatternException',
      `Event pattern is not valid: ${problems
        .slice(0, 5)
        .map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
        .join('; ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`,
    );
    this.problems = problems;
  }
}
