// CloudWatch Logs request/response shapes. Note: the Logs API uses camelCase fields (logGroupName...),
// unlike EventBridge's PascalCase; these match @aws-sdk/client-cloudwatch-logs.

export interface LogGroup {
  logGroupName: string;
  creationTime: number;
  arn: string; // ends with ":*" as in AWS
  logGroupArn: string;
  storedBytes: number;
  retentionInDays?: number;
}

export interface LogStream {
  logStreamName: string;
  creationTime: number;
  arn: string;
  firstEventTimestamp?: number;
  lastEventTimestamp?: number;
  lastIngestionTime?: number;
  storedBytes: number;
}

export interface InputLogEvent {
  timestamp: number;
  message: string;
}

export interface OutputLogEvent {
  timestamp: number;
  message: string;
  ingestionTime: number;
}

export interface FilteredLogEvent extends OutputLogEvent {
  logStreamName: string;
  eventId: string;
}

export interface ResourcePolicy {
  policyName: string;
  policyDocument: string;
  lastUpdatedTime: number;
}
