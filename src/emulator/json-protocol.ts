// The AWS JSON 1.0/1.1 protocol on the emulator's side: the operation named by X-Amz-Target, the body
// read as a JSON object (nesting bounded before parsing), results with timestamps as epoch seconds, and
// errors as `__type` + `message` with the x-amzn-errortype header the SDKs read.
import type { EmulatorRequest, EmulatorResponse } from './service-endpoint.ts';
import { ServiceError } from './service-error.ts';

export { ServiceError };

/** Deeper bodies are refused before JSON.parse: no AWS input shape of these services nests this far. */
export const MAX_JSON_DEPTH = 32;

export const serviceError = (code: string, message: string, status = 400): ServiceError => new ServiceError(code, message, status);

/** "AWSEvents.PutRule" -> "PutRule" when the prefix is this service's. */
export function operationName(req: EmulatorRequest, prefix: string): string | undefined {
  const target = req.headers['x-amz-target'];
  if (target === undefined || !target.startsWith(`${prefix}.`)) return undefined;
  return target.slice(prefix.length + 1);
}

/** Deepest bracket nesting outside strings; stops counting once past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (inString) {
      if (c === 92) k++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

export type BodyResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: ServiceError };

/** The body as a JSON object; an empty body is `{}`. A SerializationException otherwise. */
const decoder = new TextDecoder();

export function readJsonBody(body: Uint8Array): BodyResult {
  const text = decoder.decode(body);
  if (text.trim() === '') return { ok: true, value: {} };
  const fail = (code: string, message: string): BodyResult => ({ ok: false, error: serviceError(code, message) });
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    return fail('SerializationException', `The request body nests deeper than ${MAX_JSON_DEPTH} levels, which no input of this operation does.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail('SerializationException', `The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('SerializationException', 'The request body must be a JSON object.');
  }
  return { ok: true, value: value as Record<string, unknown> };
}

/** JSON 1.x sends timestamps as epoch seconds. A copy, not a JSON.stringify replacer: that is several times slower. */
function wireValue(v: unknown): unknown {
  if (v instanceof Date) return v.getTime() / 1000;
  if (Array.isArray(v)) return v.map(wireValue);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = wireValue((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function jsonAnswer(contentType: string, result: unknown): EmulatorResponse {
  return { status: 200, headers: { 'content-type': contentType }, body: JSON.stringify(wireValue(result ?? {})) };
}

export interface JsonErrorOptions {
  /** Prefix of `__type` (SQS answers `com.amazonaws.sqs#QueueDoesNotExist`). */
  typePrefix?: string;
  /** For services that were Query services first (SQS): the old error code, sent as x-amzn-query-error. */
  queryCode?: string;
}

export function jsonError(contentType: string, err: ServiceError, opts: JsonErrorOptions = {}): EmulatorResponse {
  // The SDK reads __type first, then the x-amzn-errortype header; `message` becomes error.message.
  return {
    status: err.status,
    headers: {
      'content-type': contentType,
      'x-amzn-errortype': err.code,
      ...(opts.queryCode !== undefined ? { 'x-amzn-query-error': `${opts.queryCode};${err.fault}` } : {}),
    },
    body: JSON.stringify({ __type: `${opts.typePrefix ?? ''}${err.code}`, message: err.message }),
  };
}
