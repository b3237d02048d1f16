// <ebc-take-to-aws>: Download project builds the lab's project from the work as saved and downloads it as a zip.
import { LabWorkStore } from '../../labs/lab-work-store.ts';
import type { LabDefinition, LabFiles } from '../../labs/lab-types.ts';

class TakeToAws extends HTMLElement {
  connectedCallback(): void {
    const labId = this.dataset.labId!;
    const status = this.querySelector<HTMLElement>('[data-status]')!;
    const data = JSON.parse(this.closest('lab-workspace')?.querySelector('script.lab-data')?.textContent ?? '{}') as { title: string; starter: LabFiles; definition: LabDefinition };
    this.querySelector('[data-download]')!.addEventListener('click', async () => {
      // Let the workspace's debounced save land first, so the project has what is on screen.
      window.dispatchEvent(new Event('pagehide'));
      status.textContent = 'Building the project…';
      try {
        const files = new LabWorkStore(labId, localStorage).load(data.starter).files;
        const { projectZip } = await import('./project-zip.ts');
        const zip = await projectZip(labId, data.title, data.definition, files);
        const url = URL.createObjectURL(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
        const a = Object.assign(document.createElement('a'), { href: url, download: `course-${labId}.zip` });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
        status.textContent = `Downloaded course-${labId}.zip.`;
      } catch (e) {
        status.textContent = `The project could not be built: ${e instanceof Error ? e.message : String(e)}`;
      }
    });
  }
}

if (!customElements.get('ebc-take-to-aws')) customElements.define('ebc-take-to-aws', TakeToAws);
