// The thread side of a lab session: runs or checks the lab and reports through `post`.
import type { SessionMessage, SessionRequest } from './session-protocol.ts';
import type { HandlerHost } from './lab-scenario.ts';
import { runChecks, runLab, type CustomChecks } from './run-checks.ts';

export async function serveSession(req: SessionRequest, post: (m: SessionMessage) => void, host: HandlerHost, custom: CustomChecks = {}): Promise<void> {
  const live: HandlerHost = {
    loadHandler: (f, s, e) => host.loadHandler(f, s, e),
    enter: (fn, file, timeoutMs) => post({ type: 'enter', fn, file, timeoutMs }),
    exit: (fn) => post({ type: 'exit', fn }),
    ...(req.kind === 'run' ? { onTrace: (entry) => post({ type: 'trace', entry: cloneable(entry) }), onOutput: (line) => post({ type: 'output', line }) } : {}),
  };
  try {
    const report = req.kind === 'run' ? await runLab(req.definition, req.files, live) : await runChecks(req.definition, req.files, live, custom, (result, index) => post({ type: 'result', index, result }));
    post({ type: 'done', report: cloneable(report) });
  } catch (e) {
    post({ type: 'fatal', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) });
  }
}

// Trace data can hold Dates and other non-JSON values; a JSON round trip makes it safe for postMessage.
function cloneable<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
