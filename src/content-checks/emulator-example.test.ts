// The integration-test example shown in module 8 ("Testing and observing events") runs against the course
// emulator exactly as the lesson shows it, with the real AWS SDK clients pointed at http://127.0.0.1:<port>.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { createEmulator, type Emulator } from '../emulator/emulator.ts';
import { largeOrdersReachTheReviewLog } from '../../content/in-practice/examples/large-orders.ts';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({ port: 0 });
});
afterAll(async () => {
  await emulator?.close();
});

it('routes the large order, and only it, to the review log group', async () => {
  const local = { endpoint: emulator.url, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const found = await largeOrdersReachTheReviewLog(new EventBridgeClient(local), new CloudWatchLogsClient(local));
  expect(found).toEqual(['big']);
});
