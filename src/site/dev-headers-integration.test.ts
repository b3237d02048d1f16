import { describe, expect, it } from 'vitest';
import { headersFor, readHeadersFile } from './headers-file.ts';
import { isDevLabWorker, LAB_RUNNER_PATH } from './dev-headers-integration.ts';

describe('development headers for the lab worker', () => {
  it('recognises the worker URL Vite serves in development, and nothing else', () => {
    expect(isDevLabWorker('/src/labs/browser/lab-worker.ts?worker_file&type=module')).toBe(true);
    expect(isDevLabWorker('/src/labs/browser/lab-worker.ts?type=module&worker_file')).toBe(true);
    expect(isDevLabWorker('/src/labs/browser/lab-worker.ts')).toBe(false);
    expect(isDevLabWorker('/labs/03-first-handler/')).toBe(false);
  });

  it("gives it the built worker's rules from public/_headers: the site's and the lab runner's own", () => {
    const rules = readHeadersFile(new URL('../../public/_headers', import.meta.url).pathname);
    const worker = headersFor(rules, LAB_RUNNER_PATH);
    expect(worker['Content-Security-Policy'] ?? worker['content-security-policy']).toMatch(/default-src 'none'/);
    expect(JSON.stringify(worker)).not.toEqual(JSON.stringify(headersFor(rules, '/')));
  });
});
