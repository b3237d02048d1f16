import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, context: Context): Promise<void> => {
  console.log('confirming', input.orderId, context.functionName);
  const out = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.shop', DetailType: 'OrderConfirmed', Detail: JSON.stringify({ orderId: input.orderId, email: input.email, total: input.total }) }],
  }));
  if (out.FailedEntryCount !== 0) throw new Error('PutEvents failed');
};
