// Types for this lab. Read-only: the checks rely on these shapes.
import type { EventBridgeEvent } from 'aws-lambda';

/** The event the shop puts on the bus. */
export type OrderPlaced = EventBridgeEvent<'OrderPlaced', {
  orderId: string;
  total: number;
  currency: string;
  customer: { id: string; email: string };
}>;

/** What your input transformer should hand to the handler. */
export interface ConfirmInput {
  orderId: string;
  total: number;
  email: string;
}

/** The detail of the OrderConfirmed event your handler puts. */
export interface OrderConfirmedDetail {
  orderId: string;
  email: string;
  total: number;
}
