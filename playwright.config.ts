import { defineConfig } from '@playwright/test';
import { BROWSER_ARGS, findBrowser } from './tests/e2e/find-browser.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

// Browser tests run against the built site (`npm run build` first), served as a static host serves it, with
// the headers of its `_headers` file (scripts/preview.ts).
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    // Each context would otherwise precache the whole course (about 25 MB); the offline tests allow it themselves.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: findBrowser(),
      args: BROWSER_ARGS,
    },
  },
  webServer: {
    command: `node scripts/preview.ts --port ${port} --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
