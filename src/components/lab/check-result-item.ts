// One check's result in the list: status, title, message, and the engine's explanations behind a
// disclosure that asks the learner's own question.
import type { CheckResult, LabDefinition } from '../../labs/lab-types.ts';
import { el } from './dom.ts';

export function checkResultItem(r: CheckResult, spec: LabDefinition['checks'][number] | undefined): HTMLLIElement {
  const label = r.status === 'passed' ? 'Passed' : r.status === 'failed' ? 'Failed' : 'Error';
  const li = el('li', { className: `lab-result lab-result--${r.status}` }, el('span', { className: 'lab-result-status' }, `${label}:`), r.title);
  li.dataset.status = r.status;
  if (r.message && r.status !== 'passed') li.append(el('p', { className: 'lab-result-message' }, r.message));
  if (r.explanations?.length && r.status !== 'passed') {
    // An event that got through by mistake did match: ask the question the learner has.
    const question = spec?.type === 'routes' && spec.expect !== 'reach' ? 'Why did my event match?' : "Why didn't my event match?";
    li.append(el('details', {}, el('summary', {}, question), el('ul', {}, ...r.explanations.map((x) => el('li', {}, x)))));
  }
  return li;
}
