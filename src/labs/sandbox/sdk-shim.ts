// The @aws-sdk/client-eventbridge (and, for a lab script, @aws-sdk/client-cloudwatch-logs) a graded module
// imports: a module written into the session's own node_modules that re-exports the real SDK (from the
// repository's node_modules, which the child may read) and gives the client class the child runtime's
// request handler, so the learner's unchanged `new EventBridgeClient({})` signs and serializes real requests
// that reach the parent's bus (or a script's local AWS) over a pipe.
// Region and credentials come from the environment, as in Lambda.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WIRE_KEY } from './child-wire.ts';
import { sdkEntry } from '../sdk-modules-dir.ts';
import { LAB_SDK_CLIENTS } from '../lab-sdk-clients.ts';
import { reexportLines } from '../reexport-source.ts';

const require = createRequire(import.meta.url);
const cached = new Map<string, { entry: string; names: string[] }>();

function realSdk(pkg: string): { entry: string; names: string[] } {
  let found = cached.get(pkg);
  if (!found) {
    const entry = sdkEntry(pkg);
    cached.set(pkg, (found = { entry, names: Object.keys(require(entry) as object) }));
  }
  return found;
}

/** Writes the shim packages under `root/node_modules`; `handlerModule` is the runtime's sdk-wire-handler.ts. */
export function writeSdkShim(root: string, handlerModule: string): void {
  for (const { package: pkg, client } of LAB_SDK_CLIENTS) {
    const { entry, names } = realSdk(pkg);
    const dir = join(root, 'node_modules', ...pkg.split('/'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: pkg, type: 'module', main: 'index.js' })}\n`);
    const lines = [
      "import { createRequire } from 'node:module';",
      `import { wireRequestHandler } from ${JSON.stringify(pathToFileURL(handlerModule).href)};`,
      `const real = createRequire(import.meta.url)(${JSON.stringify(entry)});`,
      `const wire = globalThis[Symbol.for(${JSON.stringify(WIRE_KEY)})];`,
      ...reexportLines(names, 'real', [client]),
      `export class ${client} extends real.${client} {`,
      '  constructor(config = {}) {',
      '    super({ ...config, requestHandler: wireRequestHandler(wire) });',
      '  }',
      '}',
    ];
    writeFileSync(join(dir, 'index.js'), `${lines.join('\n')}\n`);
  }
}
