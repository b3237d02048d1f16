import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput } from './events.ts';

const client = new EventBridgeClient({});

// Try three times, as PutEvents can fail.
export const handler = async (input: ConfirmInput, _context: Context): Promise<void> => {
  let ok = false;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const r = await client.send(new PutEventsCommand({
      Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify({ orderId: input.orderId, email: input.email, total: input.total }) }],
    }));
    if (r.FailedEntryCount === 0) ok = true;
  }
  if (!ok) throw new Error(`gave up on ${input.orderId}`);
};
