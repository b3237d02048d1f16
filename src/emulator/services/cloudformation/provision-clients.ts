// The SDK clients CloudFormation provisions with: real AWS SDK v3 clients pointed at this emulator, so
// CloudFormation depends on the other services' APIs only, never on their internals.
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { EMULATOR_CREDENTIALS } from '../service-kit/emulator-clients.ts';

export interface ProvisionClients {
  events: EventBridgeClient;
  logs: CloudWatchLogsClient;
  lambda: LambdaClient;
  sqs: SQSClient;
  iam: IAMClient;
}

export function provisionClients(url: string, region: string): ProvisionClients {
  const config = { endpoint: url, region, credentials: EMULATOR_CREDENTIALS, maxAttempts: 2 };
  return {
    events: new EventBridgeClient(config), logs: new CloudWatchLogsClient(config), lambda: new LambdaClient(config),
    sqs: new SQSClient(config), iam: new IAMClient(config),
  };
}
