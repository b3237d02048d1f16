import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code; browser tests live in tests/e2e and run under Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'labs/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    exclude: ['node_modules', 'dist'],
    testTimeout: 20_000,
  },
});
