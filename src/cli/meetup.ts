// `npm run meetup -- [--host] [--port N] [--dist DIR] [--state FILE]`: serves the built course for a room,
// with a dashboard at /meetup/. Loopback only unless --host is given.
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import QRCode from 'qrcode';
import { createMeetupServer } from '../meetup/meetup-server.ts';

const USAGE = `Usage: npm run meetup -- [--host] [--port 4600] [--dist dist] [--state meetup-room.json]
Serves the built course (npm run build first) with the lab pages' headers and a room dashboard at /meetup/.
Without --host it listens on 127.0.0.1 only; --host listens on every network interface so the room can join.
The room (who joined, their check results) is kept in the --state file and survives a restart.`;

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

/** The first LAN IPv4 address, for the printed URL when listening beyond loopback. */
function lanAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
}

/** Starts the host and prints where to join; resolves once it listens. */
export async function startMeetup(argv: string[], out: (s: string) => void): Promise<{ url: string; close(): Promise<void> }> {
  const everywhere = argv.includes('--host');
  const port = Number(option(argv, '--port', '4600'));
  const dist = resolve(option(argv, '--dist', 'dist'));
  const stateFile = resolve(option(argv, '--state', 'meetup-room.json'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port needs a port number');
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`${dist} has no built course: run npm run build first`);
  const listenOn = everywhere ? '0.0.0.0' : '127.0.0.1';
  const shownHost = everywhere ? (lanAddress() ?? '127.0.0.1') : '127.0.0.1';
  let url = `http://${shownHost}:${port}/`;
  const meetup = createMeetupServer({ dist, stateFile, publicUrl: () => url });
  await new Promise<void>((res, rej) => meetup.server.once('error', rej).listen(port, listenOn, res));
  // --port 0 picks a free port: print the one the system gave.
  url = `http://${shownHost}:${(meetup.server.address() as AddressInfo).port}/`;
  out(`Serving the course at ${url} (${everywhere ? 'on every network interface' : 'loopback only: add --host for the room'})`);
  out(`Learners join at ${url}meetup/join/ — dashboard and QR code: ${url}meetup/`);
  out(await QRCode.toString(`${url}meetup/join/`, { type: 'terminal', small: true }));
  out(`Room state: ${stateFile} (${meetup.store.state.learners.length} learner(s) so far). Ctrl+C to stop.`);
  return { url, close: () => meetup.close() };
}

export async function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): Promise<number> {
  if (argv.includes('--help')) {
    out(USAGE);
    return 0;
  }
  const meetup = await startMeetup(argv, out);
  const stop = () => void meetup.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stdout.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
