// The part of @aws-sdk/client-eventbridge a lab handler or script uses, as the lab editor's module
// '@aws-sdk/client-eventbridge'. A subset because the package's own types span hundreds of files
// (every command, the Smithy middleware and config types), too much to ship to the browser for a
// handler that puts events and a script that builds a rule and takes it down again. Every export and member here is the package's own:
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

// A lab script's commands. Their shapes are narrowed (members a script has no use for are left out) and not
// exported: the agreement test checks that each member is the package's, with the package's type.
interface Tag {
  Key: string | undefined;
  Value: string | undefined;
}
interface Target {
  Id: string | undefined;
  Arn: string | undefined;
  RoleArn?: string | undefined;
  Input?: string | undefined;
  InputPath?: string | undefined;
}
interface TargetResultEntry {
  TargetId?: string | undefined;
  ErrorCode?: string | undefined;
  ErrorMessage?: string | undefined;
}
interface TargetsOutput {
  FailedEntryCount?: number | undefined;
  FailedEntries?: TargetResultEntry[] | undefined;
}

// Each class has its input, as the package's do: `send` tells the commands apart by it.
export declare class CreateEventBusCommand {
  constructor(input: CreateEventBusInput);
  readonly input: CreateEventBusInput;
}
export declare class DeleteEventBusCommand {
  constructor(input: { Name: string | undefined });
  readonly input: { Name: string | undefined };
}
export declare class PutRuleCommand {
  constructor(input: PutRuleInput);
  readonly input: PutRuleInput;
}
export declare class DeleteRuleCommand {
  constructor(input: DeleteRuleInput);
  readonly input: DeleteRuleInput;
}
export declare class PutTargetsCommand {
  constructor(input: PutTargetsInput);
  readonly input: PutTargetsInput;
}
export declare class RemoveTargetsCommand {
  constructor(input: RemoveTargetsInput);
  readonly input: RemoveTargetsInput;
}
interface CreateEventBusInput {
  Name: string | undefined;
  Description?: string | undefined;
  Tags?: Tag[] | undefined;
}
interface PutRuleInput {
  Name: string | undefined;
  EventPattern?: string | undefined;
  ScheduleExpression?: string | undefined;
  Description?: string | undefined;
  EventBusName?: string | undefined;
  Tags?: Tag[] | undefined;
}
interface DeleteRuleInput {
  Name: string | undefined;
  EventBusName?: string | undefined;
  Force?: boolean | undefined;
}
interface PutTargetsInput {
  Rule: string | undefined;
  EventBusName?: string | undefined;
  Targets: Target[] | undefined;
}
interface RemoveTargetsInput {
  Rule: string | undefined;
  EventBusName?: string | undefined;
  Ids: string[] | undefined;
  Force?: boolean | undefined;
}

export declare class EventBridgeClient {
  // The package's form: no argument, or options (not an explicit undefined).
  constructor(...[configuration]: [EventBridgeClientConfig] | []);
  send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;
  send(command: PutTargetsCommand | RemoveTargetsCommand): Promise<TargetsOutput>;
  // What these answer (ARNs, mostly) is left out: a script rarely needs it.
  send(command: CreateEventBusCommand | DeleteEventBusCommand | PutRuleCommand | DeleteRuleCommand): Promise<{}>;
  /** Closes the client's connections. */
  destroy(): void;
}
