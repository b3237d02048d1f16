import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..');
const fixture = mkdtempSync(join(tmpdir(), 'ebc-bad-frontmatter-'));
afterAll(() => rmSync(fixture, { recursive: true, force: true }));

// A copy of the site with one broken lesson: the real build must stop with a message naming the file and the fields.
it('a lesson with invalid frontmatter fails the build with a message naming the file and the field', () => {
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public']) cpSync(join(root, f), join(fixture, f), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(fixture, 'node_modules'));
  mkdirSync(join(fixture, 'content', 'serverless'), { recursive: true });
  mkdirSync(join(fixture, 'labs'));
  writeFileSync(join(fixture, 'content', 'index.mdx'), '---\ntitle: Home\n---\nHome\n');
  writeFileSync(join(fixture, 'content', 'serverless', 'broken.mdx'), '---\ntitle: Broken\nmodule: serverles\norder: two\n---\nText\n');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
    cwd: fixture,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_OUT_DIR: join(fixture, 'dist'), ASTRO_CACHE_DIR: join(fixture, '.cache'), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  // CI terminals may still get colour codes (bold field names); compare the text a reader sees.
  const output = (result.stdout + result.stderr).replace(/\u001b\[[0-9;]*m/g, '');
  expect(result.status).not.toBe(0);
  expect(output).toContain('serverless/broken');
  expect(output).toMatch(/module: must be one of: serverless/);
  expect(output).toMatch(/order: must be a number/);
}, 180_000);
