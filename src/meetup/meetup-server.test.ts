import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMeetupServer, MAX_BODY_BYTES, type MeetupServer } from './meetup-server.ts';
import { RateLimiter } from './rate-limit.ts';

function fakeDist(): string {
  const dist = mkdtempSync(join(tmpdir(), 'meetup-dist-'));
  mkdirSync(join(dist, 'labs', '01-first-rule'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<h1>home</h1>');
  writeFileSync(join(dist, 'labs', '01-first-rule', 'index.html'), '<h1>lab</h1>');
  writeFileSync(join(dist, '_headers'), '# comment\n/labs/*\n  Cross-Origin-Opener-Policy: same-origin\n  Cross-Origin-Embedder-Policy: require-corp\n');
  return dist;
}

const open: MeetupServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((m) => m.close()));
});

async function start(dist: string, stateFile: string, limiter?: RateLimiter): Promise<string> {
  const m = createMeetupServer({ dist, stateFile, ...(limiter ? { limiter } : {}) });
  open.push(m);
  await new Promise<void>((r) => m.server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(m.server.address() as AddressInfo).port}`;
}

const post = (url: string, body: unknown, type = 'application/json') => fetch(url, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const checks = [{ title: 'The pattern is valid', status: 'passed' }, { title: 'Big orders reach the team', status: 'failed' }];

describe('meetup host', () => {
  it('serves the course with the _headers headers for lab pages only, and never the _headers file', async () => {
    const url = await start(fakeDist(), join(mkdtempSync(join(tmpdir(), 'room-')), 'room.json'));
    const lab = await fetch(`${url}/labs/01-first-rule/`);
    expect(lab.status).toBe(200);
    expect(lab.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(lab.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(lab.headers.get('set-cookie')).toMatch(/ebc-meetup-host=1/);
    const home = await fetch(`${url}/`);
    expect(home.headers.get('cross-origin-embedder-policy')).toBeNull();
    expect((await fetch(`${url}/_headers`)).status).toBe(404);
    expect((await fetch(`${url}/..%2f..%2fetc/passwd`)).status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${url}/labs/01-first-rule`, { redirect: 'manual' })).status).toBe(301);
  });

  it('joins, stores progress before acknowledging it, streams it, and keeps it across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'room-'));
    const state = join(dir, 'room.json');
    const dist = fakeDist();
    const url = await start(dist, state);
    const events = await fetch(`${url}/api/meetup/events`);
    const reader = events.body!.getReader();
    const joined = await post(`${url}/api/meetup/join`, { name: '  Ada ' });
    expect(joined.status).toBe(201);
    const { learnerId, token, name } = (await joined.json()) as { learnerId: string; token: string; name: string };
    expect(name).toBe('Ada');
    const stored = await post(`${url}/api/meetup/progress`, { learnerId, token, lab: '01-first-rule', checks });
    expect(await stored.json()).toEqual({ stored: true });
    // Acknowledged means on disk, token only as a hash.
    const onDisk = readFileSync(state, 'utf8');
    expect(JSON.parse(onDisk).learners[0].labs['01-first-rule']).toMatchObject({ passed: 1, total: 2 });
    expect(onDisk).not.toContain(token);

    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes('"passed":1') && Date.now() < deadline) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: room\ndata: \{"version":1,"learners":\[\{"id":"l-/);
    expect(text).not.toContain('tokenHash');
    await reader.cancel();

    await Promise.all(open.splice(0).map((m) => m.close()));
    const again = await start(dist, state);
    const room = (await (await fetch(`${again}/api/meetup/room`)).json()) as { learners: { name: string; labs: Record<string, { passed: number }> }[] };
    expect(room.learners[0]).toMatchObject({ name: 'Ada', labs: { '01-first-rule': { passed: 1 } } });
    // The token still works after the restart; a wrong one does not.
    expect((await post(`${again}/api/meetup/progress`, { learnerId, token, lab: '01-first-rule', checks })).status).toBe(200);
    expect((await post(`${again}/api/meetup/progress`, { learnerId, token: 'x'.repeat(32), lab: '01-first-rule', checks })).status).toBe(403);
  });

  it('refuses anything but a few small JSON messages, with a clear error', async () => {
    let now = 0;
    const url = await start(fakeDist(), join(mkdtempSync(join(tmpdir(), 'room-')), 'room.json'), new RateLimiter(3, 5, () => now));
    const { learnerId, token } = (await (await post(`${url}/api/meetup/join`, { name: 'Bo' })).json()) as { learnerId: string; token: string };
    const bad = async (res: Response, status: number, error: RegExp) => {
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: string }).error).toMatch(error);
    };
    await bad(await post(`${url}/api/meetup/join`, 'name=Bo', 'application/x-www-form-urlencoded'), 415, /content-type: application\/json/);
    await bad(await post(`${url}/api/meetup/join`, '{"name":'), 400, /not JSON/);
    await bad(await post(`${url}/api/meetup/join`, { name: '' }), 400, /^name: type a name/);
    await bad(await post(`${url}/api/meetup/join`, { name: 'Bo', admin: true }), 400, /admin|Unrecognized/i);
    await bad(await post(`${url}/api/meetup/progress`, { learnerId, token, lab: '01-first-rule', checks: [{ title: 'x'.repeat(MAX_BODY_BYTES), status: 'passed' }] }), 413, /at most/);
    await bad(await fetch(`${url}/api/meetup/nothing`), 404, /no such API/);
    await bad(await fetch(`${url}/`, { method: 'DELETE' }), 405, /read-only/);
    now = 10_000;
    const burst = [];
    for (let i = 0; i < 8; i++) burst.push((await post(`${url}/api/meetup/progress`, { learnerId, token, lab: '01-first-rule', checks })).status);
    expect(burst.filter((s) => s === 200)).toHaveLength(5);
    expect(burst.filter((s) => s === 429)).toHaveLength(3);
    now += 1000;
    expect((await post(`${url}/api/meetup/progress`, { learnerId, token, lab: '01-first-rule', checks })).status).toBe(200);
  });

  it('gives the join link and its QR code', async () => {
    const url = await start(fakeDist(), join(mkdtempSync(join(tmpdir(), 'room-')), 'room.json'));
    const info = (await (await fetch(`${url}/api/meetup/info`)).json()) as { joinUrl: string; qrSvg: string };
    expect(info.joinUrl).toBe(`${url}/meetup/join/`);
    expect(info.qrSvg).toMatch(/^<svg[^>]*viewBox/);
  });
});

describe('meetup host transfer', () => {
  it('sends text gzipped to clients that accept it', async () => {
    const dist = fakeDist();
    writeFileSync(join(dist, 'big.js'), 'const x = 1;\n'.repeat(5000));
    const url = await start(dist, join(mkdtempSync(join(tmpdir(), 'room-')), 'room.json'));
    const { request } = await import('node:http');
    const res = await new Promise<import('node:http').IncomingMessage>((resolve) => request(`${url}/big.js`, { headers: { 'accept-encoding': 'gzip' } }, resolve).end());
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBeLessThan(2000);
    res.resume();
    expect(await (await fetch(`${url}/big.js`)).text()).toHaveLength(13 * 5000);
  });
});
