// A built site on a free loopback port, served as a static host serves it (src/site/static-site.ts), for
// the size budget and the browser tests of the deployed headers.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticSite } from '../src/site/static-site.ts';

export async function serveFolder(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(staticSite(root));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
