// One HTTP port for many service endpoints: reads each request whole, finds the endpoint that claims it
// and writes its answer, with CORS on every response so a page or a WebContainer can call it too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, EndpointFactory, ServiceEndpoint } from './service-endpoint.ts';

export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export interface EndpointServerOptions {
  port?: number;
  host?: string;
  region?: string;
  accountId?: string;
  now?: () => number;
  log?: (line: string) => void;
  /** Durable journal; default: nothing is stored. */
  journal?: (endpoint: string, entry: unknown) => Promise<void>;
  /** Runs once the endpoints exist and before the port is opened (replaying the journal); a throw stops the start. */
  prepare?: (endpoints: readonly ServiceEndpoint[]) => Promise<void>;
}

export interface EndpointServer {
  url: string;
  port: number;
  endpoints: readonly ServiceEndpoint[];
  close(): Promise<void>;
}

const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, HEAD, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': '*',
  'access-control-max-age': '86400',
};

/** Region and signing name from "Credential=AKID/20240101/eu-west-1/events/aws4_request". */
export function credentialScope(authorization: string | undefined): { region: string; service: string } | undefined {
  const m = /Credential=[^/,\s]+\/\d{8}\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request/i.exec(authorization ?? '');
  return m === null ? undefined : { region: m[1] as string, service: m[2] as string };
}

function readWhole(req: IncomingMessage): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_REQUEST_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toRequest(req: IncomingMessage, body: Uint8Array, defaultRegion: string): EmulatorRequest {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const scope = credentialScope(headers.authorization);
  return {
    method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body,
    region: scope?.region ?? defaultRegion, ...(scope ? { signingService: scope.service } : {}),
  };
}

function write(res: ServerResponse, answer: EmulatorResponse): void {
  const body = answer.body ?? '';
  res.writeHead(answer.status, {
    ...CORS_HEADERS,
    'x-amzn-requestid': crypto.randomUUID(),
    'content-length': typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength,
    ...answer.headers,
  });
  res.end(body);
}

/** An answer no endpoint gave: JSON with the AWS error fields, which JSON clients read and others show as text. */
function unclaimed(status: number, code: string, message: string): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json', 'x-amzn-errortype': code }, body: JSON.stringify({ __type: code, message }) };
}

export async function serveEndpoints(factories: readonly EndpointFactory[], opts: EndpointServerOptions = {}): Promise<EndpointServer> {
  const host = opts.host ?? '127.0.0.1';
  const region = opts.region ?? 'us-east-1';
  const log = opts.log ?? (() => undefined);
  const endpoints: ServiceEndpoint[] = [];
  let url = '';
  const ctx: EmulatorContext = {
    get url() { return url; },
    accountId: opts.accountId ?? '000000000000',
    now: opts.now ?? Date.now,
    journal: opts.journal ?? (async () => undefined),
    log,
    async deliver(arn, payload) {
      for (const e of endpoints) if (e.deliver !== undefined && (await e.deliver(arn, payload))) return;
      throw new Error(`no service of this emulator owns ${arn}`);
    },
  };
  for (const f of factories) endpoints.push(f(ctx));
  const closeEndpoints = async (): Promise<void> => {
    for (const e of endpoints) await e.close?.();
  };
  if (opts.prepare !== undefined) {
    try {
      await opts.prepare(endpoints);
    } catch (e) {
      await closeEndpoints();
      throw e;
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') {
        // A browser's preflight: "*" does not cover Authorization, so name the headers it asked for.
        const asked = req.headers['access-control-request-headers'];
        return write(res, { status: 204, headers: typeof asked === 'string' && asked !== '' ? { 'access-control-allow-headers': asked } : {} });
      }
      const body = await readWhole(req);
      if (body === undefined) return write(res, unclaimed(413, 'RequestEntityTooLargeException', `the request body is larger than ${MAX_REQUEST_BYTES} bytes`));
      const request = toRequest(req, body, region);
      const endpoint = endpoints.find((e) => e.claims(request));
      if (endpoint === undefined) {
        const target = request.headers['x-amz-target'];
        return write(res, unclaimed(400, 'UnknownOperationException', target === undefined
          ? `no service of this emulator serves ${request.method} ${request.path} (the X-Amz-Target header is missing; JSON services need POST requests with one)`
          : `no service of this emulator serves ${JSON.stringify(target)}; see the README for the supported operations`));
      }
      write(res, await endpoint.handle(request));
    })().catch((e: unknown) => {
      if (!res.headersSent) write(res, { status: 500, headers: { 'content-type': 'text/plain' }, body: `internal error: ${(e as Error).message}` });
    });
  });
  server.keepAliveTimeout = 5000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (e) {
    await closeEndpoints();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url, port, endpoints,
    async close() {
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeIdleConnections(); });
      await closeEndpoints();
    },
  };
}
