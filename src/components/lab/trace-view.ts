// Renders the bus trace as one card per event: event -> rules matched -> each target's input and attempts,
// with loop warnings and failures called out. Events a handler put are nested under their cause.
import type { LabTraceEntry } from '../../labs/lab-types.ts';
import { traceLabel } from '../../labs/format-trace.ts';

function item(kind: string, text: string, className = ''): HTMLLIElement {
  const li = document.createElement('li');
  if (className) li.className = className;
  const k = document.createElement('span');
  k.className = 'lab-trace-kind';
  k.textContent = traceLabel(kind);
  li.append(k, text);
  return li;
}

export function renderTrace(list: HTMLOListElement, trace: LabTraceEntry[]): void {
  const cards = new Map<string, { li: HTMLLIElement; steps: HTMLOListElement; targets: Map<string, HTMLOListElement> }>();
  const roots: HTMLLIElement[] = [];
  for (const e of trace) {
    if (e.kind === 'event.put' && e.eventId) {
      const li = document.createElement('li');
      li.className = 'lab-trace-event';
      const data = e.data as { 'detail-type'?: string; source?: string; detail?: unknown } | undefined;
      const head = document.createElement('strong');
      head.textContent = `${data?.['detail-type'] ?? 'event'} from ${data?.source ?? '?'}`;
      const detail = document.createElement('code');
      detail.textContent = ` ${JSON.stringify(data?.detail ?? {})}`;
      const steps = document.createElement('ol');
      li.append(head, detail, steps);
      cards.set(e.eventId, { li, steps, targets: new Map() });
      const parent = e.causedBy ? cards.get(e.causedBy) : undefined;
      if (parent) {
        const caused = item('caused', 'this event was put by a handler:');
        caused.append(li);
        parent.steps.append(caused);
      } else roots.push(li);
      continue;
    }
    const card = e.eventId ? cards.get(e.eventId) : undefined;
    if (!card) {
      if (e.kind === 'event.rejected' || e.kind === 'loop.warning') roots.push(item(e.kind, e.message, e.kind === 'loop.warning' ? 'lab-trace-warning' : 'lab-trace-failed'));
      continue;
    }
    const key = `${e.rule ?? ''}/${e.targetId ?? ''}`;
    if (e.kind === 'rules.matched' || e.kind === 'event.dropped' || e.kind === 'loop.warning' || e.kind === 'archive.stored') {
      card.steps.append(item(e.kind, e.kind === 'loop.warning' ? `Loop warning: ${e.message}` : e.message, e.kind === 'loop.warning' ? 'lab-trace-warning' : ''));
    } else if (e.kind === 'target.input') {
      const li = item('target', `rule ${e.rule} → ${e.targetId}`);
      const payload = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = 'input it received';
      const code = document.createElement('code');
      code.textContent = (e.data as { payload?: string } | undefined)?.payload ?? e.message;
      payload.append(summary, code);
      const sub = document.createElement('ol');
      li.append(payload, sub);
      card.steps.append(li);
      card.targets.set(key, sub);
    } else {
      const into = card.targets.get(key) ?? card.steps;
      const failed = e.kind === 'attempt.failed' || e.kind === 'delivery.failed';
      into.append(item(e.kind, e.message, failed ? 'lab-trace-failed' : ''));
    }
  }
  list.replaceChildren(...roots);
}
