// A Node worker thread that runs one lab session without the sandbox (`--no-sandbox`, and in a
// WebContainer, whose Node has no permission model). The functions run as plain Node modules whose SDK
// client talks to a loopback endpoint of this thread (node-handler-host.ts); the worker thread has its own
// copy of process.env, so replacing it for each function touches nothing outside.
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { serveSession } from './serve-session.ts';
import type { SessionRequest } from './session-protocol.ts';
import type { CustomChecks } from './run-checks.ts';
import { nodeHandlerHost } from './node-handler-host.ts';

const port = parentPort;
if (!port) throw new Error('node-session-worker.ts must run as a worker thread');

port.on('message', async (req: SessionRequest) => {
  const functions = await nodeHandlerHost(req.labId, req.files);
  try {
    const customPath = (workerData as { customChecksPath?: string } | undefined)?.customChecksPath;
    const custom = customPath ? ((await import(pathToFileURL(customPath).href)) as { checks?: CustomChecks }).checks ?? {} : {};
    await serveSession(req, (m) => port.postMessage(m), functions.host, custom);
  } finally {
    await functions.dispose();
  }
});
