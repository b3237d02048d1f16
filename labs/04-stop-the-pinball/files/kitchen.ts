// The Kitchen service. Read-only: its team trusts the rule `to-kitchen` to send it only
// OrderAccepted, the signal to start cooking.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { OrderEvent } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (event: OrderEvent, _context: Context): Promise<void> => {
  const orderId = event.detail.orderId;
  console.log(`kitchen cooks ${orderId} (woken by ${event['detail-type']})`);
  const result = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.kitchen', DetailType: 'OrderReady', Detail: JSON.stringify({ orderId }) }],
  }));
  if (result.FailedEntryCount) throw new Error(`OrderReady for ${orderId} was rejected`);
};
