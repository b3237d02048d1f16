// <ebc-assignment>: shows the current assignment (title, due date in the instructor's zone and the
// learner's, notes, status per lab) and, on the home page, downloads a whole-assignment submission.
import { progressStore, PROGRESS_EVENT } from '../progress/progress-client.ts';
import { makeSubmission, submissionFileName } from '../submissions/make-submission.ts';
import { downloadJson } from '../submissions/download-json.ts';
import { labEntryFromStorage } from '../submissions/seen-results.ts';
import { learnerName, rememberLearnerName } from '../submissions/learner-name.ts';
import { currentAssignment, leaveAssignment } from './assignment-client.ts';
import { isLate, type Assignment } from './assignment.ts';
import { formatInZone } from './time-zone.ts';

class AssignmentBanner extends HTMLElement {
  private assignment: Assignment | undefined;

  connectedCallback() {
    const r = currentAssignment();
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    if (!r) return;
    if (!r.ok) {
      this.hidden = false;
      this.querySelector('[data-title]')!.textContent = 'This assignment link does not work';
      status.textContent = r.error;
      return;
    }
    const labId = this.dataset.labId;
    if (labId && !r.value.labs.includes(labId)) return;
    this.assignment = r.value;
    this.hidden = false;
    this.render();
    window.addEventListener(PROGRESS_EVENT, () => this.render());
    const name = this.querySelector<HTMLInputElement>('[data-learner]');
    if (name) name.value = learnerName();
    this.querySelector('[data-submit-all]')?.addEventListener('click', () => void this.submitAll());
    this.querySelector('[data-leave]')?.addEventListener('click', () => {
      leaveAssignment();
      this.hidden = true;
    });
  }

  private render() {
    const a = this.assignment!;
    const titles = JSON.parse(this.dataset.titles ?? '{}') as Record<string, string>;
    const labId = this.dataset.labId;
    const local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(a.dueAt));
    this.querySelector('[data-title]')!.textContent = labId ? `Part of the assignment “${a.title}”` : `Assignment: ${a.title}`;
    this.querySelector('[data-due]')!.textContent = `Due ${formatInZone(a.dueAt, a.timeZone)}, that is ${local} your time${isLate(a, new Date().toISOString()) ? ' (the due date has passed)' : ''}.`;
    const notes = this.querySelector<HTMLElement>('[data-notes]')!;
    notes.hidden = !a.notes;
    notes.textContent = a.notes ?? '';
    const store = progressStore();
    const items = (labId ? [labId] : a.labs).map((id) => {
      const li = document.createElement('li');
      const link = Object.assign(document.createElement('a'), { href: `${this.dataset.base}/labs/${id}/`, textContent: titles[id] ?? `${id} (not a lab of this course version)` });
      const passed = store.isLabPassed(id);
      li.dataset.lab = id;
      li.dataset.status = passed ? 'passed' : 'not-passed';
      li.append(link, `: ${passed ? 'passed' : 'not passed yet'}`);
      return li;
    });
    this.querySelector('[data-labs]')!.replaceChildren(...items);
  }

  private async submitAll() {
    const a = this.assignment!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const name = this.querySelector<HTMLInputElement>('[data-learner]')!.value.trim();
    if (!name) {
      status.textContent = 'Type your name first: your instructor sees it as you type it.';
      return;
    }
    rememberLearnerName(name);
    try {
      const submission = await makeSubmission({ learner: name, assignment: a, commit: this.dataset.commit ?? 'unknown', labs: a.labs.map((id) => labEntryFromStorage(localStorage, id)) });
      downloadJson(submissionFileName(name, a.title), submission);
      status.textContent = `Downloaded your submission for ${a.labs.length} lab(s). Send the file to your instructor.`;
    } catch (e) {
      status.textContent = `The submission could not be made: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

customElements.define('ebc-assignment', AssignmentBanner);
