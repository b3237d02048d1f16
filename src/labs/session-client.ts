// The caller side of a lab session. It watches every handler call: a handler that runs past its timeout
// blocks its thread (an endless loop cannot be interrupted from inside), so the whole thread is
// terminated and the caller gets a report that says which handler was stopped. The next session needs a
// fresh thread.
import type { SessionMessage, SessionRequest } from './session-protocol.ts';
import type { CheckResult, LabCheckReport, LabRunReport, LabTraceEntry, OutputLine } from './lab-types.ts';

/** A Web Worker or a Node worker thread, seen the same way. */
export interface SessionThread {
  post(req: SessionRequest): void;
  onMessage(listener: (m: SessionMessage) => void): void;
  terminate(): void;
}

export interface SessionEvents {
  onTrace?(entry: LabTraceEntry): void;
  onOutput?(line: OutputLine): void;
  onResult?(result: CheckResult, index: number): void;
}

export interface SessionOutcome {
  report: LabRunReport | LabCheckReport;
  /** Set when the thread was terminated (timeout, cancel): it must not be reused. */
  terminated?: string;
}

/** Slack on top of a handler's own timeout for messages to cross threads. */
const GRACE_MS = 400;
/** Everything outside handlers (loading, compiling) gets this long before the session is abandoned. */
const SESSION_LIMIT_MS = 60_000;

export function runSession(thread: SessionThread, req: SessionRequest, events: SessionEvents = {}, signal?: AbortSignal): Promise<SessionOutcome> {
  const trace: LabTraceEntry[] = [];
  const output: OutputLine[] = [];
  const results: CheckResult[] = [];
  return new Promise((resolve) => {
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let finished = false;
    const finish = (outcome: SessionOutcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(watchdog);
      clearTimeout(overall);
      signal?.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    const stop = (why: string) => {
      thread.terminate();
      const line: OutputLine = { stream: 'error', text: why };
      output.push(line);
      events.onOutput?.(line);
      if (req.kind === 'run') return finish({ report: { trace, output }, terminated: why });
      const all: CheckResult[] = req.definition.checks.map((c, i) =>
        results[i] ?? (i === results.length ? { id: c.id, title: c.title, status: 'failed', message: `${c.failure}\n${why}` } : { id: c.id, title: c.title, status: 'error', message: 'Not run: the lab was stopped before this check.' }),
      );
      finish({ report: { results: all, passed: false, output }, terminated: why });
    };
    const onAbort = () => stop('Cancelled.');
    if (signal?.aborted) return stop('Cancelled.');
    signal?.addEventListener('abort', onAbort);
    const overall = setTimeout(() => stop(`Stopped: the lab did not finish within ${SESSION_LIMIT_MS / 1000} s.`), SESSION_LIMIT_MS);
    thread.onMessage((m) => {
      if (finished) return;
      switch (m.type) {
        case 'enter':
          clearTimeout(watchdog);
          watchdog = setTimeout(
            () =>
              stop(
                m.phase === 'load'
                  ? `Stopped: ${m.file} did not finish loading within ${m.timeoutMs / 1000} s, so it was terminated. Look for a loop or a long computation at the top level of the module.`
                  : `Stopped: ${m.fn} (${m.file}) ran longer than its ${m.timeoutMs / 1000} s timeout, so it was terminated, as Lambda would. Look for a loop that never ends or a promise that never settles.`,
              ),
            m.timeoutMs + GRACE_MS,
          );
          break;
        case 'exit':
          clearTimeout(watchdog);
          break;
        case 'trace':
          trace.push(m.entry);
          events.onTrace?.(m.entry);
          break;
        case 'output':
          for (const line of m.lines) {
            output.push(line);
            events.onOutput?.(line);
          }
          break;
        case 'result':
          results[m.index] = m.result;
          events.onResult?.(m.result, m.index);
          break;
        case 'done':
          finish({ report: m.report });
          break;
        case 'fatal':
          output.push({ stream: 'error', text: m.message });
          finish({ report: req.kind === 'run' ? { trace, output } : { results: [...results], passed: false, output }, terminated: m.message });
          break;
      }
    });
    thread.post(req);
  });
}
