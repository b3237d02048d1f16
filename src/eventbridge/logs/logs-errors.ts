// CloudWatch Logs errors, same shape as EventBridgeError (code = AWS __type, status = HTTP status).

export class LogsError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
  }
}

export const logGroupNotFound = (): LogsError =>
  new LogsError('ResourceNotFoundException', 'The specified log group does not exist.');
export const logStreamNotFound = (): LogsError =>
  new LogsError('ResourceNotFoundException', 'The specified log stream does not exist.');
export const invalidParameter = (message: string): LogsError => new LogsError('InvalidParameterException', message);
