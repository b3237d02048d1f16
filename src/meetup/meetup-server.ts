// The meetup host: the built course plus a small JSON API for the room (documented in the README,
// "Host mode"). Learners' messages are small, few and validated; anything else is refused in words.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { z } from 'astro/zod';
import QRCode from 'qrcode';
import { RateLimiter } from './rate-limit.ts';
import { joinRequestSchema, progressRequestSchema, publicRoom } from './room-state.ts';
import { RoomError, RoomStore } from './room-store.ts';
import { staticSite } from '../site/static-site.ts';
import { HOST_COOKIE } from './on-meetup-host.ts';

/** A progress message is a few check titles: 8 KB is generous. */
export const MAX_BODY_BYTES = 8 * 1024;

export interface MeetupOptions {
  dist: string;
  stateFile: string;
  /** The URL printed and put in the QR code (what learners open); known once the server listens. */
  publicUrl?: () => string;
  limiter?: RateLimiter;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new RoomError(413, `a message is at most ${MAX_BODY_BYTES} bytes`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function parseJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new RoomError(415, 'send JSON with content-type: application/json');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new RoomError(413, `a message is at most ${MAX_BODY_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(await readBody(req));
  } catch (e) {
    if (e instanceof RoomError) throw e;
    throw new RoomError(400, 'the body is not JSON');
  }
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new RoomError(400, `${i?.path.join('.') || 'body'}: ${i?.message ?? 'invalid'}`);
  }
  return r.data;
}

export interface MeetupServer {
  server: Server;
  store: RoomStore;
  /** Ends the event streams (they never end on their own) and stops listening. */
  close(): Promise<void>;
}

export function createMeetupServer(options: MeetupOptions): MeetupServer {
  const store = new RoomStore(options.stateFile);
  const limiter = options.limiter ?? new RateLimiter();
  const site = staticSite(options.dist);
  const streams = new Set<ServerResponse>();
  store.onChange((room) => {
    const frame = `event: room\ndata: ${JSON.stringify(publicRoom(room))}\n\n`;
    for (const s of streams) s.write(frame);
  });

  const api = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const route = `${req.method} ${path}`;
    const address = req.socket.remoteAddress ?? 'unknown';
    if (route === 'GET /api/meetup/room') return json(res, 200, publicRoom(store.state));
    if (route === 'GET /api/meetup/info') {
      const url = options.publicUrl?.() ?? `http://${req.headers.host ?? 'localhost'}/`;
      return json(res, 200, { url, joinUrl: `${url.replace(/\/$/, '')}/meetup/join/`, qrSvg: await QRCode.toString(`${url.replace(/\/$/, '')}/meetup/join/`, { type: 'svg', margin: 1 }) });
    }
    if (route === 'GET /api/meetup/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
      res.write(`retry: 2000\nevent: room\ndata: ${JSON.stringify(publicRoom(store.state))}\n\n`);
      streams.add(res);
      const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(ping);
        streams.delete(res);
      });
      return;
    }
    if (route === 'POST /api/meetup/join') {
      if (!limiter.take(`join:${address}`)) throw new RoomError(429, 'too many messages: wait a second and try again');
      const body = await parseJson(req, joinRequestSchema);
      const { learner, token } = await store.join(body.name);
      return json(res, 201, { learnerId: learner.id, name: learner.name, token });
    }
    if (route === 'POST /api/meetup/progress') {
      const body = await parseJson(req, progressRequestSchema);
      if (!limiter.take(`learner:${body.learnerId}`) || !limiter.take(`addr:${address}`)) throw new RoomError(429, 'too many messages: at most a few per second');
      await store.progress(body.learnerId, body.token, body.lab, body.checks);
      return json(res, 200, { stored: true });
    }
    throw new RoomError(path.startsWith('/api/meetup/') && ['GET', 'POST'].includes(req.method ?? '') ? 404 : 405, `no such API: ${route}. See the README, "Host mode".`);
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, { error: 'the course is read-only: use GET' });
      res.setHeader('set-cookie', `${HOST_COOKIE}; Path=/; SameSite=Strict`);
      return site(req, res);
    }
    api(req, res, path).catch((e: unknown) => {
      if (res.headersSent) return void res.end();
      if (e instanceof RoomError) return json(res, e.status, { error: e.message });
      json(res, 500, { error: `the host could not store this: ${e instanceof Error ? e.message : String(e)}` });
    });
  });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of streams) s.end();
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, store, close };
}
