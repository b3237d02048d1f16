// PutTargets checks: Ids, ARNs, input settings, retry policy and dead-letter queue.
import { checkIdentifier, constraintMessage } from './name-validation.ts';
import { validationError } from './errors.ts';
import { retryPolicyProblem } from './retry-policy.ts';
import { ARN_SHAPE, parseTargetArn } from './arns.ts';
import { validateTargetInput } from '../input/transform-input.ts';
import type { Target } from './types.ts';

export const MAX_TARGETS_PER_RULE = 5;
export const MAX_TARGETS_PER_REQUEST = 10;

export function validateTargetsRequest(targets: unknown): asserts targets is Target[] {
  if (!Array.isArray(targets)) {
    throw validationError("1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null");
  }
  if (targets.length < 1 || targets.length > MAX_TARGETS_PER_REQUEST) {
    throw validationError(
      constraintMessage(
        `[${targets.length} targets]`,
        'targets',
        targets.length < 1
          ? 'Member must have length greater than or equal to 1'
          : `Member must have length less than or equal to ${MAX_TARGETS_PER_REQUEST}`,
      ),
    );
  }
  targets.forEach((t: Target, n) => validateTarget(t, n + 1));
}

function validateTarget(t: Target, position: number): void {
  if (t === null || typeof t !== 'object') throw validationError(`Target ${position} must be an object with Id and Arn.`);
  checkIdentifier(t.Id, `targets.${position}.member.id`);
  if (typeof t.Arn !== 'string' || t.Arn === '') {
    throw validationError(constraintMessage(t.Arn, `targets.${position}.member.arn`, 'Member must not be null'));
  }
  if (t.Arn.length > 1600 || !ARN_SHAPE.test(t.Arn)) {
    throw validationError(`Parameter ${t.Arn} is not valid. Reason: Provided Arn is not in correct format.`);
  }
  const input = validateTargetInput({
    ...(t.Input !== undefined ? { Input: t.Input } : {}),
    ...(t.InputPath !== undefined ? { InputPath: t.InputPath } : {}),
    ...(t.InputTransformer !== undefined ? { InputTransformer: t.InputTransformer } : {}),
  });
  if (input.length > 0) {
    const first = input[0]!;
    if (first.path.includes(',')) {
      throw validationError(`Only one of Input, InputPath, or InputTransformer must be provided for target ${t.Id}.`);
    }
    if (input.some((p) => p.code === 'invalid-placeholder')) {
      throw validationError(`InputTemplate for target ${t.Id} contains invalid placeholder name.`);
    }
    throw validationError(
      `Target ${t.Id}: ${input.map((p) => `${p.path} ${p.message}`).join('; ')}`,
    );
  }
  const retry = retryPolicyProblem(t.RetryPolicy);
  if (retry) throw validationError(`Target ${t.Id}: ${retry}`);
  const dlq = t.DeadLetterConfig?.Arn;
  if (dlq !== undefined && (typeof dlq !== 'string' || parseTargetArn(dlq).kind !== 'sqs')) {
    throw validationError(`Target ${t.Id}: DeadLetterConfig.Arn must be the ARN of an SQS queue (arn:aws:sqs:REGION:ACCOUNT:NAME).`);
  }
}
