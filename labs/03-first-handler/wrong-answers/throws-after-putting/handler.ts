import type { ConfirmInput, LabContext } from './events.ts';

export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  const { orderId, email, total } = input;
  const answer = await context.bus.putEvents({
    Entries: [{ Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify({ orderId, email, total }) }],
  });
  if (answer.FailedEntryCount > 0) throw new Error(`could not confirm ${orderId}`);
  // Log who was told, for the support team.
  console.log('confirmation sent to', (input as unknown as { customer: { email: string } }).customer.email);
}
