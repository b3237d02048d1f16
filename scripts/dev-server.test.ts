import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const port = 4391;
const start = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string;
// `npm start` runs this command; we run the same one on a spare port so a learner's own server can keep 4321.
const args = start.replace(/^astro /, '').replace(/--port \d+/, `--port ${port}`).split(' ');
// Vitest's own variables (NODE_ENV=test, VITEST*) would make Astro behave as under test, not as a learner's `npm start`.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST')));
const server = spawn(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), ...args], {
  cwd: root,
  env: { ...env, ASTRO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'ebc-dev-')), ASTRO_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
  detached: true,
});
afterAll(() => {
  if (server.pid) process.kill(-server.pid);
});

// The dev server answers 404 while it is still loading the content collections, so wait for a 200 until a deadline.
async function get(path: string): Promise<{ status: number; text: string }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    let last: { status: number; text: string } | undefined;
    try {
      const res = await fetch(`http://127.0.0.1:${port}${path}`);
      last = { status: res.status, text: await res.text() };
      if (last.status === 200) return last;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    if (last && Date.now() > deadline) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
}

it('npm start serves the home page, which links to both module 1 lessons, and serves them', async () => {
  expect(start).toMatch(/^astro dev --port 4321$/);
  const home = await get('/');
  expect(home.status).toBe(200);
  expect(home.text).toContain('href="/serverless/what-is-serverless/"');
  expect(home.text).toContain('href="/serverless/not-just-lambda/"');
  const lesson = await get('/serverless/not-just-lambda/');
  expect(lesson.status).toBe(200);
  expect(lesson.text).toContain('Not just Lambda');
}, 90_000);

it("npm start gives the lab runner's worker the stricter policy public/_headers gives it when deployed", async () => {
  await get('/');
  const res = await fetch(`http://127.0.0.1:${port}/src/labs/browser/lab-worker.ts?worker_file&type=module`);
  expect(res.status).toBe(200);
  const policy = res.headers.get('content-security-policy') ?? '';
  expect(policy).toContain("default-src 'none'");
  expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
}, 90_000);
