import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { findBrowser } from './find-browser.ts';

it('prefers CHROME_PATH when it points at a file', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'browser-')), 'chrome');
  writeFileSync(file, '');
  expect(findBrowser({ CHROME_PATH: file })).toBe(file);
});

it('fails with a clear message when CHROME_PATH points nowhere', () => {
  expect(() => findBrowser({ CHROME_PATH: '/nonexistent/chrome' })).toThrow(/CHROME_PATH is set to "\/nonexistent\/chrome", but there is no file there/);
});
