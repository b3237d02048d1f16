import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code; browser tests live in tests/e2e and run under Playwright.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'labs/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
    exclude: ['node_modules', 'dist'],
    testTimeout: 20_000,
    // One file per core, not Vitest's cores - 1: the slowest files (AWS round trips, lab corpora, the emulator's
    // memory bound) spend most of their time waiting on timers and child processes, not on the CPU.
    maxWorkers: availableParallelism(),
  },
});
