// Test support: a loopback server that counts the connections a sandboxed child manages to open (it should
// open none), started before a suite's tests and closed after them.
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export function useTrapServer(): { port(): number; connections(): number } {
  let server: Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    server = createServer((s) => {
      connections++;
      s.destroy();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  return { port: () => port, connections: () => connections };
}
