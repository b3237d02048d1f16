import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, _context: Context): Promise<void> => {
  console.log('got', input);
  const res = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: '{"orderId":"o-1001","email":"ada@example.com","total":250}' }],
  }));
  if (res.FailedEntryCount) throw new Error('not confirmed');
};
