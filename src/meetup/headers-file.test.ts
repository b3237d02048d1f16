import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from './headers-file.ts';

describe('_headers', () => {
  it('applies the course\'s own public/_headers to lab pages only', () => {
    const rules = parseHeadersFile(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));
    expect(headersFor(rules, '/labs/01-first-rule/')).toEqual({ 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    expect(headersFor(rules, '/labs/')).toHaveProperty('Cross-Origin-Embedder-Policy');
    expect(headersFor(rules, '/serverless/what-is-serverless/')).toEqual({});
    expect(headersFor(rules, '/xlabs/a')).toEqual({});
  });
});
