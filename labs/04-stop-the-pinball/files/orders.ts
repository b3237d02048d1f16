// The Orders service. Read-only: its team trusts the rule `to-orders` to send it only
// OrderPlaced (from the shop) and OrderReady (from the kitchen).
import type { LabContext, OrderEvent } from './events.ts';

export async function handler(event: OrderEvent, context: LabContext): Promise<void> {
  const orderId = event.detail.orderId;
  console.log(`orders got ${event['detail-type']} for ${orderId}`);
  // A new order is accepted; anything else that reaches us must be the kitchen saying it is ready.
  const next = event['detail-type'] === 'OrderPlaced' ? 'OrderAccepted' : 'OrderCompleted';
  context.bus.putEvents({
    Entries: [{ Source: 'com.example.orders', DetailType: next, Detail: JSON.stringify({ orderId }) }],
  });
}
