// <ebc-assign-builder>: reads the form, validates it with the assignment schema, and shows the link.
import { downloadJson } from '../submissions/download-json.ts';
import { wallClockToInstant } from './time-zone.ts';

class AssignBuilder extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector<HTMLFormElement>('[data-form]')!;
    const error = this.querySelector<HTMLElement>('[data-error]')!;
    const zone = form.elements.namedItem('timeZone') as HTMLInputElement;
    zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const zones = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
    this.querySelector('[data-zones]')!.replaceChildren(...zones.map((z) => Object.assign(document.createElement('option'), { value: z })));
    let json: unknown;
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      // The schema loads on first use: the form itself needs none of it.
      const { assignmentLink, parseAssignment } = await import('./assignment.ts');
      const data = new FormData(form);
      error.textContent = '';
      let dueAt: string;
      try {
        dueAt = wallClockToInstant(String(data.get('due') ?? ''), String(data.get('timeZone') ?? ''));
      } catch (err) {
        error.textContent = `Due: ${err instanceof Error ? err.message : String(err)}`;
        return;
      }
      const notes = String(data.get('notes') ?? '').trim();
      const r = parseAssignment({ version: 1, title: String(data.get('title') ?? ''), labs: data.getAll('labs').map(String), dueAt, timeZone: String(data.get('timeZone')), ...(notes ? { notes } : {}) });
      if (!r.ok) {
        error.textContent = r.error;
        return;
      }
      json = r.value;
      const link = assignmentLink(new URL(import.meta.env.BASE_URL, location.origin).href, r.value);
      this.querySelector<HTMLInputElement>('[data-link]')!.value = link;
      this.querySelector<HTMLAnchorElement>('[data-open]')!.href = link;
      this.querySelector<HTMLElement>('[data-result]')!.hidden = false;
    });
    this.querySelector('[data-copy]')!.addEventListener('click', () => {
      const input = this.querySelector<HTMLInputElement>('[data-link]')!;
      void navigator.clipboard?.writeText(input.value).catch(() => input.select());
    });
    this.querySelector('[data-json]')!.addEventListener('click', () => json && downloadJson('assignment.json', json));
  }
}

customElements.define('ebc-assign-builder', AssignBuilder);
