// "Why didn't my event match?" for any sample event against any rule, with the learner's current pattern
// (the engine's explainer is loaded on first use).
import type { LabDefinition, LabFiles } from '../../labs/lab-types.ts';
import { el } from './dom.ts';

export async function explainSample(out: HTMLElement, definition: LabDefinition, files: LabFiles, eventName: string, ruleName: string): Promise<void> {
  const rule = definition.bus.rules.find((r) => r.name === ruleName);
  const event = definition.events[eventName];
  if (!rule || !event) return;
  const pattern = 'file' in rule.pattern ? (files[rule.pattern.file] ?? '') : JSON.stringify(rule.pattern.inline);
  const { explainMatch } = await import('../../eventbridge/explain.ts');
  const envelope = { version: '0', id: 'example', account: '123456789012', time: '2026-01-01T00:00:00Z', region: 'us-east-1', resources: [], ...event };
  try {
    const ex = explainMatch(pattern, envelope);
    out.replaceChildren(
      el('p', {}, el('strong', {}, ex.matched ? 'Matches. ' : 'Does not match. '), ex.summary),
      el('ul', {}, ...ex.fields.map((f) => el('li', {}, `${f.matched ? '✓' : '✗'} ${f.path}: ${f.reason ?? (f.matched ? 'matched' : 'did not match')} (event has ${JSON.stringify(f.values)})`))),
    );
  } catch (e) {
    out.replaceChildren(el('p', { className: 'lab-error' }, `The pattern of ${ruleName} is not valid: ${e instanceof Error ? e.message : String(e)}`));
  }
}
