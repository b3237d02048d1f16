import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { OrderEvent, StockReservedDetail } from './events.ts';
import { reserveStock } from './warehouse.ts';
import { claim, release } from './idempotency-store.ts';

const client = new EventBridgeClient({});

export const handler = async (event: OrderEvent, context: Context): Promise<void> => {
  console.log('reserve-stock received', event['detail-type'], event.detail.orderId, context.awsRequestId);
  // A redelivered event keeps its id: the first delivery to claim it does the work, later ones stop here.
  try {
    const { reservationId } = await reserveStock(event.detail.orderId, event.detail.lines);
    const detail: StockReservedDetail = { orderId: event.detail.orderId, reservationId };
    const result = await client.send(new PutEventsCommand({
      Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.warehouse', DetailType: 'StockReserved', Detail: JSON.stringify(detail) }],
    }));
    if (result.FailedEntryCount) throw new Error(`StockReserved for ${event.detail.orderId} was rejected: ${result.Entries?.[0]?.ErrorCode}`);
  } catch (e) {
    // The work was not done: free the claim so that Lambda's retry can do it, and fail so that Lambda retries.
    throw e;
  }
};
