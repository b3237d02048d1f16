// Identifiers shaped like AWS's own.
import { randomBytes } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM unique id: a four-letter prefix (AROA for roles) and 17 upper-case characters. */
export function iamUniqueId(prefix: string): string {
  return prefix + [...randomBytes(17)].map((b) => UPPER[b % UPPER.length]).join('');
}

/** Paging over a sorted list with an opaque marker (the index of the next item). */
export function page<T>(items: readonly T[], marker: string | undefined, max: number): { items: T[]; next?: string } {
  const start = marker === undefined || marker === '' ? 0 : Number.parseInt(Buffer.from(marker, 'base64url').toString('utf8'), 10);
  const from = Number.isFinite(start) && start > 0 ? start : 0;
  const slice = items.slice(from, from + max);
  const end = from + slice.length;
  return end < items.length ? { items: slice, next: Buffer.from(String(end)).toString('base64url') } : { items: slice };
}
