// The lab page's element: it renders a LabSession (src/labs/lab-session.ts: files, autosave, runner
// choice, other tabs) as textareas upgraded to Monaco, results, trace, hints, solution diff and reset;
// the parts with a job of their own (result items, the solution diff, the explainer) are in their own files.
import type { SaveState } from '../../labs/lab-work-store.ts';
import { LabSession } from '../../labs/lab-session.ts';
import type { LabDefinition, LabFiles, LabFileSpec, LabTraceEntry, OutputLine } from '../../labs/lab-types.ts';
import { WorkerLabRunner } from '../../labs/browser/worker-runner.ts';
import { webContainerUnavailableReason } from '../../labs/webcontainer/webcontainer-support.ts';
import { checkResultItem } from './check-result-item.ts';
import { el, storage } from './dom.ts';
import { explainSample } from './match-explainer.ts';
import { renderSolutionDiff } from './solution-diff.ts';
import { renderTrace } from './trace-view.ts';
import { progressStore } from '../../progress/progress-client.ts';
import type { LabEditors } from './monaco-editors.ts';

interface LabData {
  labId: string;
  title: string;
  fileSpecs: LabFileSpec[];
  starter: LabFiles;
  solution: LabFiles;
  definition: LabDefinition;
  patternFiles: string[];
}

const EDITOR_PREF_KEY = 'ebc:lab-editor';

class LabWorkspace extends HTMLElement {
  private data!: LabData;
  private session!: LabSession;
  private worker = new WorkerLabRunner();
  private editors: LabEditors | undefined;
  private trace: LabTraceEntry[] = [];
  private hintsShown = 0;
  private solutionView: { dispose(): void } | undefined;
  private validatePattern: ((text: string) => { path: string; message: string }[]) | undefined;

