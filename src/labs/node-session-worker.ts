// A Node worker thread that runs one lab session (the CLI's runner). Handlers are the learner's files,
// written to a temporary folder and imported natively (Node strips the TypeScript types).
import { parentPort, workerData } from 'node:worker_threads';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveSession } from './serve-session.ts';
import type { SessionRequest } from './session-protocol.ts';
import type { HandlerHost, LabHandler } from './lab-scenario.ts';
import type { CustomChecks } from './run-checks.ts';

const port = parentPort;
if (!port) throw new Error('node-session-worker.ts must run as a worker thread');

port.on('message', async (req: SessionRequest) => {
  const dir = mkdtempSync(join(tmpdir(), `lab-${req.labId}-`));
  for (const [path, text] of Object.entries(req.files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Node without type stripping (older Node, e.g. in a WebContainer) imports the compiled sibling that the
  // project was mounted with: handler.ts -> handler.js.
  const stripsTypes = Boolean((process.features as { typescript?: unknown }).typescript);
  const host: HandlerHost = {
    async loadHandler(file, _source, exportName) {
      const target = !stripsTypes && file.endsWith('.ts') ? file.replace(/\.ts$/, '.js') : file;
      const mod = (await import(pathToFileURL(join(dir, target)).href)) as Record<string, unknown>;
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function "${exportName}".`);
      return fn as LabHandler;
    },
  };
  const customPath = (workerData as { customChecksPath?: string } | undefined)?.customChecksPath;
  const custom = customPath ? ((await import(pathToFileURL(customPath).href)) as { checks?: CustomChecks }).checks ?? {} : {};
  await serveSession(req, (m) => port.postMessage(m), host, custom);
});
