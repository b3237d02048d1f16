// What the AWS round-trip tests share: one emulator per test file, reached with the SDK's default credential
// chain as a learner's machine would, and a lab project written to a temporary folder. The tests are split over
// files so that the test runner's workers share them (each round trip waits on deploys and Lambda's retries).
import { afterAll, beforeAll } from 'vitest';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { startServices, type TestStack } from '../emulator/services/services.test-support.ts';
import { DUMMY_CREDENTIALS } from '../emulator/test-clients.ts';

/** Starts the emulator for this file's tests; the returned function gives its URL once started. */
export function useEmulator(): () => string {
  let stack: TestStack | undefined;
  const saved = { ...process.env };
  beforeAll(async () => {
    stack = await startServices();
    // The SDK's default chain reads these, as it would a learner's.
    process.env.AWS_ACCESS_KEY_ID = DUMMY_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = DUMMY_CREDENTIALS.secretAccessKey;
    process.env.AWS_REGION = 'eu-west-1';
    // Lab 12's smoke test waits for its events up to this long (60 s unless set): the emulator delivers at once.
    process.env.READ_DEADLINE_MS = '3000';
  });
  afterAll(async () => {
    process.env = saved;
    await stack?.close();
  });
  return () => {
    if (!stack) throw new Error('the emulator has not started');
    return stack.server.url;
  };
}

/** A script lab's verify runs the learner's script, which imports the SDK from the project's node_modules (npm install there). */
export function linkNodeModules(dir: string): void {
  symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'), 'dir');
}
