/// <reference lib="webworker" />
// The page's lab thread: the engine and the learner's handlers run here, never on the page. The page
// terminates this worker when a handler outruns its timeout and starts a fresh one.
import { serveSession } from '../serve-session.ts';
import { LOAD_LIMIT_MS, type CompiledFile, type SessionMessage, type SessionRequest } from '../session-protocol.ts';
import type { HandlerHost, LabHandler } from '../lab-scenario.ts';
import type { CustomChecks } from '../run-checks.ts';
import { transpile, transpileWithMap } from './transpile.ts';
import { TranspileError } from '../transpile-module.ts';
import { reexportLines } from '../reexport-source.ts';
import { learnerStack, parseLineMap, type LineMap } from './source-lines.ts';
import { sandboxGlobals } from './sandbox-globals.ts';
import { InvocationSlot } from '../invocation-slot.ts';
import { lambdaContext } from '../lambda-context.ts';
import { importedModules, labModuleFile, SDK_SPECIFIER, SDK_SPECIFIERS, useModule } from './module-specifiers.ts';
import { LOGS_SDK } from '../lab-sdk-clients.ts';

export type WorkerRequest = SessionRequest | { kind: 'transpile'; files: Record<string, string> };
export type WorkerMessage = SessionMessage | { type: 'transpiled'; files: Record<string, string>; errors: string[] };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = scope.postMessage.bind(scope);
const createUrl = URL.createObjectURL.bind(URL);
const revokeUrl = URL.revokeObjectURL.bind(URL);
const customChecks = import.meta.glob<{ checks?: CustomChecks }>('../../../labs/*/checks.ts');

scope.addEventListener('message', (e: MessageEvent<WorkerRequest>) => void handle(e.data));
sandboxGlobals(scope);

// One invocation at a time (the scenario serializes them): the SDK's requests go to the running one's bus.
const slot = new InvocationSlot();
/** process.env as Lambda sets it for the running function; a worker has no `process` of its own. */
const env: Record<string, string> = {};
Object.defineProperty(scope, 'process', { value: Object.freeze({ env }), writable: false, configurable: false });
function setEnv(next: Record<string, string>): void {
  for (const k of Object.keys(env)) delete env[k];
  Object.assign(env, next);
}

/** Each SDK package's chunk (loaded only when a lab's code imports that package). */
const SDK_CHUNKS: Record<string, () => Promise<{ labSdkModule: (env: () => Record<string, string | undefined>, wire: typeof slot.wire) => Record<string, unknown> }>> = {
  [SDK_SPECIFIER]: () => import('./lab-sdk.ts'),
  [LOGS_SDK.package]: () => import('./lab-logs-sdk.ts'),
};

/** The SDK module a handler imports, as a blob module re-exporting the chunk's exports (made once per package, on first use). */
const sdkUrls = new Map<string, Promise<string>>();
function sdkModuleUrl(specifier: string): Promise<string> {
  let url = sdkUrls.get(specifier);
  if (!url) {
    url = SDK_CHUNKS[specifier]!().then(({ labSdkModule }) => {
      const exports = labSdkModule(() => env, slot.wire);
      const key = `course.lab-sdk:${specifier}`;
      Object.defineProperty(scope, Symbol.for(key), { value: Object.freeze(exports), writable: false, configurable: false });
      const text = [`const m = globalThis[Symbol.for(${JSON.stringify(key)})];`, ...reexportLines(Object.keys(exports), 'm')].join('\n');
      return createUrl(new Blob([text], { type: 'text/javascript' }));
    });
    sdkUrls.set(specifier, url);
  }
  return url;
}

/** What the page compiled for this session (the editor's TypeScript worker), by file. */
let precompiled: Record<string, CompiledFile> = {};

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

/** The files of the session being served: a handler may import the lab's other modules from them. */
let sessionFiles: Record<string, string> = {};
/** Each lab module once per worker (as Node caches a module per file), so importers share its state. */
const labModules = new Map<string, Promise<string>>();

/** Compiles a learner or lab module and points its imports at the SDK and at the lab's other modules. */
async function compileModule(file: string, source: string, importers: string[]): Promise<string> {
  const given = precompiled[file];
  if (given && 'error' in given) throw new TranspileError(given.error);
  const compiled = given ?? (await transpileWithMap(file, source));
  let js = compiled.js;
  if (compiled.map) maps.set(file, parseLineMap(compiled.map));
  const imports = importedModules(js).filter((m) => !SDK_SPECIFIERS.includes(m));
  const unknown = imports.filter((m) => labModuleFile(m, sessionFiles) === undefined);
  if (unknown.length) {
    throw new Error(`${file}: in the browser a handler can import only ${SDK_SPECIFIERS.join(', ')}, types (import type { ... } from './events.ts') and the lab's own modules, not ${unknown.map((m) => `'${m}'`).join(', ')}. Move shared code into the handler file.`);
  }
  for (const specifier of imports) {
    const dep = labModuleFile(specifier, sessionFiles)!;
    if (dep === file || importers.includes(dep)) throw new Error(`${file}: the imports of ${dep} go round in a circle.`);
    js = useModule(js, specifier, await labModuleUrl(dep, [...importers, file]));
  }
  for (const specifier of SDK_SPECIFIERS) if (js.includes(specifier)) js = useModule(js, specifier, await sdkModuleUrl(specifier));
  return js;
}

function labModuleUrl(file: string, importers: string[]): Promise<string> {
  let url = labModules.get(file);
  if (!url) {
    url = compileModule(file, sessionFiles[file]!, importers).then((js) => createUrl(new Blob([`${js}\n//# sourceURL=${file}`], { type: 'text/javascript' })));
    labModules.set(file, url);
  }
  return url;
}

const host: HandlerHost = {
  async loadHandler(file, source, exportName, fnEnv): Promise<LabHandler> {
    const js = await compileModule(file, source, []);
    setEnv(fnEnv);
    const url = createUrl(new Blob([`${js}\n//# sourceURL=${file}`], { type: 'text/javascript' }));
    // The page's watchdog also covers the module's top-level code (a loop there would block for good).
    post({ type: 'enter', fn: exportName, file, timeoutMs: LOAD_LIMIT_MS, phase: 'load' } satisfies WorkerMessage);
    try {
      const mod = (await import(/* @vite-ignore */ url).catch((e: unknown) => Promise.reject(restack(e)))) as Record<string, unknown>;
      post({ type: 'exit', fn: exportName } satisfies WorkerMessage);
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function "${exportName}".`);
      const learner = fn as (event: unknown, context: unknown) => unknown;
      const handler: LabHandler = (event, inv) =>
        slot.run(inv, async () => {
          setEnv(inv.env);
          try {
            return await learner(event, lambdaContext(inv.context));
          } catch (e) {
            throw restack(e);
          }
        });
      return handler;
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
  precompiled = req.compiled ?? {};
  sessionFiles = req.files;
  const load = customChecks[`../../../labs/${req.labId}/checks.ts`];
  const custom = load ? ((await load()).checks ?? {}) : {};
  await serveSession(req, (m) => post(m), host, custom);
}
