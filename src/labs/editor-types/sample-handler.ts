// Lab 03's handler as issue 11 writes it (the SDK client, aws-lambda's Context, process.env): what the
// editor's types are tested on, in Node (editor-libs.test.ts) and in Chromium (lab-editor-types.spec.ts).
export const CONFIRM_ORDER_HANDLER = `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput, OrderConfirmedDetail } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, context: Context): Promise<void> => {
  console.log('confirm-order received', input, context.awsRequestId, context.getRemainingTimeInMillis());
  const detail: OrderConfirmedDetail = { orderId: input.orderId, email: input.email, total: input.total };
  const result = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify(detail) }],
  }));
  if (result.FailedEntryCount) throw new Error(\`OrderConfirmed for \${input.orderId} was rejected: \${result.Entries?.[0]?.ErrorCode}\`);
};
`;
