import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, _context: Context): Promise<void> => {
  const { orderId, email, total } = input;
  const answer = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify({ orderId, email, total }) }],
  }));
  if (answer.FailedEntryCount) throw new Error(`could not confirm ${orderId}`);
  // Log who was told, for the support team.
  console.log('confirmation sent to', (input as unknown as { customer: { email: string } }).customer.email);
};
