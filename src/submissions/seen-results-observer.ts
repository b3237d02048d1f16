// Watches the lab workspace's results list: once it holds a full set of results (one per check), they are
// what the learner saw. Kept in storage and announced (`ebc:lab-checked`) for the meetup reporter.
import type { CheckClaim } from './submission-format.ts';
import { saveSeenResults } from './seen-results.ts';

export const LAB_CHECKED_EVENT = 'ebc:lab-checked';
export interface LabCheckedDetail {
  labId: string;
  checks: CheckClaim[];
}

function readList(list: Element): CheckClaim[] {
  return [...list.querySelectorAll<HTMLElement>(':scope > .lab-result')].map((li) => ({
    // The title is the text after the "Passed:" label and before any message.
    title: [...li.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)?.textContent?.trim() ?? '',
    status: li.dataset.status === 'passed' ? 'passed' : li.dataset.status === 'failed' ? 'failed' : 'error',
  }));
}

export function observeSeenResults(labId: string, workspace: Element, checkCount: number): void {
  const list = workspace.querySelector('.lab-result-list');
  if (!list) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const checks = readList(list);
      if (checks.length !== checkCount) return;
      try {
        saveSeenResults(localStorage, labId, checks);
      } catch {
        // storage full or blocked: the submission then says "never checked"
      }
      window.dispatchEvent(new CustomEvent<LabCheckedDetail>(LAB_CHECKED_EVENT, { detail: { labId, checks } }));
    }, 50);
  }).observe(list, { childList: true });
}
