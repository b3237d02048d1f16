// Plain-text rendering of a trace and of check results, for the CLI and the WebContainer terminal.
import type { CheckResult, LabTraceEntry } from './lab-types.ts';

const INDENT: Record<string, number> = {
  'event.put': 0, 'event.rejected': 0, 'event.dropped': 1, 'rules.matched': 1, 'loop.warning': 1,
  'target.input': 2, 'event.forwarded': 2, 'attempt.start': 3, 'attempt.succeeded': 3, 'attempt.failed': 3,
  'retry.scheduled': 3, 'delivery.failed': 3, 'dlq.sent': 3,
};

export function formatTraceLine(e: LabTraceEntry): string {
  const pad = '  '.repeat(INDENT[e.kind] ?? 1);
  const where = [e.rule && `rule ${e.rule}`, e.targetId && `target ${e.targetId}`].filter(Boolean).join(', ');
  const cause = e.kind === 'event.put' && e.causedBy ? ` (caused by ${e.causedBy.slice(0, 8)})` : '';
  const warn = e.kind === 'loop.warning' ? 'WARNING ' : '';
  return `${pad}${warn}${e.kind}${where ? ` [${where}]` : ''}: ${e.message}${cause}`;
}

export function formatCheckResult(r: CheckResult, color = false): string {
  const mark = r.status === 'passed' ? 'PASS' : r.status === 'failed' ? 'FAIL' : 'ERROR';
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const head = `${paint(r.status === 'passed' ? 32 : 31, mark.padEnd(5))} ${r.title}`;
  const body = [...(r.message ? r.message.split('\n') : []), ...(r.explanations ?? []).map((x) => `why: ${x}`)];
  return [head, ...(r.status === 'passed' ? [] : body.map((l) => `      ${l}`))].join('\n');
}
