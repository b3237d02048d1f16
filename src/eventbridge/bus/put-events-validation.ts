// PutEvents checks: request-level problems throw ValidationException; entry-level ones become
// per-entry ErrorCode/ErrorMessage results, with AWS's codes and wording.
import { validationError } from './errors.ts';
import type { PutEventsRequestEntry, PutEventsResultEntry } from './types.ts';
import { MAX_EVENT_BYTES, MAX_PUT_EVENTS_ENTRIES } from '../limits.ts';

export const MAX_ENTRIES = MAX_PUT_EVENTS_ENTRIES;
export const MAX_REQUEST_BYTES = MAX_EVENT_BYTES;

const utf8 = new TextEncoder();
const bytes = (s: unknown): number => (typeof s === 'string' ? utf8.encode(s).length : 0);

/** AWS's documented entry size: Time counts 14 bytes; Source, DetailType, Detail and each Resource their UTF-8 bytes. */
export function entrySize(entry: PutEventsRequestEntry): number {
  let size = entry.Time !== undefined && entry.Time !== null ? 14 : 0;
  size += bytes(entry.Source) + bytes(entry.DetailType) + bytes(entry.Detail);
  for (const r of entry.Resources ?? []) size += bytes(r);
  return size;
}

export function validateRequest(entries: unknown): asserts entries is PutEventsRequestEntry[] {
  if (!Array.isArray(entries)) {
    throw validationError("1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null");
  }
  if (entries.length < 1) {
    throw validationError(
      "1 validation error detected: Value '[]' at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  }
  if (entries.length > MAX_ENTRIES) {
    throw validationError(
      `1 validation error detected: Value '[${entries.length} entries]' at 'entries' failed to satisfy constraint: ` +
        `Member must have length less than or equal to ${MAX_ENTRIES}`,
    );
  }
  // Both the whole request and each entry are limited to 1 MB (limits.ts); the request limit covers both.
  const total = entries.reduce((n: number, e) => n + entrySize((e ?? {}) as PutEventsRequestEntry), 0);
  if (total > MAX_REQUEST_BYTES) {
    throw validationError('Total size of the entries in the request is over the limit.');
  }
}

const invalid = (field: string, reason: string): PutEventsResultEntry => ({
  ErrorCode: 'InvalidArgument',
  ErrorMessage: `Parameter ${field} is not valid. Reason: ${reason}`,
});

/** Returns the per-entry failure, or undefined when the entry is accepted. */
export function validateEntry(entry: PutEventsRequestEntry | undefined): PutEventsResultEntry | undefined {
  const e = (entry ?? {}) as PutEventsRequestEntry;
  if (typeof e.Source !== 'string' || e.Source === '') return invalid('Source', 'Source is a required argument.');
  if (typeof e.DetailType !== 'string' || e.DetailType === '') {
    return invalid('DetailType', 'DetailType is a required argument.');
  }
  if (typeof e.Detail !== 'string' || e.Detail === '') return invalid('Detail', 'Detail is a required argument.');
  if (e.Source.length > 256) return invalid('Source', 'Source must be at most 256 characters.');
  if (e.DetailType.length > 128) return invalid('DetailType', 'DetailType must be at most 128 characters.');
  // The "aws." prefix is reserved for events that AWS services emit.
  if (e.Source.toLowerCase().startsWith('aws.')) {
    return { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' };
  }
  if (e.Resources !== undefined && (!Array.isArray(e.Resources) || e.Resources.some((r) => typeof r !== 'string'))) {
    return invalid('Resources', 'Resources must be a list of strings.');
  }
  let detail: unknown;
  try {
    detail = JSON.parse(e.Detail);
  } catch {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  if (detail === null || typeof detail !== 'object' || Array.isArray(detail)) {
    return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
  }
  return undefined;
}
