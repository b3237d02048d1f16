// Plain-text rendering of a trace and of check results, for the CLI and the WebContainer terminal, and the
// words every view of a trace uses for its steps.
import type { TraceKind } from '../eventbridge/index.ts';
import type { CheckResult, LabTraceEntry } from './lab-types.ts';

/** What each kind of trace step is called where a learner reads it (never the internal name). */
export const TRACE_LABELS: Record<TraceKind, string> = {
  'event.put': 'Event put',
  'event.rejected': 'Event rejected',
  'event.dropped': 'Event not routed',
  'event.forwarded': 'Passed to another bus',
  'rules.matched': 'Rules matched',
  'schedule.fired': 'Schedule fired',
  'target.input': 'Target receives',
  'attempt.start': 'Attempt',
  'attempt.succeeded': 'Attempt succeeded',
  'attempt.failed': 'Attempt failed',
  'retry.scheduled': 'Retry scheduled',
  'delivery.failed': 'Delivery failed',
  'dlq.sent': 'Sent to dead-letter queue',
  'archive.stored': 'Archived',
  'replay.started': 'Replay started',
  'replay.completed': 'Replay completed',
  'loop.warning': 'Loop stopped',
};

/** The words for a trace step; an unknown kind (a newer engine) is shown as it is. */
export function traceLabel(kind: string): string {
  return (TRACE_LABELS as Record<string, string>)[kind] ?? kind;
}

const INDENT: Partial<Record<TraceKind, number>> = {
  'event.put': 0, 'event.rejected': 0, 'event.dropped': 1, 'rules.matched': 1, 'loop.warning': 1,
  'target.input': 2, 'event.forwarded': 2, 'attempt.start': 3, 'attempt.succeeded': 3, 'attempt.failed': 3,
  'retry.scheduled': 3, 'delivery.failed': 3, 'dlq.sent': 3,
};

export function formatTraceLine(e: LabTraceEntry): string {
  const pad = '  '.repeat(INDENT[e.kind as TraceKind] ?? 1);
  const where = [e.rule && `rule ${e.rule}`, e.targetId && `target ${e.targetId}`].filter(Boolean).join(', ');
  const cause = e.kind === 'event.put' && e.causedBy ? ` (caused by ${e.causedBy.slice(0, 8)})` : '';
  return `${pad}${traceLabel(e.kind)}${where ? ` [${where}]` : ''}: ${e.message}${cause}`;
}

export function formatCheckResult(r: CheckResult, color = false): string {
  const mark = r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'ERROR';
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const head = `${paint(r.status === 'passed' ? 32 : 31, mark.padEnd(5))} ${r.title}`;
  const body = [...(r.message ? r.message.split('\n') : []), ...(r.explanations ?? []).map((x) => `why: ${x}`)];
  return [head, ...(r.status === 'passed' ? [] : body.map((l) => `      ${l}`))].join('\n');
}
