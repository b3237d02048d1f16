// A built site served as a static host serves it (src/site/static-site.ts): for `npm run preview` and the
// browser tests, the size budget and the tests of the deployed headers.
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { staticSite } from '../src/site/static-site.ts';

/** On a free loopback port unless `port`/`host` say otherwise (`npm run preview`). */
export async function serveFolder(root: string, at: { port?: number; host?: string } = {}): Promise<{ url: string; close(): Promise<void>; bytesSent(): number }> {
  const server = createServer(staticSite(root));
  // Every byte written to every connection (headers and bodies, as sent): what a visit costs the network.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => sockets.add(socket));
  const bytesSent = () => [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port ?? 0, at.host ?? '127.0.0.1', resolve);
  });
  const { port, address } = server.address() as AddressInfo;
  return { url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`, bytesSent, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
