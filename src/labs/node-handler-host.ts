// Lab functions as plain Node modules (no sandbox: `--no-sandbox`, a WebContainer, the tests): the
// learner's files in a temporary folder, imported natively (Node strips the TypeScript types), and their
// SDK client pointed through the environment (AWS_ENDPOINT_URL_EVENTBRIDGE) at a loopback HTTP endpoint
// that answers from the session's bus: a local EventBridge, as `npm run emulator` is.
import { createServer, type IncomingMessage } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HandlerHost, LabHandler } from './lab-scenario.ts';
import type { LabFiles } from './lab-types.ts';
import { InvocationSlot } from './invocation-slot.ts';
import { lambdaContext } from './lambda-context.ts';
import { sdkModulesDir } from './sdk-modules-dir.ts';
import type { WireResponse } from './lab-wire.ts';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

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
  const server = createServer((req, res) => {
    void (async () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
      let answer: WireResponse;
      try {
        answer = await slot.wire({ method: req.method ?? 'POST', path: (req.url ?? '/').split('?')[0]!, headers, body: await readBody(req) });
      } catch (e) {
        answer = { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' }, body: JSON.stringify({ __type: 'AccessDeniedException', message: (e as Error).message }) };
      }
      res.writeHead(answer.status, answer.headers).end(answer.body);
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const dir = mkdtempSync(join(tmpdir(), `lab-${labId.replace(/[^a-z0-9-]/gi, '')}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // The learner's `import ... from '@aws-sdk/client-eventbridge'` resolves from the folder's node_modules.
  symlinkSync(sdkModulesDir(), join(dir, 'node_modules'), 'dir');
  const withEndpoint = (env: Record<string, string>) => ({ ...env, AWS_ENDPOINT_URL_EVENTBRIDGE: url });
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
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
