// Types for this lab. Read-only: both services rely on these shapes.
import type { EventBridgeEvent } from 'aws-lambda';

/** Every event in this lab carries the order it is about (KitchenOpened carries none). */
export type OrderEvent = EventBridgeEvent<string, { orderId?: string }>;
