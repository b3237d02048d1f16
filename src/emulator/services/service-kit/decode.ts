// Decoding at the edge: one zod schema per operation input; a failure becomes the service's own error
// (missing member vs wrong type), so nothing undecoded reaches a handler and nothing answers 500.
import type { z } from 'zod';
import { ServiceError } from './service-error.ts';

export interface DecodeErrorCodes {
  missing: string;
  invalid: string;
  status?: number;
}

export function decodeInput<S extends z.ZodType>(schema: S, input: unknown, codes: DecodeErrorCodes): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'input' : issue.path.join('.');
  const missing = issue?.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined;
  if (missing) throw new ServiceError(codes.missing, `1 validation error detected: Value null at '${where}' failed to satisfy constraint: Member must not be null`, codes.status ?? 400);
  throw new ServiceError(codes.invalid, `1 validation error detected: Value at '${where}' failed to satisfy constraint: ${issue?.message ?? 'invalid'}`, codes.status ?? 400);
}

/** Parses a JSON request body that must be an object (empty means {}). */
export function parseJsonObject(body: Uint8Array, code: string): Record<string, unknown> {
  const text = Buffer.from(body).toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ServiceError(code, `The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ServiceError(code, 'The request body must be a JSON object');
  return value as Record<string, unknown>;
}
