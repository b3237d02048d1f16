// AWS JSON 1.1 wire details: reading the body, writing results and errors, finding the region.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from '../eventbridge/aws-error.ts';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** An error raised by the wire layer itself (bad body, unknown operation); services throw their own AwsErrors. */
export class WireError extends AwsError {}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Past the limit, keep reading but drop the data, so the client still gets a proper error response.
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(new WireError('RequestEntityTooLargeException', `the request body is larger than ${MAX_BODY_BYTES} bytes`, 413));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** Parses a JSON 1.1 request body; an empty body means no input. */
export function parseRequestBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new WireError('SerializationException', `The request body is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new WireError('SerializationException', 'The request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** JSON 1.1 sends timestamps as epoch seconds. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  return original instanceof Date ? original.getTime() / 1000 : value;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body ?? {}, replacer);
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': crypto.randomUUID(),
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: AwsError): void {
  // The SDK reads __type first, then the x-amzn-errortype header; `message` becomes error.message.
  sendJson(res, err.status, { __type: err.code, message: err.message }, { 'x-amzn-errortype': err.code });
}

/** Region from the SigV4 credential scope: "Credential=AKID/20240101/eu-west-1/events/aws4_request". */
export function regionFromAuthorization(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/[a-z0-9-]+\/aws4_request/i.exec(header);
  return m?.[1];
}

/** Converts anything a service threw into a wire error; unknown failures become a 500 InternalException. */
export function toWireError(e: unknown): AwsError {
  if (e instanceof AwsError) return e;
  if (e instanceof Error) {
    // The engine's pattern errors name themselves like AWS exceptions (InvalidEventPatternException).
    if (/^[A-Z]\w+Exception$/.test(e.name)) return new WireError(e.name, e.message);
    return new WireError('InternalException', `internal error: ${e.message}`, 500);
  }
  return new WireError('InternalException', `internal error: ${String(e)}`, 500);
}
