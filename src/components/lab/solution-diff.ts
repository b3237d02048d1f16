// "Show solution": every file the solution changes (the open one first), as a Monaco diff when the code
// editor is on, or as a plain line diff; the learner's files are never touched.
import type { LabFiles, LabFileSpec } from '../../labs/lab-types.ts';
import { lineDiff } from '../../labs/line-diff.ts';
import type { LabEditors } from './monaco-editors.ts';
import { el } from './dom.ts';

export interface SolutionDiffInput {
  fileSpecs: LabFileSpec[];
  solution: LabFiles;
  files: LabFiles;
  current: string;
  editors: LabEditors | undefined;
}

export function renderSolutionDiff(body: HTMLElement, input: SolutionDiffInput): { dispose(): void } {
  const { fileSpecs, solution, files, current, editors } = input;
  const paths = fileSpecs
    .filter((f) => !f.readonly && f.path in solution)
    .map((f) => f.path)
    .sort((a, b) => Number(b === current) - Number(a === current));
  body.replaceChildren();
  const views: { dispose(): void }[] = [];
  for (const path of paths) {
    const theirs = solution[path] ?? '';
    const mine = files[path] ?? '';
    body.append(el('h3', {}, mine === theirs ? `${path} (same as the solution)` : path));
    if (mine === theirs) continue;
    if (editors) {
      const host = el('div', { className: 'lab-diff-editor' });
      body.append(host);
      views.push(editors.showDiff(host, path, mine, theirs));
      continue;
    }
    const pre = el('pre', { className: 'lab-diff', tabIndex: 0 });
    pre.setAttribute('role', 'region');
    pre.setAttribute('aria-label', `Differences between your ${path} and the solution`);
    for (const d of lineDiff(mine, theirs)) {
      pre.append(el('span', { className: d.op === '+' ? 'lab-diff-add' : d.op === '-' ? 'lab-diff-del' : '' }, `${d.op === '-' ? '−' : d.op} ${d.text}\n`));
    }
    body.append(pre);
  }
  return { dispose: () => views.forEach((v) => v.dispose()) };
}
