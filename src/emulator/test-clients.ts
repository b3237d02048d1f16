// Real AWS SDK v3 clients pointed at a local emulator (shared by the tests and the benchmark).
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' };

export function clientsFor(url: string, region = 'eu-west-1'): { events: EventBridgeClient; logs: CloudWatchLogsClient } {
  const config = { endpoint: url, region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  return { events: new EventBridgeClient(config), logs: new CloudWatchLogsClient(config) };
}
