// Starts the meetup host (`npm run meetup`'s server) on a free loopback port over the build under test.
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createMeetupServer, type MeetupServer } from '../../src/meetup/meetup-server.ts';

export async function startMeetupHost(dist = resolve(process.env.ASTRO_OUT_DIR ?? 'dist')): Promise<{ url: string; host: MeetupServer }> {
  const host = createMeetupServer({ dist, stateFile: join(mkdtempSync(join(tmpdir(), 'e2e-room-')), 'room.json') });
  await new Promise<void>((r) => host.server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(host.server.address() as AddressInfo).port}`, host };
}
