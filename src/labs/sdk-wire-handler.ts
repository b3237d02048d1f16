// The request handler a lab function's real SDK client sends through: the SDK signs and serializes the
// request as it would for AWS, and this hands the bytes to a Wire (the lab bus, in this realm or across a
// pipe) instead of a socket. The SDK accepts any object with `handle` as its requestHandler. Pure.
import type { WireRequest, WireResponse } from './lab-wire.ts';

/** The parts of the SDK's HttpRequest this reads (structural, so this file needs no SDK import). */
export interface SdkHttpRequest {
  method: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return decoder.decode(body);
  throw new Error('A lab function can send only string or byte bodies.');
}

export function toWireRequest(request: SdkHttpRequest): WireRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = String(v);
  return { method: request.method, path: request.path || '/', headers, body: bodyText(request.body) };
}

export function wireRequestHandler(send: (req: WireRequest) => Promise<WireResponse>) {
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    async handle(request: SdkHttpRequest, options: { abortSignal?: { aborted: boolean } } = {}) {
      if (options.abortSignal?.aborted) throw Object.assign(new Error('Request aborted'), { name: 'AbortError' });
      const res = await send(toWireRequest(request));
      return { response: { statusCode: res.status, headers: res.headers, body: encoder.encode(res.body) } };
    },
    updateHttpClientConfig: () => undefined,
    httpHandlerConfigs: () => ({}),
    destroy: () => undefined,
  };
}
