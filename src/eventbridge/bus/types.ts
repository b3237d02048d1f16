// AWS-shaped request/response types (field names as in the EventBridge API and @aws-sdk/client-eventbridge).
import type { InputTransformerConfig } from '../input/input-types.ts';

export type RuleState = 'ENABLED' | 'DISABLED';

export interface RetryPolicy {
  MaximumRetryAttempts?: number;
  MaximumEventAgeInSeconds?: number;
}

export interface DeadLetterConfig {
  Arn?: string;
}

export interface Target {
  Id: string;
  Arn: string;
  RoleArn?: string;
  Input?: string;
  InputPath?: string;
  InputTransformer?: InputTransformerConfig;
  RetryPolicy?: RetryPolicy;
  DeadLetterConfig?: DeadLetterConfig;
  /** Other AWS target parameters (SqsParameters, HttpParameters...) are stored and returned, not used. */
  [other: string]: unknown;
}

export interface PutEventsRequestEntry {
  Time?: Date | string | number;
  Source?: string;
  Resources?: string[];
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  TraceHeader?: string;
}

export interface PutEventsResultEntry {
  EventId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface PutEventsResponse {
  FailedEntryCount: number;
  Entries: PutEventsResultEntry[];
}

/** The envelope EventBridge wraps around every event (what patterns match and targets receive). */
export interface EventEnvelope {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
  'replay-name'?: string;
  [other: string]: unknown;
}

export interface EventBusDescription {
  Name: string;
  Arn: string;
  Description?: string;
  CreationTime?: Date;
  LastModifiedTime?: Date;
}

export interface PutRuleRequest {
  Name: string;
  EventBusName?: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State?: RuleState;
  Description?: string;
  RoleArn?: string;
  Tags?: { Key: string; Value: string }[];
}

export interface RuleDescription {
  Name: string;
  Arn: string;
  EventPattern?: string;
  ScheduleExpression?: string;
  State: RuleState;
  Description?: string;
  RoleArn?: string;
  EventBusName: string;
  CreatedBy?: string;
  ManagedBy?: string;
}

export interface RuleRef {
  Name: string;
  EventBusName?: string;
}

export interface FailedTargetEntry {
  TargetId?: string;
  ErrorCode?: string;
  ErrorMessage?: string;
}

export interface TargetsResponse {
  FailedEntryCount: number;
  FailedEntries: FailedTargetEntry[];
}

export interface CreateArchiveRequest {
  ArchiveName: string;
  EventSourceArn: string;
  Description?: string;
  EventPattern?: string;
  RetentionDays?: number;
}

export interface ArchiveDescription {
  ArchiveArn: string;
  ArchiveName: string;
  EventSourceArn: string;
  Description?: string;
  EventPattern?: string;
  State: 'ENABLED' | 'DISABLED' | 'CREATING' | 'UPDATING' | 'CREATE_FAILED' | 'UPDATE_FAILED';
  RetentionDays: number;
  SizeBytes: number;
  EventCount: number;
  CreationTime: Date;
}

export interface StartReplayRequest {
  ReplayName: string;
  Description?: string;
  EventSourceArn: string;
  EventStartTime: Date | string | number;
  EventEndTime: Date | string | number;
  Destination: { Arn: string; FilterArns?: string[] };
}

export type ReplayState = 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';

export interface ReplayDescription {
  ReplayName: string;
  ReplayArn: string;
  Description?: string;
  State: ReplayState;
  StateReason?: string;
  EventSourceArn: string;
  Destination: { Arn: string; FilterArns?: string[] };
  EventStartTime: Date;
  EventEndTime: Date;
  EventLastReplayedTime?: Date;
  ReplayStartTime: Date;
  ReplayEndTime?: Date;
}

/**
 * The part of the bus a handler may call. A small interface (not the service class) so that these types
 * do not import the service, which imports them.
 */
export interface BusClient {
  putEvents(i: { Entries: PutEventsRequestEntry[] }): PutEventsResponse;
  listRules(i?: { EventBusName?: string; NamePrefix?: string; Limit?: number; NextToken?: string }): { Rules: RuleDescription[]; NextToken?: string };
  describeRule(i: RuleRef): RuleDescription;
  listTargetsByRule(i: { Rule: string; EventBusName?: string; Limit?: number; NextToken?: string }): { Targets: Target[]; NextToken?: string };
}

/** What a handler gets besides the event: a bus view that tags what it puts with the causing chain. */
export interface HandlerContext {
  /** The bus as seen from inside this delivery: events it puts carry the causal chain (loop detection). */
  bus: BusClient;
  ruleName: string;
  ruleArn: string;
  targetId: string;
  attempt: number;
  eventId: string;
}

export type TargetHandler = (event: unknown, ctx: HandlerContext) => unknown | Promise<unknown>;

export interface FunctionOptions {
  /** Milliseconds after which an attempt counts as failed (a Lambda time-out). */
  timeoutMs?: number;
}
