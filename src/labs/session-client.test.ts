import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runSession, type SessionThread } from './session-client.ts';
import type { SessionMessage, SessionRequest } from './session-protocol.ts';
import type { LabCheckReport } from './lab-types.ts';
import { parseLabDefinition } from './lab-definition.ts';

const definition = parseLabDefinition({
  bus: { rules: [{ name: 'r', pattern: { inline: { source: ['s'] } }, targets: [{ id: 't', function: 'f' }] }] },
  events: { e: { source: 's', 'detail-type': 'D', detail: {} } },
  checks: [
    { id: 'first', type: 'pattern-valid', file: 'p.json', title: 'first', failure: 'F1' },
    { id: 'second', type: 'routes', events: ['e'], target: 't', expect: 'reach', title: 'second', failure: 'F2' },
    { id: 'third', type: 'routes', events: ['e'], target: 't', expect: 'reach', title: 'third', failure: 'F3' },
  ],
});

function fakeThread() {
  let listener: (m: SessionMessage) => void = () => {};
  const thread: SessionThread & { terminated: boolean; send(m: SessionMessage): void; requests: SessionRequest[] } = {
    terminated: false,
    requests: [],
    post(req) {
      this.requests.push(req);
    },
    onMessage(l) {
      listener = l;
    },
    terminate() {
      this.terminated = true;
    },
    send: (m) => listener(m),
  };
  return thread;
}

describe('runSession', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('terminates a thread whose handler outruns its timeout and names the handler', async () => {
    const thread = fakeThread();
    const done = runSession(thread, { kind: 'check', labId: 'x', definition, files: {} });
    thread.send({ type: 'result', index: 0, result: { id: 'first', title: 'first', status: 'passed' } });
    thread.send({ type: 'enter', fn: 'confirm-order', file: 'handler.ts', timeoutMs: 3000 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(thread.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(thread.terminated).toBe(true);
    const outcome = await done;
    const report = outcome.report as LabCheckReport;
    expect(outcome.terminated).toMatch(/confirm-order \(handler\.ts\) ran longer than its 3 s timeout/);
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'failed', 'error']);
    expect(report.results[1]!.message).toContain('F2');
    expect(report.passed).toBe(false);
  });

  it('leaves a handler alone that finishes in time', async () => {
    const thread = fakeThread();
    const done = runSession(thread, { kind: 'run', labId: 'x', definition, files: {} });
    thread.send({ type: 'enter', fn: 'f', file: 'h.ts', timeoutMs: 1000 });
    await vi.advanceTimersByTimeAsync(900);
    thread.send({ type: 'exit', fn: 'f' });
    await vi.advanceTimersByTimeAsync(5000);
    thread.send({ type: 'done', report: { trace: [], output: [] } });
    const outcome = await done;
    expect(thread.terminated).toBe(false);
    expect(outcome.terminated).toBeUndefined();
  });

  it('stops on abort', async () => {
    const thread = fakeThread();
    const ctl = new AbortController();
    const done = runSession(thread, { kind: 'run', labId: 'x', definition, files: {} }, {}, ctl.signal);
    ctl.abort();
    const outcome = await done;
    expect(thread.terminated).toBe(true);
    expect(outcome.terminated).toBe('Cancelled.');
  });
});
