// The Orders service. Read-only: its team trusts the rule `to-orders` to send it only
// OrderPlaced (from the shop) and OrderReady (from the kitchen).
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { OrderEvent } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (event: OrderEvent, _context: Context): Promise<void> => {
  const orderId = event.detail.orderId;
  console.log(`orders got ${event['detail-type']} for ${orderId}`);
  // A new order is accepted; anything else that reaches us must be the kitchen saying it is ready.
  const next = event['detail-type'] === 'OrderPlaced' ? 'OrderAccepted' : 'OrderCompleted';
  const result = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: next, Detail: JSON.stringify({ orderId }) }],
  }));
  if (result.FailedEntryCount) throw new Error(`${next} for ${orderId} was rejected`);
};
