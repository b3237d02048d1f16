import type { ConfirmInput, LabContext } from './events.ts';

export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  const detail = { orderId: input.orderId, email: input.email, total: input.total };
  // Detail is JSON, and an object is JSON already
  const result = context.bus.putEvents({ Entries: [{ Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: detail }] });
  if (result.FailedEntryCount > 0) throw new Error('rejected');
}
