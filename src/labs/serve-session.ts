// The thread side of a lab session: runs or checks the lab and reports through `post`.
import type { SessionMessage, SessionRequest } from './session-protocol.ts';
import type { OutputLine } from './lab-types.ts';
import type { HandlerHost } from './lab-scenario.ts';
import { runChecks, runLab, type CustomChecks } from './run-checks.ts';

/** Output lines wait at most this long, or until this many are waiting, before they cross to the page. */
const BATCH_MS = 16;
const BATCH_LINES = 50;

export async function serveSession(req: SessionRequest, rawPost: (m: SessionMessage) => void, host: HandlerHost, custom: CustomChecks = {}): Promise<void> {
  let waiting: OutputLine[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting.length) rawPost({ type: 'output', lines: waiting });
    waiting = [];
  };
  // Every other message goes after the output before it, so the page sees things in order.
  const post = (m: SessionMessage) => {
    flush();
    rawPost(m);
  };
  const output = (line: OutputLine) => {
    waiting.push(line);
    if (waiting.length >= BATCH_LINES) flush();
    else timer ??= setTimeout(flush, BATCH_MS);
  };
  const live: HandlerHost = {
    loadHandler: (f, s, e, env) => host.loadHandler(f, s, e, env),
    ...(host.concurrent ? { concurrent: true } : {}),
    enter: (fn, file, timeoutMs) => post({ type: 'enter', fn, file, timeoutMs }),
    exit: (fn) => post({ type: 'exit', fn }),
    ...(req.kind === 'run' ? { onTrace: (entry) => post({ type: 'trace', entry: cloneable(entry) }), onOutput: output } : {}),
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
