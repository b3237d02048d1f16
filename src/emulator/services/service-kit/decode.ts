// Decoding at the edge for the services' endpoints: one zod schema per operation input, decoded with the
// emulator's one decoder (operation-table.ts) and body reader (json-protocol.ts); a failure becomes the
// service's own error (missing member vs wrong type), so nothing undecoded reaches a handler and nothing
// answers 500.
import type { z } from 'zod';
import { decode } from '../../operation-table.ts';
import { readJsonBody } from '../../json-protocol.ts';
import { ServiceError } from '../../service-error.ts';

export interface DecodeErrorCodes {
  missing: string;
  invalid: string;
  status?: number;
}

export function decodeInput<S extends z.ZodType>(schema: S, input: unknown, codes: DecodeErrorCodes): z.infer<S> {
  const decoded = decode(schema, input);
  if (decoded.ok) return decoded.input as z.infer<S>;
  const { problem } = decoded;
  const where = problem.path === '' ? 'input' : problem.path;
  if (problem.kind === 'missing') throw new ServiceError(codes.missing, `1 validation error detected: Value null at '${where}' failed to satisfy constraint: Member must not be null`, codes.status ?? 400);
  throw new ServiceError(codes.invalid, `1 validation error detected: Value at '${where}' failed to satisfy constraint: ${problem.message}`, codes.status ?? 400);
}

/** Parses a JSON request body that must be an object (empty means {}); a broken one is the service's `code`. */
export function parseJsonObject(body: Uint8Array, code: string): Record<string, unknown> {
  const r = readJsonBody(body);
  if (!r.ok) throw new ServiceError(code, r.error.message);
  return r.value;
}
