// The part of @aws-sdk/client-cloudwatch-logs a lab script uses, as the lab editor's module
// '@aws-sdk/client-cloudwatch-logs': the client and the commands a smoke test needs to create a log group,
// let EventBridge write to it, read it back and delete it. As with client-eventbridge.d.ts, every export and
// member is the package's own (client-cloudwatch-logs-types.test.ts compiles it against the installed package);
// the command shapes are narrowed and not exported.

export {};

// The editor's client-eventbridge.d.ts, also in the editor: its credentials shape is @smithy/types' own, for both clients.
import type { EventBridgeClientConfig } from '@aws-sdk/client-eventbridge';

/** The options a script may pass to `new CloudWatchLogsClient(...)`; narrower than the SDK's. */
export interface CloudWatchLogsClientConfig {
  region?: string;
  /** A URL, to reach an endpoint other than AWS's (the course's emulator, for example). */
  endpoint?: string;
  credentials?: EventBridgeClientConfig['credentials'];
  maxAttempts?: number;
}

interface LogGroup {
  logGroupName?: string | undefined;
  /** The group's ARN, as a rule's target takes it. */
  logGroupArn?: string | undefined;
  /** The group's ARN followed by `:*`. */
  arn?: string | undefined;
  creationTime?: number | undefined;
  retentionInDays?: number | undefined;
}
interface FilteredLogEvent {
  logStreamName?: string | undefined;
  timestamp?: number | undefined;
  message?: string | undefined;
  ingestionTime?: number | undefined;
  eventId?: string | undefined;
}

// Each class has its input, as the package's do: `send` tells the commands apart by it.
export declare class CreateLogGroupCommand {
  constructor(input: { logGroupName: string | undefined; tags?: Record<string, string> | undefined });
  readonly input: { logGroupName: string | undefined; tags?: Record<string, string> | undefined };
}
export declare class DeleteLogGroupCommand {
  constructor(input: { logGroupName: string | undefined });
  readonly input: { logGroupName: string | undefined };
}
export declare class DescribeLogGroupsCommand {
  constructor(input: { logGroupNamePrefix?: string | undefined });
  readonly input: { logGroupNamePrefix?: string | undefined };
}
export declare class PutResourcePolicyCommand {
  constructor(input: { policyName?: string | undefined; policyDocument?: string | undefined });
  readonly input: { policyName?: string | undefined; policyDocument?: string | undefined };
}
export declare class DeleteResourcePolicyCommand {
  constructor(input: { policyName?: string | undefined });
  readonly input: { policyName?: string | undefined };
}
export declare class FilterLogEventsCommand {
  constructor(input: FilterLogEventsInput);
  readonly input: FilterLogEventsInput;
}
interface FilterLogEventsInput {
  logGroupName?: string | undefined;
  logStreamNames?: string[] | undefined;
  startTime?: number | undefined;
  endTime?: number | undefined;
  filterPattern?: string | undefined;
  nextToken?: string | undefined;
  limit?: number | undefined;
}

export declare class CloudWatchLogsClient {
  constructor(...[configuration]: [CloudWatchLogsClientConfig] | []);
  send(command: DescribeLogGroupsCommand): Promise<{ logGroups?: LogGroup[] | undefined; nextToken?: string | undefined }>;
  send(command: FilterLogEventsCommand): Promise<{ events?: FilteredLogEvent[] | undefined; nextToken?: string | undefined }>;
  // What these answer is left out: a script rarely needs it.
  send(command: CreateLogGroupCommand | DeleteLogGroupCommand | PutResourcePolicyCommand | DeleteResourcePolicyCommand): Promise<{}>;
  destroy(): void;
}
