// Lab functions as plain Node modules (no sandbox: `--no-sandbox`, a WebContainer, the tests): the
// learner's files in a temporary folder, imported natively (Node strips the TypeScript types), and their
// SDK clients pointed through the environment (AWS_ENDPOINT_URL_EVENTBRIDGE, and AWS_ENDPOINT_URL_CLOUDWATCH_LOGS
// for a lab script's Logs client: the SDK's names for the two services) at a loopback HTTP endpoint
// that answers from the session's bus (or a script's local AWS): served by the emulator's own HTTP server (endpoint-server.ts), a local
// EventBridge as `npm run emulator` is.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerHost, LabHandler } from './lab-scenario.ts';
import type { LabFiles } from './lab-types.ts';
import { InvocationSlot } from './invocation-slot.ts';
import { lambdaContext } from './lambda-context.ts';
import { sdkModulesDir } from './sdk-modules-dir.ts';
import { serveEndpoints } from '../emulator/endpoint-server.ts';
import { JSON_11 } from '../emulator/json-endpoint.ts';
import { jsonError, serviceError } from '../emulator/json-protocol.ts';
import type { EndpointFactory } from '../emulator/service-endpoint.ts';

const decoder = new TextDecoder();

function setEnv(env: Record<string, string>): void {
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, env);
}

export interface NodeHandlerHost {
  host: HandlerHost;
  /** The loopback endpoint the functions' SDK clients are pointed at. */
  url: string;
  dispose(): Promise<void>;
}

/**
 * `process.env` is replaced while functions load and run (as in their own Lambda environment), so run
 * this where nothing else needs the environment: a worker thread, or a test that restores it.
 */
export async function nodeHandlerHost(labId: string, files: LabFiles): Promise<NodeHandlerHost> {
  const slot = new InvocationSlot();
  // Every request goes to the running invocation's bus; with none running, it is refused as the slot says why.
  const events: EndpointFactory = () => ({
    name: 'events',
    claims: () => true,
    async handle(req) {
      try {
        return await slot.wire({ method: req.method, path: req.path, headers: { ...req.headers }, body: decoder.decode(req.body) });
      } catch (e) {
        return jsonError(JSON_11, serviceError('AccessDeniedException', (e as Error).message));
      }
    },
  });
  const server = await serveEndpoints([events]);
  const url = server.url;
  const dir = mkdtempSync(join(tmpdir(), `lab-${labId.replace(/[^a-z0-9-]/gi, '')}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The learner's `import ... from '@aws-sdk/client-eventbridge'` resolves from the folder's node_modules.
  symlinkSync(sdkModulesDir(), join(dir, 'node_modules'), 'dir');
  const withEndpoint = (env: Record<string, string>) => ({ ...env, AWS_ENDPOINT_URL_EVENTBRIDGE: url, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: url });
  // Node without type stripping (older Node, e.g. in a WebContainer) imports the compiled sibling that the
  // project was mounted with: handler.ts -> handler.js.
  const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript);
  const host: HandlerHost = {
    async loadHandler(file, _source, exportName, env) {
      const target = !stripsTypes && file.endsWith('.ts') ? file.replace(/\.ts$/, '.js') : file;
      setEnv(withEndpoint(env));
      const mod = (await import(pathToFileURL(join(dir, target)).href)) as Record<string, unknown>;
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function "${exportName}".`);
      const handler: LabHandler = (event, inv) =>
        slot.run(inv, async () => {
          setEnv(withEndpoint(inv.env));
          return (fn as (e: unknown, c: unknown) => unknown)(event, lambdaContext(inv.context));
        });
      return handler;
    },
  };
  return {
    host,
    url,
    async dispose() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
