import type { ConfirmInput, LabContext } from './events.ts';

// Try three times, as PutEvents can fail.
export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  let ok = false;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const r = context.bus.putEvents({ Entries: [{ Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify({ orderId: input.orderId, email: input.email, total: input.total }) }] });
    if (r.FailedEntryCount === 0) ok = true;
  }
  if (!ok) throw new Error(`gave up on ${input.orderId}`);
}
