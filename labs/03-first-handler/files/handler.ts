import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import type { ConfirmInput } from './events.ts';

// Created once per Lambda environment, outside the handler, and reused by every invocation.
const client = new EventBridgeClient({});

export const handler = async (input: ConfirmInput, context: Context): Promise<void> => {
  console.log('confirm-order received', input, context.awsRequestId);
  // TODO: put an OrderConfirmed event on the bus named in process.env.EVENT_BUS_NAME:
  // await client.send(new PutEventsCommand({ Entries: [...] }))
};
