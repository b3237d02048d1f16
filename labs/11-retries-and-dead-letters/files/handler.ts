import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { OrderEvent, StockReservedDetail } from './events.ts';
import { reserveStock } from './warehouse.ts';
import { claim, release } from './idempotency-store.ts';

const client = new EventBridgeClient({});

export const handler = async (event: OrderEvent, context: Context): Promise<void> => {
  console.log('reserve-stock received', event['detail-type'], event.detail.orderId, context.awsRequestId);
  try {
    const { reservationId } = await reserveStock(event.detail.orderId, event.detail.lines);
    const detail: StockReservedDetail = { orderId: event.detail.orderId, reservationId };
    await client.send(new PutEventsCommand({
      Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.warehouse', DetailType: 'StockReserved', Detail: JSON.stringify(detail) }],
    }));
  } catch (e) {
    // TODO: what should happen to an order the warehouse turned away?
    console.log('could not reserve', event.detail.orderId, e);
  }
  // TODO: EventBridge and Lambda deliver at least once. Use claim() and release() so that an event
  // delivered twice is handled once.
  void claim;
  void release;
};
