// Shown in the lesson "Testing and observing events" and run by src/content-checks/emulator-example.test.ts
// against the course emulator, so the code on the page is known to work.
import { CreateEventBusCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

/** Routes large orders to a review log group, publishes one large and one small order, returns what was logged. */
export async function largeOrdersReachTheReviewLog(events: EventBridgeClient, logs: CloudWatchLogsClient): Promise<string[]> {
  const bus = `test-${Date.now()}`; // a fresh bus per run keeps tests independent
  const group = `/test/${bus}/review`;
  await events.send(new CreateEventBusCommand({ Name: bus }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
  await events.send(
    new PutRuleCommand({
      Name: 'large-orders',
      EventBusName: bus,
      EventPattern: JSON.stringify({
        source: ['food.orders'],
        'detail-type': ['OrderPlaced'],
        detail: { total: [{ numeric: ['>=', 50] }] },
      }),
    }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: 'large-orders',
      EventBusName: bus,
      Targets: [{ Id: 'review', Arn: `arn:aws:logs:eu-west-1:123456789012:log-group:${group}` }],
    }),
  );

  const order = (orderId: string, total: number) => ({
    EventBusName: bus,
    Source: 'food.orders',
    DetailType: 'OrderPlaced',
    Detail: JSON.stringify({ orderId, total }),
  });
  await events.send(new PutEventsCommand({ Entries: [order('big', 80), order('small', 12)] }));

  // Against AWS, poll here for a few seconds: delivery is asynchronous.
  const found = await logs.send(new FilterLogEventsCommand({ logGroupName: group }));
  return (found.events ?? []).map((e) => JSON.parse(e.message ?? '{}').detail.orderId);
}
