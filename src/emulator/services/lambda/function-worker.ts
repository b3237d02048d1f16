// Runs in the function's own Node process (forked with the permission model: it may read only its code,
// node_modules and this folder, and may not spawn processes or write files): loads the handler once (warm
// starts reuse it), runs one invocation at a time and sends console output and the result back over IPC.
// The environment is the function's own (set by the parent), never the host's.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';
import type { FunctionErrorPayload, InvokeMessage, WorkerMessage, WorkerSetup } from './worker-protocol.ts';

const setup: WorkerSetup = { codeDir: process.argv[2] ?? '', handler: process.argv[3] ?? '' };
const send = process.send?.bind(process);
if (send === undefined) throw new Error('function-worker runs only as a forked process with an IPC channel');
const post = (m: WorkerMessage): void => { send(m); };
let requestId = '';

// Lambda's text log format: time, request id, level, message.
const levels: [keyof Console, string][] = [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG'], ['trace', 'TRACE']];
for (const [method, level] of levels) {
  (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
    post({ type: 'log', line: `${new Date().toISOString()}\t${requestId}\t${level}\t${format(...args)}` });
}

type Handler = (event: unknown, context: unknown, callback?: (err: unknown, result?: unknown) => void) => unknown;

function errorPayload(e: unknown, fallbackType = 'Error'): FunctionErrorPayload {
  if (e instanceof Error) return { errorType: e.name || fallbackType, errorMessage: e.message, trace: (e.stack ?? '').split('\n') };
  return { errorType: fallbackType, errorMessage: typeof e === 'string' ? e : JSON.stringify(e) ?? String(e) };
}

class RuntimeError extends Error {}

let loaded: Handler | undefined;
async function loadHandler(): Promise<Handler> {
  if (loaded) return loaded;
  const dot = setup.handler.lastIndexOf('.');
  const modulePath = setup.handler.slice(0, dot);
  const exportName = setup.handler.slice(dot + 1);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => join(setup.codeDir, modulePath + ext)).find((f) => existsSync(f));
  if (dot <= 0 || file === undefined) {
    const err = new RuntimeError(`Error: Cannot find module '${modulePath}'`);
    err.name = 'Runtime.ImportModuleError';
    throw err;
  }
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    const err = new RuntimeError(`${(e as Error).name}: ${(e as Error).message}`);
    err.name = 'Runtime.ImportModuleError';
    throw err;
  }
  const fromDefault = (mod.default as Record<string, unknown> | undefined)?.[exportName];
  const fn = mod[exportName] ?? fromDefault;
  if (typeof fn !== 'function') {
    const err = new RuntimeError(`${modulePath}.${exportName} is undefined or not exported`);
    err.name = 'Runtime.HandlerNotFound';
    throw err;
  }
  loaded = fn as Handler;
  return loaded;
}

async function run(m: InvokeMessage): Promise<void> {
  requestId = m.requestId;
  const heapMb = (): number => Math.ceil(process.memoryUsage().rss / (1024 * 1024));
  try {
    const handler = await loadHandler();
    const context = {
      functionName: m.functionName, functionVersion: '$LATEST', invokedFunctionArn: m.functionArn,
      memoryLimitInMB: String(m.memoryMb), awsRequestId: m.requestId, logGroupName: m.logGroupName,
      logStreamName: m.logStreamName, callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, m.deadline - Date.now()),
    };
    const event: unknown = JSON.parse(m.event);
    const result = handler.length >= 3
      ? await new Promise((resolve, reject) => {
        const r = handler(event, context, (err, value) => (err ? reject(err) : resolve(value)));
        if (r !== undefined && typeof (r as Promise<unknown>).then === 'function') (r as Promise<unknown>).then(resolve, reject);
      })
      : await handler(event, context);
    post({ type: 'result', requestId: m.requestId, ok: true, payload: JSON.stringify(result ?? null), heapMb: heapMb() });
  } catch (e) {
    const payload = errorPayload(e);
    // The line the Node.js runtime writes for a failed invocation.
    console.error(`Invoke Error \t${JSON.stringify({ errorType: payload.errorType, errorMessage: payload.errorMessage, stack: payload.trace ?? [] })}`);
    post({ type: 'result', requestId: m.requestId, ok: false, error: payload, heapMb: heapMb() });
  }
}

process.on('unhandledRejection', (e) => {
  post({ type: 'result', requestId, ok: false, error: errorPayload(e, 'Runtime.UnhandledPromiseRejection'), heapMb: 0 });
});
process.on('message', (m: InvokeMessage) => void run(m));
