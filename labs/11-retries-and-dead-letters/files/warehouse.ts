// The warehouse's stock service, as this lab stands it in. Read-only: the checks rely on how it behaves.
// In AWS it would be an HTTP API the function calls; here it is a module, so the lab can make it misbehave.
import type { OrderLine } from './events.ts';

/** The warehouse is busy: a later attempt will go through. */
export class ThrottlingException extends Error {
  override name = 'ThrottlingException';
}

/** The warehouse will never stock this item: no retry can help. */
export class DiscontinuedItemError extends Error {
  override name = 'DiscontinuedItemError';
}

const seen = new Set<string>();
let reservations = 0;

/**
 * Reserves the lines of an order. Every request is turned away once with ThrottlingException (the morning
 * rush); the same request a little later succeeds. A line whose SKU starts with DISC- always fails.
 */
export async function reserveStock(orderId: string, lines: OrderLine[]): Promise<{ reservationId: string }> {
  const discontinued = lines.find((l) => l.sku.startsWith('DISC-'));
  if (discontinued) throw new DiscontinuedItemError(`SKU ${discontinued.sku} is discontinued and can never be reserved (order ${orderId}).`);
  const request = `${orderId} ${JSON.stringify(lines)}`;
  if (!seen.has(request)) {
    seen.add(request);
    throw new ThrottlingException(`Rate exceeded: the warehouse is busy, try order ${orderId} again later.`);
  }
  reservations += 1;
  console.log(`warehouse: reserved ${lines.map((l) => `${l.quantity} x ${l.sku}`).join(', ')} for ${orderId}`);
  return { reservationId: `res-${String(reservations).padStart(4, '0')}` };
}
