// Types for this lab. Read-only: both services rely on these shapes.
import type { EventBridgeEvent } from 'aws-lambda';

/** Every event in this lab carries the order it is about (KitchenOpened carries none). */
export type OrderEvent = EventBridgeEvent<string, { orderId?: string }>;

/** The handler's second argument in the course's engine (in AWS you would use the SDK's EventBridgeClient). */
export interface LabContext {
  functionName: string;
  ruleName: string;
  eventId: string;
  attempt: number;
  bus: {
    putEvents(input: { Entries: { Source: string; DetailType: string; Detail: string; EventBusName?: string }[] }): {
      FailedEntryCount: number;
    };
  };
}
