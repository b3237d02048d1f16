// Types for this lab. Read-only: the checks rely on these shapes.
import type { EventBridgeEvent } from 'aws-lambda';

export interface OrderLine {
  sku: string;
  quantity: number;
}

/** What the shop puts on the bus when an order is placed, or when items are added to it later. */
export type OrderEvent = EventBridgeEvent<'OrderPlaced' | 'ItemsAdded', {
  orderId: string;
  lines: OrderLine[];
}>;

/** The detail of the StockReserved event your handler puts once the warehouse has reserved the lines. */
export interface StockReservedDetail {
  orderId: string;
  reservationId: string;
}
