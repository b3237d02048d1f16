import type { ConfirmInput, LabContext } from './events.ts';

export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  console.log('confirming', input.orderId);
  const out = context.bus.putEvents({
    Entries: [{ Source: 'com.example.shop', DetailType: 'OrderConfirmed', Detail: JSON.stringify({ orderId: input.orderId, email: input.email, total: input.total }) }],
  });
  if (out.FailedEntryCount !== 0) throw new Error('PutEvents failed');
}
