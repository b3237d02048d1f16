import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput, OrderConfirmedDetail } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, context: Context): Promise<void> => {
  console.log('confirm-order received', input, context.awsRequestId);
  const detail: OrderConfirmedDetail = { orderId: input.orderId, email: input.email, total: input.total };
  const result = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify(detail) }],
  }));
  // PutEvents does not throw for a rejected entry: it says so in FailedEntryCount. Fail, so that Lambda retries.
  if (result.FailedEntryCount) throw new Error(`OrderConfirmed for ${input.orderId} was rejected: ${result.Entries?.[0]?.ErrorCode}`);
};
