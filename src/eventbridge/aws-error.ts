/**
 * An error the way an AWS API reports one: `code` is the exception name the wire sends as `__type`
 * (and the SDK turns into the thrown error's `name`), `status` its HTTP status.
 * Every service model (EventBridge, CloudWatch Logs, Schemas) and the emulator's wire layer share it.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, message: string, status = 400) {
    super(message);
    this.name = code;
    this.code = code;
    this.status = status;
  }
}
