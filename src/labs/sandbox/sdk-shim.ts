// The @aws-sdk/client-eventbridge a graded function imports: a module written into the session's own
// node_modules that re-exports the real SDK (from the repository's node_modules, which the child may
// read) and gives EventBridgeClient the child runtime's request handler, so the learner's unchanged
// `new EventBridgeClient({})` signs and serializes real requests that reach the parent's bus over a pipe.
// Region and credentials come from the environment, as in Lambda.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WIRE_KEY } from './child-wire.ts';
import { SDK_PACKAGE, sdkEntry } from '../sdk-modules-dir.ts';
import { reexportLines } from '../reexport-source.ts';

const require = createRequire(import.meta.url);
let cached: { entry: string; names: string[] } | undefined;

function realSdk(): { entry: string; names: string[] } {
  if (cached) return cached;
  const entry = sdkEntry();
  cached = { entry, names: Object.keys(require(entry) as object) };
  return cached;
}

/** Writes the shim package under `root/node_modules`; `handlerModule` is the runtime's sdk-wire-handler.ts. */
export function writeSdkShim(root: string, handlerModule: string): void {
  const { entry, names } = realSdk();
  const dir = join(root, 'node_modules', ...SDK_PACKAGE.split('/'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: SDK_PACKAGE, type: 'module', main: 'index.js' })}\n`);
  const lines = [
    "import { createRequire } from 'node:module';",
    `import { wireRequestHandler } from ${JSON.stringify(pathToFileURL(handlerModule).href)};`,
    `const real = createRequire(import.meta.url)(${JSON.stringify(entry)});`,
    `const wire = globalThis[Symbol.for(${JSON.stringify(WIRE_KEY)})];`,
    ...reexportLines(names, 'real', ['EventBridgeClient']),
    'export class EventBridgeClient extends real.EventBridgeClient {',
    '  constructor(config = {}) {',
    '    super({ ...config, requestHandler: wireRequestHandler(wire) });',
    '  }',
    '}',
  ];
  writeFileSync(join(dir, 'index.js'), `${lines.join('\n')}\n`);
}