  connectedCallback(): void {
    this.data = JSON.parse(this.querySelector('.lab-data')?.textContent ?? '{}') as LabData;
    const { labId, definition, starter, fileSpecs } = this.data;
    this.session = new LabSession(
      { labId, definition, starter, fileSpecs, runner: this.worker, storage: storage(), tabStorage: storage('sessionStorage') },
      {
        saved: (s) => this.showSave(s),
        busy: (on) => this.showBusy(on),
        filesReplaced: (paths, from) => {
          this.showFiles(paths);
          if (from === 'other-tab') this.status('.lab-save-status', `Updated ${paths.join(', ')} with the work saved in another tab.`);
        },
        conflict: (paths) => {
          this.conflictNote = `${paths.join(', ')} also changed in another tab. This tab keeps its version; saving here replaces the other tab's. Reload to take the other tab's work instead.`;
          this.status('.lab-save-status', this.conflictNote, true);
        },
      },
    );
    const loaded = this.session.load();
    for (const ta of this.textareas()) {
      const path = ta.dataset.file ?? '';
      ta.value = this.files[path] ?? '';
      ta.addEventListener('input', () => this.edited(path, ta.value));
    }
    if (loaded.problem) this.status('.lab-save-status', loaded.problem, true);
    else if (loaded.restored) this.status('.lab-save-status', 'Your saved work was restored.');
    window.addEventListener('pagehide', () => this.session.flush());
    window.addEventListener('storage', (e) => this.session.externalChange(e.key, e.newValue));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.session.flush();
    });
    this.wireTabs();
    this.wireButtons();
    void this.checkPatterns(this.current);
    const plain = new URLSearchParams(location.search).get('editor') === 'plain' || storage()?.getItem(EDITOR_PREF_KEY) === 'plain';
    if (plain) this.button('editor').textContent = 'Use the code editor';
    else this.scheduleEditor();
  }

  private get files(): LabFiles {
    return this.session.files;
  }

  private get current(): string {
    return this.session.current;
  }

  /** Files changed from outside this tab's typing (another tab, reset): show their text. */
  private showFiles(paths: string[]): void {
    for (const path of paths) {
      const text = this.files[path] ?? '';
      const ta = this.textareas().find((t) => t.dataset.file === path);
      if (ta && ta.value !== text) ta.value = text;
      this.editors?.setValue(path, text);
    }
  }

  private textareas(): HTMLTextAreaElement[] {
    return [...this.querySelectorAll<HTMLTextAreaElement>('textarea.lab-textarea')];
  }

  private button(action: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  private status(selector: string, text: string, error = false): void {
    const node = this.querySelector<HTMLElement>(selector);
    if (!node) return;
    node.textContent = text;
    node.classList.toggle('lab-error', error);
  }

  /** Stays next to "Saved at …" until the learner types again, so a save does not hide it. */
  private conflictNote: string | undefined;

  private showSave(state: SaveState): void {
    if (state.ok) this.status('.lab-save-status', `Saved at ${new Date(state.at).toLocaleTimeString()}.${this.conflictNote ? ` ${this.conflictNote}` : ''}`, this.conflictNote !== undefined);
    else this.status('.lab-save-status', state.error, true);
  }

  private edited(path: string, text: string): void {
    if (!this.session.edit(path, text)) return;
    this.conflictNote = undefined;
    const ta = this.textareas().find((t) => t.dataset.file === path);
    if (ta && ta.value !== text) ta.value = text;
    void this.checkPatterns(path);
  }

  /** Shows validatePattern's problems under the editor (the engine is loaded on first use). */
  private async checkPatterns(path: string): Promise<void> {
    const list = this.querySelector<HTMLElement>('.lab-problems')!;
    if (!this.data.patternFiles.includes(path) || path !== this.current) {
      list.replaceChildren();
      return;
    }
    if (!this.validatePattern) this.validatePattern = (await import('../../eventbridge/pattern-api.ts')).validatePattern;
    const text = this.files[path] ?? '';
    const problems = this.validatePattern(text);
    list.replaceChildren(...problems.map((p) => el('li', {}, `${path}${p.path ? ` › ${p.path}` : ''}: ${p.message}`)));
  }

  // ---------------------------------------------------------------- tabs

  private wireTabs(): void {
    const tabs = [...this.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    const select = (tab: HTMLButtonElement, focus: boolean) => {
      for (const t of tabs) {
        const on = t === tab;
        t.setAttribute('aria-selected', String(on));
        t.tabIndex = on ? 0 : -1;
      }
      this.session.select(tab.dataset.file ?? '');
      for (const p of this.querySelectorAll<HTMLElement>('[role="tabpanel"]')) p.hidden = this.editors !== undefined || p.dataset.file !== this.current;
      this.editors?.show(this.current);
      if (focus) tab.focus();
      void this.checkPatterns(this.current);
    };
    // The file that was open before a reload.
    const open = tabs.find((t) => t.dataset.file === this.current);
    if (open) select(open, false);
    tabs.forEach((tab, i) => {
      tab.addEventListener('click', () => select(tab, false));
      tab.addEventListener('keydown', (e) => {
        const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs.at(-1) : undefined;
        if (next) {
          e.preventDefault();
          select(next, true);
        }
      });
    });
  }

  // ---------------------------------------------------------------- buttons

  private wireButtons(): void {
    this.button('run').addEventListener('click', () => void this.run());
    this.button('check').addEventListener('click', () => void this.check());
    this.button('stop').addEventListener('click', () => this.session.stop());
    this.button('reset').addEventListener('click', () => this.reset());
    this.button('solution').addEventListener('click', () => void this.toggleSolution());
    this.querySelector('[data-action="why"]')?.addEventListener('click', () => void this.explain());
    this.button('editor').addEventListener('click', () => this.toggleEditor());
    this.button('webcontainer').addEventListener('click', () => void this.openWebContainer());
    this.querySelector('[data-action="hint"]')?.addEventListener('click', () => this.nextHint());
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        if (e.shiftKey) void this.check();
        else void this.run();
      }
    });
  }

  private showBusy(on: boolean): void {
    this.button('run').disabled = on;
    this.button('check').disabled = on;
    this.button('stop').hidden = !on;
  }

  private async run(): Promise<void> {
    if (this.session.busy) return;
    this.trace = [];
    const output = this.querySelector<HTMLElement>('.lab-output')!;
    output.textContent = '';
    this.renderTrace();
    this.querySelector<HTMLElement>('.lab-trace-empty')!.textContent = 'Running…';
    try {
      let pending = false;
      const report = await this.session.run({
        onTrace: (entry) => {
          this.trace.push(entry);
          if (!pending) {
            pending = true;
            requestAnimationFrame(() => {
              pending = false;
              this.renderTrace();
            });
          }
        },
        onOutput: (line) => this.appendOutput(line),
      });
      if (!report) return;
      this.trace = report.trace;
      this.renderTrace();
      if (!output.textContent) for (const l of report.output) this.appendOutput(l);
      this.querySelector<HTMLElement>('.lab-trace-empty')!.textContent = this.data.definition.script
        ? 'Your script ran once against a fresh local AWS: its calls and their answers are listed under Output.'
        : `${report.trace.filter((t) => t.kind === 'event.put').length} event(s) put on the bus.`;
    } catch (e) {
      this.appendOutput({ stream: 'error', text: e instanceof Error ? e.message : String(e) });
      this.dropWebContainer(e);
    }
  }

  private appendOutput(line: OutputLine): void {
    const output = this.querySelector<HTMLElement>('.lab-output')!;
    output.append(el('span', { className: line.stream === 'error' ? 'lab-trace-failed' : '' }, `${line.text}\n`));
  }

  private renderTrace(): void {
    renderTrace(this.querySelector<HTMLOListElement>('.lab-trace')!, this.trace);
  }

  private async check(): Promise<void> {
    if (this.session.busy) return;
    const list = this.querySelector<HTMLOListElement>('.lab-result-list')!;
    list.replaceChildren();
    this.status('.lab-results-summary', 'Checking…');
    const output = this.querySelector<HTMLElement>('.lab-output')!;
    output.textContent = '';
    try {
      const report = await this.session.check({ onOutput: (l) => this.appendOutput(l) });
      if (!report) return;
      list.replaceChildren(...report.results.map((r, i) => checkResultItem(r, this.data.definition.checks[i])));
      for (const l of report.output) this.appendOutput(l);
      const passed = report.results.filter((r) => r.status === 'passed').length;
      if (report.passed) {
        this.status('.lab-results-summary', `All ${passed} checks passed. Lab complete!`);
        try {
          progressStore().markLabPassed(this.data.labId);
        } catch (e) {
          this.status('.lab-save-status', `Your result could not be recorded: ${e instanceof Error ? e.message : String(e)}`, true);
        }
      } else this.status('.lab-results-summary', `${passed} of ${report.results.length} checks passed.`);
    } catch (e) {
      this.status('.lab-results-summary', `The checks could not run: ${e instanceof Error ? e.message : String(e)}`, true);
      this.dropWebContainer(e);
    }
  }

  // ---------------------------------------------------------------- why

  private async explain(): Promise<void> {
    const out = this.querySelector<HTMLElement>('.lab-why-result')!;
    const eventName = this.querySelector<HTMLSelectElement>('[data-why="event"]')!.value;
    const ruleName = this.querySelector<HTMLSelectElement>('[data-why="rule"]')!.value;
    await explainSample(out, this.data.definition, this.files, eventName, ruleName);
  }

  // ---------------------------------------------------------------- hints, solution, reset

  private nextHint(): void {
    const items = [...this.querySelectorAll<HTMLLIElement>('.lab-hint-list li')];
    const next = items[this.hintsShown];
    if (!next) return;
    next.hidden = false;
    next.tabIndex = -1;
    next.focus();
    this.hintsShown++;
    const btn = this.querySelector<HTMLButtonElement>('[data-action="hint"]')!;
    btn.textContent = this.hintsShown >= items.length ? `All ${items.length} hints shown` : `Show a hint (${this.hintsShown} of ${items.length} shown)`;
    btn.disabled = this.hintsShown >= items.length;
  }

  private async toggleSolution(): Promise<void> {
    const section = this.querySelector<HTMLElement>('#lab-solution')!;
    const btn = this.button('solution');
    const body = section.querySelector<HTMLElement>('.lab-solution-body')!;
    if (!section.hidden) {
      section.hidden = true;
      btn.setAttribute('aria-expanded', 'false');
      btn.textContent = 'Show solution';
      this.solutionView?.dispose();
      this.solutionView = undefined;
      return;
    }
    section.hidden = false;
    this.solutionView = renderSolutionDiff(body, { fileSpecs: this.data.fileSpecs, solution: this.data.solution, files: this.files, current: this.current, editors: this.editors });
    btn.setAttribute('aria-expanded', 'true');
    btn.textContent = 'Hide solution';
  }

  private reset(): void {
    if (!window.confirm('Reset every file of this lab to the starter? Your changes will be lost.')) return;
    this.session.reset();
    void this.checkPatterns(this.current);
    this.status('.lab-save-status', 'Files reset to the starter.');
  }

  // ---------------------------------------------------------------- editor

  private scheduleEditor(): void {
    const start = () => void this.loadEditor();
    if ('requestIdleCallback' in window) window.requestIdleCallback(start, { timeout: 1500 });
    else setTimeout(start, 300);
  }

  private async loadEditor(): Promise<void> {
    if (this.editors) return;
    const host = this.querySelector<HTMLElement>('.lab-monaco')!;
    try {
      const [{ createLabEditors }, { validatePattern }] = await Promise.all([import('./monaco-editors.ts'), import('../../eventbridge/pattern-api.ts')]);
      this.session.flush();
      // The learner may have started typing while the editor downloaded: their text is already in the
      // session (input events); carry the cursor, the focus and the box's height across too.
      const ta = this.textareas().find((t) => t.dataset.file === this.current);
      const focused = ta !== undefined && document.activeElement === ta;
      const selection = ta ? { start: ta.selectionStart, end: ta.selectionEnd } : undefined;
      if (ta?.offsetHeight) host.style.height = `${Math.max(ta.offsetHeight, 240)}px`;
      host.hidden = false;
      this.editors = createLabEditors({
        host,
        files: this.files,
        fileSpecs: this.data.fileSpecs,
        patternFiles: this.data.patternFiles,
        onChange: (path, text) => this.edited(path, text),
        validatePattern: (text) => validatePattern(text),
        onRun: () => void this.run(),
        onCheck: () => void this.check(),
      });
      this.worker.useCompiler((paths) => this.editors ? this.editors.compile(paths) : Promise.resolve({}));
      this.editors.show(this.current);
      for (const p of this.querySelectorAll<HTMLElement>('[role="tabpanel"]')) p.hidden = true;
      if (selection) this.editors.select(this.current, selection.start, selection.end);
      if (focused) this.editors.focus();
      this.dataset.editor = 'monaco';
      this.button('editor').textContent = 'Use plain text editor';
    } catch (e) {
      host.hidden = true;
      this.status('.lab-save-status', `The code editor could not load, so plain text boxes are used: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  }

  private toggleEditor(): void {
    const s = storage();
    if (this.editors) {
      this.worker.useCompiler(undefined);
      this.editors.dispose();
      this.editors = undefined;
      this.querySelector<HTMLElement>('.lab-monaco')!.hidden = true;
      for (const p of this.querySelectorAll<HTMLElement>('[role="tabpanel"]')) p.hidden = p.dataset.file !== this.current;
      delete this.dataset.editor;
      this.button('editor').textContent = 'Use the code editor';
      try {
        s?.setItem(EDITOR_PREF_KEY, 'plain');
      } catch {
        // a preference only
      }
    } else {
      try {
        s?.removeItem(EDITOR_PREF_KEY);
      } catch {
        // a preference only
      }
      void this.loadEditor();
    }
  }

  // ---------------------------------------------------------------- WebContainer

  /** A failing WebContainer never leaves the learner stuck: say so and go back to the in-page runner. */
  private dropWebContainer(e: unknown): void {
    if (!this.session.usingExtraRunner) return;
    this.session.useRunner(undefined);
    this.querySelector<HTMLElement>('.lab-terminal')!.hidden = true;
    this.button('webcontainer').disabled = false;
    this.querySelector<HTMLElement>('.lab-runner-name')!.textContent = 'this page (a Web Worker)';
    this.status('.lab-runner-status', `The Node.js terminal failed (${e instanceof Error ? e.message : String(e)}), so Run and Check are back on the in-page runner.`);
  }

  private async openWebContainer(): Promise<void> {
    const btn = this.button('webcontainer');
    const reason = webContainerUnavailableReason();
    if (reason) {
      this.status('.lab-runner-status', reason);
      return;
    }
    btn.disabled = true;
    this.status('.lab-runner-status', 'Starting Node.js in the browser…');
    const terminal = this.querySelector<HTMLElement>('.lab-terminal')!;
    terminal.hidden = false;
    try {
      const { WebContainerLabRunner } = await import('../../labs/webcontainer/webcontainer-runner.ts');
      const wc = new WebContainerLabRunner(terminal, (files) => this.worker.transpile(files));
      await wc.boot();
      await wc.mount({ id: this.data.labId, definition: this.data.definition, files: this.files });
      this.session.useRunner(wc);
      this.querySelector<HTMLElement>('.lab-runner-name')!.textContent = 'Node.js in a WebContainer';
      this.status('.lab-runner-status', 'Run and Check now use the Node.js terminal below.');
    } catch (e) {
      terminal.hidden = true;
      btn.disabled = false;
      this.status('.lab-runner-status', e instanceof Error ? e.message : String(e));
    }
  }
}

customElements.define('lab-workspace', LabWorkspace);
