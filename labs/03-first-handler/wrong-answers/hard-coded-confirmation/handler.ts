import type { ConfirmInput, LabContext } from './events.ts';

export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  console.log('got', input);
  const res = context.bus.putEvents({
    Entries: [{ Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: '{"orderId":"o-1001","email":"ada@example.com","total":250}' }],
  });
  if (res.FailedEntryCount) throw new Error('not confirmed');
}
