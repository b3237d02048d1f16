// <ebc-lab-submission>: Download submission for one lab, with the files as saved and the last results seen.
import { currentAssignment } from '../assignments/assignment-client.ts';
import type { LabFiles } from '../labs/lab-types.ts';
import { downloadJson } from './download-json.ts';
import { learnerName, rememberLearnerName } from './learner-name.ts';
import { makeSubmission, submissionFileName } from './make-submission.ts';
import { labEntryFromStorage } from './seen-results.ts';
import { observeSeenResults } from './seen-results-observer.ts';

class LabSubmission extends HTMLElement {
  connectedCallback() {
    const labId = this.dataset.labId!;
    const workspace = this.closest('lab-workspace');
    const data = JSON.parse(workspace?.querySelector('script.lab-data')?.textContent ?? '{}') as { starter?: LabFiles; definition?: { checks?: unknown[] } };
    if (workspace) observeSeenResults(labId, workspace, data.definition?.checks?.length ?? 0);
    const input = this.querySelector<HTMLInputElement>('[data-learner]')!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    input.value = learnerName();
    this.querySelector('[data-download]')!.addEventListener('click', async () => {
      const name = input.value.trim();
      if (!name) {
        status.textContent = 'Type your name first: your instructor sees it as you type it.';
        input.focus();
        return;
      }
      rememberLearnerName(name);
      // Let the workspace's debounced save land first, so the file has what is on screen.
      window.dispatchEvent(new Event('pagehide'));
      const a = currentAssignment();
      const assignment = a?.ok && a.value.labs.includes(labId) ? a.value : null;
      try {
        const entry = labEntryFromStorage(localStorage, labId, data.starter ?? {});
        const submission = await makeSubmission({ learner: name, assignment, commit: this.dataset.commit ?? 'unknown', labs: [entry] });
        downloadJson(submissionFileName(name, labId), submission);
        status.textContent = entry.results ? 'Downloaded. Send the file to your instructor.' : 'Downloaded, without results: press Check first if you want them in the file.';
      } catch (e) {
        status.textContent = `The submission could not be made: ${e instanceof Error ? e.message : String(e)}`;
      }
    });
  }
}

customElements.define('ebc-lab-submission', LabSubmission);
