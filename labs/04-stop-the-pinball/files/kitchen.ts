// The Kitchen service. Read-only: its team trusts the rule `to-kitchen` to send it only
// OrderAccepted, the signal to start cooking.
import type { LabContext, OrderEvent } from './events.ts';

export async function handler(event: OrderEvent, context: LabContext): Promise<void> {
  const orderId = event.detail.orderId;
  console.log(`kitchen cooks ${orderId} (woken by ${event['detail-type']})`);
  context.bus.putEvents({
    Entries: [{ Source: 'com.example.kitchen', DetailType: 'OrderReady', Detail: JSON.stringify({ orderId }) }],
  });
}
