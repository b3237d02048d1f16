import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMeetup } from './meetup.ts';

describe('npm run meetup', () => {
  it('listens on loopback by default and prints the URL, the join link and a terminal QR code', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'meetup-cli-'));
    writeFileSync(join(dist, 'index.html'), '<h1>course</h1>');
    const lines: string[] = [];
    const m = await startMeetup(['--port', '0', '--dist', dist, '--state', join(dist, 'room.json')], (s) => lines.push(s));
    try {
      expect(m.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const text = lines.join('\n');
      expect(text).toContain(`Serving the course at ${m.url} (loopback only`);
      expect(text).toContain(`${m.url}meetup/join/`);
      expect(text).toMatch(/[▀▄█]{10}/);
      expect(await (await fetch(m.url)).text()).toContain('course');
      const info = (await (await fetch(`${m.url}api/meetup/info`)).json()) as { joinUrl: string };
      expect(info.joinUrl).toBe(`${m.url}meetup/join/`);
    } finally {
      await m.close();
    }
  });

  it('refuses to start without a built course', async () => {
    await expect(startMeetup(['--port', '0', '--dist', mkdtempSync(join(tmpdir(), 'empty-'))], () => {})).rejects.toThrow(/npm run build first/);
  });
});
