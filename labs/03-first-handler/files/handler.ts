import type { ConfirmInput, LabContext } from './events.ts';

export async function handler(input: ConfirmInput, context: LabContext): Promise<void> {
  console.log('confirm-order received', input);
  // TODO: put an OrderConfirmed event with context.bus.putEvents(...)
}
