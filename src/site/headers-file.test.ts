import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './headers-file.ts';

describe('_headers', () => {
  it("applies the course's own public/_headers as a static host does: isolation everywhere, the runner's own policy", () => {
    const rules = parseHeadersFile(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));
    for (const path of ['/labs/01-first-rule/', '/serverless/what-is-serverless/', '/_astro/x.js']) {
      expect(headersFor(rules, path), path).toMatchObject({
        'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cross-origin-resource-policy': 'same-origin',
      });
    }
    // Both policies apply to the lab runner's scripts, joined as a browser reads two headers.
    expect(headersFor(rules, '/_astro/lab-runner/lab-worker.js')['content-security-policy']).toMatch(/, default-src 'none'; script-src 'self' 'unsafe-eval' blob:$/);
    expect(headersFor(rules, '/_astro/x.js')['content-security-policy']).not.toContain("default-src 'none'");
    // Hashed build files are kept for a year; pages (and the service worker) are not given a cache rule.
    expect(headersFor(rules, '/_astro/x.js')['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/labs/01-first-rule/')['cache-control']).toBeUndefined();
    expect(headersFor(rules, '/sw.js')['cache-control']).toBeUndefined();
  });

  it('matches * across segments and :name within one, and names a bad line', () => {
    const rules = parseHeadersFile('/a/*\n  X-A: 1\n/b/:id/c\n  X-B: 2\n');
    expect(headersFor(rules, '/a/deep/er')).toEqual({ 'x-a': '1' });
    expect(headersFor(rules, '/b/42/c')).toEqual({ 'x-b': '2' });
    expect(headersFor(rules, '/b/4/2/c')).toEqual({});
    expect(() => parseHeadersFile('/a\n  not a header\n')).toThrow(/line 2/);
  });
});
