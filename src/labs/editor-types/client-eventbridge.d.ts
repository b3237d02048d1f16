// The part of @aws-sdk/client-eventbridge a lab handler uses, as the lab editor's module
// '@aws-sdk/client-eventbridge'. A subset because the package's own types span hundreds of files
// (every command, the Smithy middleware and config types), too much to ship to the browser for a
// handler that only puts events. Every export and member here is the package's own:
// client-eventbridge-types.test.ts compiles it against the installed package and fails on any
// difference. A command or member not listed is simply unknown to the editor, never retyped.

// Only what is exported below is the module's (a declaration file otherwise exports everything).
export {};

/** @smithy/types' Provider: a function resolving a value when the client needs it. */
interface Provider<T> {
  (): Promise<T>;
}

/** @smithy/types' AwsCredentialIdentity. In a Lambda function leave credentials unset: the client takes the function role's from the environment. */
interface AwsCredentialIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  readonly credentialScope?: string;
  readonly accountId?: string;
  readonly expiration?: Date;
}

/** The options a handler may pass to `new EventBridgeClient(...)`; a narrower type than the SDK's, which also takes providers and Smithy internals. */
export interface EventBridgeClientConfig {
  /** Defaults to the AWS_REGION a Lambda function runs with. */
  region?: string;
  /** A URL, to reach an endpoint other than AWS's (the course's emulator, for example). */
  endpoint?: string;
  credentials?: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** Attempts per request, the first included (the SDK's default is 3). */
  maxAttempts?: number;
}

/** One event to put (PutEvents accepts up to 10 per call). */
export interface PutEventsRequestEntry {
  Time?: Date | undefined;
  Source?: string | undefined;
  Resources?: string[] | undefined;
  DetailType?: string | undefined;
  /** A JSON object as a string: JSON.stringify the detail. */
  Detail?: string | undefined;
  /** Name or ARN; the default bus when omitted. */
  EventBusName?: string | undefined;
  TraceHeader?: string | undefined;
}

export interface PutEventsCommandInput {
  Entries: PutEventsRequestEntry[] | undefined;
  /** Only for global endpoints. */
  EndpointId?: string | undefined;
}

/** One result per entry, in the order of the request: EventId when accepted, ErrorCode and ErrorMessage when not. */
export interface PutEventsResultEntry {
  EventId?: string | undefined;
  ErrorCode?: string | undefined;
  ErrorMessage?: string | undefined;
}

/** @smithy/types' ResponseMetadata. */
interface ResponseMetadata {
  httpStatusCode?: number;
  requestId?: string;
  extendedRequestId?: string;
  cfId?: string;
  attempts?: number;
  totalRetryDelay?: number;
}

export interface PutEventsCommandOutput {
  /** Entries EventBridge did not accept: PutEvents can succeed as a call and still fail some entries. */
  FailedEntryCount?: number | undefined;
  Entries?: PutEventsResultEntry[] | undefined;
  $metadata: ResponseMetadata;
}

export declare class PutEventsCommand {
  constructor(input: PutEventsCommandInput);
  readonly input: PutEventsCommandInput;
}

export declare class EventBridgeClient {
  // The package's form: no argument, or options (not an explicit undefined).
  constructor(...[configuration]: [EventBridgeClientConfig] | []);
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
  /** Closes the client's connections. */
  destroy(): void;
}
