// The contract between the emulator's one HTTP port and each AWS service it serves. Every service
// (EventBridge, CloudWatch Logs, Lambda, SQS, IAM, STS, CloudFormation) is an endpoint that owns its
// own wire protocol (JSON 1.0/1.1, REST-JSON, Query/XML); the server only reads the request, finds the
// endpoint that claims it, and writes what that endpoint answers.

/** One HTTP request, read whole, with what the SigV4 signature says about it. */
export interface EmulatorRequest {
  method: string;
  /** The path without the query string, e.g. `/2015-03-31/functions/my-fn/invocations`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  /** From the SigV4 credential scope, or the emulator's default region. */
  region: string;
  /** The signing name from the SigV4 credential scope (`sqs`, `lambda`, `iam`, ...), when signed. */
  signingService?: string;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** What the emulator gives every endpoint. */
export interface EmulatorContext {
  /** This emulator's own URL: the endpoint that SDK clients created inside it (CloudFormation, functions) use. */
  readonly url: string;
  readonly accountId: string;
  /** Milliseconds since the epoch (injectable in tests). */
  now(): number;
  /**
   * Records a state change durably: resolves once the entry is stored (at once without `--state`).
   * Call it before acknowledging the request; replay(entry) re-applies it at the next start.
   */
  journal(endpoint: string, entry: unknown): Promise<void>;
  /** Delivers a payload to a resource ARN another endpoint owns (EventBridge target or DLQ). */
  deliver(arn: string, payload: string): Promise<void>;
  /** One log line (operation, region, status); never credentials. */
  log(line: string): void;
}

export interface ServiceEndpoint {
  /** Short name, also the journal key: `events`, `logs`, `lambda`, `sqs`, `iam`, `sts`, `cloudformation`. */
  readonly name: string;
  /** True when the request is for this service (X-Amz-Target prefix, Query `Action` with signing name, or path). */
  claims(req: EmulatorRequest): boolean;
  /** Answers the request; errors are answered in this service's own error format, never thrown. */
  handle(req: EmulatorRequest): Promise<EmulatorResponse>;
  /** Delivers to an ARN this endpoint owns; false when the ARN is not its own. Throws on a failed delivery. */
  deliver?(arn: string, payload: string): Promise<boolean>;
  /** Re-applies one journaled entry at start, before the server listens. */
  replay?(entry: unknown): Promise<void>;
  /** Stops timers and workers. */
  close?(): Promise<void>;
}

export type EndpointFactory = (ctx: EmulatorContext) => ServiceEndpoint;
