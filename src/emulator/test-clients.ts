// Real AWS SDK v3 clients pointed at a local emulator, and `npm run emulator` as a child process
// (shared by the tests and the benchmarks).
import { spawn, type ChildProcess } from 'node:child_process';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';

export const DUMMY_CREDENTIALS = { accessKeyId: 'AKIDEMULATOR', secretAccessKey: 'emulator-secret' };

export function clientsFor(url: string, region = 'eu-west-1'): { events: EventBridgeClient; logs: CloudWatchLogsClient } {
  const config = { endpoint: url, region, credentials: DUMMY_CREDENTIALS, maxAttempts: 1 };
  return { events: new EventBridgeClient(config), logs: new CloudWatchLogsClient(config) };
}

/** The error a call failed with (its AWS name and message); fails when the call succeeds. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected the call to fail');
}

/** Starts `node src/emulator/main.ts --port 0 ...args` and resolves with its URL once it listens. */
export async function spawnEmulator(args: readonly string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['src/emulator/main.ts', '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited early with code ${code}`)));
  });
  return { url, child };
}
