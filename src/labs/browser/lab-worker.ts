/// <reference lib="webworker" />
// The page's lab thread: the engine and the learner's handlers run here, never on the page. The page
// terminates this worker when a handler outruns its timeout and starts a fresh one.
import { serveSession } from '../serve-session.ts';
import { LOAD_LIMIT_MS, type SessionMessage, type SessionRequest } from '../session-protocol.ts';
import type { HandlerHost, LabHandler } from '../lab-scenario.ts';
import type { CustomChecks } from '../run-checks.ts';
import { transpile, transpileWithMap } from './transpile.ts';
import { learnerStack, parseLineMap, type LineMap } from './source-lines.ts';
import { sandboxGlobals } from './sandbox-globals.ts';

export type WorkerRequest = SessionRequest | { kind: 'transpile'; files: Record<string, string> };
export type WorkerMessage = SessionMessage | { type: 'transpiled'; files: Record<string, string>; errors: string[] };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope);
const createUrl = URL.createObjectURL.bind(URL);
const revokeUrl = URL.revokeObjectURL.bind(URL);
const customChecks = import.meta.glob<{ checks?: CustomChecks }>('../../../labs/*/checks.ts');

scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => void handle(e.data));
sandboxGlobals(scope);

/** Source maps of the learner's compiled files, so their errors name their own lines. */
const maps = new Map<string, LineMap>();

/** The error as the learner should read it: their file and line, none of our frames. */
function restack(e: unknown): unknown {
  if (e instanceof Error && e.stack) {
    try {
      e.stack = learnerStack(e.stack, maps);
    } catch {
      // a frozen or odd error: leave it as it is
    }
  }
  return e;
}

const host: HandlerHost = {
  async loadHandler(file, source, exportName): Promise<LabHandler> {
    const { js, map } = await transpileWithMap(file, source);
    if (map) maps.set(file, parseLineMap(map));
    if (/^\s*import\s[^;]*?from\s*['"][^'"]+['"]/m.test(js) || /^\s*import\s*['"]/m.test(js)) {
      throw new Error(`${file}: in the browser a handler can only import types (import type { ... } from './events.ts'). Move shared code into the handler file.`);
    }
    const url = createUrl(new Blob([`${js}\n//# sourceURL=${file}`], { type: 'text/javascript' }));
    // The page's watchdog also covers the module's top-level code (a loop there would block for good).
    post({ type: 'enter', fn: exportName, file, timeoutMs: LOAD_LIMIT_MS, phase: 'load' } satisfies WorkerMessage);
    try {
      const mod = (await import(/* @vite-ignore */ url).catch((e: unknown) => Promise.reject(restack(e)))) as Record<string, unknown>;
      post({ type: 'exit', fn: exportName } satisfies WorkerMessage);
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function "${exportName}".`);
      const handler = fn as LabHandler;
      return async (event, context) => {
        try {
          return await handler(event, context);
        } catch (e) {
          throw restack(e);
        }
      };
    } finally {
      revokeUrl(url);
    }
  },
};

async function handle(req: WorkerRequest): Promise<void> {
  if (req.kind === 'transpile') {
    const files: Record<string, string> = {};
    const errors: string[] = [];
    for (const [path, text] of Object.entries(req.files)) {
      try {
        files[path] = await transpile(path, text);
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
      }
    }
    post({ type: 'transpiled', files, errors } satisfies WorkerMessage);
    return;
  }
  const load = customChecks[`../../../labs/${req.labId}/checks.ts`];
  const custom = load ? ((await load()).checks ?? {}) : {};
  await serveSession(req, (m) => post(m), host, custom);
}
