import type { ConfirmInput, LabContext, OrderConfirmedDetail } from './events.ts';

export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  console.log('confirm-order received', input);
  const detail: OrderConfirmedDetail = { orderId: input.orderId, email: input.email, total: input.total };
  await context.bus.putEvents({ Entries: [{ Source: 'com.example.orders', DetailType: 'OrderConfirmed', Detail: JSON.stringify(detail) }] });
}
