// Limit/NextToken paging as EventBridge list calls do it: at most 100 results a page (Limit 1 to 100),
// and a NextToken only when more results remain. The token is opaque to callers; here it is the offset.
import { validationError } from './errors.ts';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest {
  Limit?: number;
  NextToken?: string;
}

export function page<T>(items: readonly T[], req: PageRequest, max = MAX_PAGE_SIZE): { items: T[]; NextToken?: string } {
  const limit = req.Limit ?? max;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw validationError(`1 validation error detected: Value '${String(req.Limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  }
  let offset = 0;
  if (req.NextToken !== undefined) {
    const m = /^o(\d{1,9})$/.exec(req.NextToken);
    if (m === null) throw validationError('The NextToken provided is not valid.');
    offset = Number(m[1]);
  }
  const end = offset + limit;
  return { items: items.slice(offset, end), ...(end < items.length ? { NextToken: `o${end}` } : {}) };
}
