import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput, OrderConfirmedDetail } from './events.ts';

const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, _context: Context): Promise<void> => {
  console.log('confirm-order received', input);
  const detail: OrderConfirmedDetail = { orderId: input.orderId, email: input.email, total: input.total };
  await client.send(new PutEventsCommand({ Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify(detail) }] }));
};
