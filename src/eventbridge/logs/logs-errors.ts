import { AwsError } from '../aws-error.ts';

/** A CloudWatch Logs API error (`code` is the AWS __type, `status` its HTTP status). */
export class LogsError extends AwsError {}

export const logGroupNotFound = (): LogsError =>
  new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
export const logStreamNotFound = (): LogsError =>
  new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
export const invalidParameter = (message: string): LogsError => new LogsError('InvalidParameterException', message);
