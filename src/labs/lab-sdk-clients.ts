// The AWS SDK packages a lab's code may import, each with the client class every runner hands the lab's
// wire (the page's worker, the grader's child): EventBridge for handlers and scripts, CloudWatch Logs for a
// lab script that reads its log group back. Pure.

export interface LabSdkClient {
  /** The package a learner imports, e.g. '@aws-sdk/client-eventbridge'. */
  package: string;
  /** The client class whose requests the runner carries to the lab. */
  client: string;
}

export const EVENTBRIDGE_SDK: LabSdkClient = { package: '@aws-sdk/client-eventbridge', client: 'EventBridgeClient' };
export const LOGS_SDK: LabSdkClient = { package: '@aws-sdk/client-cloudwatch-logs', client: 'CloudWatchLogsClient' };
export const LAB_SDK_CLIENTS: readonly LabSdkClient[] = [EVENTBRIDGE_SDK, LOGS_SDK];
