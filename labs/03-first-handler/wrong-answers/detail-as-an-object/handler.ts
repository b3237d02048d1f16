import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, _context: Context): Promise<void> => {
  const detail = { orderId: input.orderId, email: input.email, total: input.total };
  // Detail is JSON, and an object is JSON already
  const result = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: detail as unknown as string }],
  }));
  if (result.FailedEntryCount) throw new Error('rejected');
};
