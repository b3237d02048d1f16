import { AwsError } from '../aws-error.ts';

/** An EventBridge API error (`code` is the AWS __type, `status` its HTTP status). */
export class EventBridgeError extends AwsError {}

export const validationError = (message: string): EventBridgeError =>
  new EventBridgeError('ValidationException', message);

export const notFound = (message: string): EventBridgeError =>
  new EventBridgeError('ResourceNotFoundException', message);

export const alreadyExists = (message: string): EventBridgeError =>
  new EventBridgeError('ResourceAlreadyExistsException', message);

export const limitExceeded = (message: string): EventBridgeError =>
  new EventBridgeError('LimitExceededException', message);

/** InvalidEventPatternException listing each problem as "path: message". */
export function invalidPattern(problems: { path: string; message: string }[]): EventBridgeError {
  const reason = problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
  return new EventBridgeError('InvalidEventPatternException', `Event pattern is not valid. Reason: ${reason}`);
}
