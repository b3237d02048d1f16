// <storming-board>: upgrades the server-rendered board. Holds the board in an undo history, draws it,
// saves it on every change (showing failed saves) and wires the mouse and the keyboard to the pure
// operations in src/storming/. All drawing is in board-view.ts and inspector-view.ts.
import { emptyBoard, kindInfo, parseBoard, serialiseBoard, type Board, type StickyKind } from '../../storming/board-format.ts';
import { addContext, addSticky, contextOf, deleteItems, findSticky, groupInto, moveContext, moveStickies, updateContext, updateSticky } from '../../storming/board-model.ts';
import { isExportKind } from '../../storming/export-kinds.ts';
import { loadSavedBoard, saveBoard, BOARD_KEY } from '../../storming/board-store.ts';
import { checkStep } from '../../storming/step-checks.ts';
import { stepInfo } from '../../storming/steps.ts';
import { record, redo, startHistory, undo, type History } from '../../storming/history.ts';
import { MemoryStorage } from '../../progress/memory-storage.ts';
import type { KeyValueStorage } from '../../progress/progress-store.ts';
import { drawCanvas } from './board-view.ts';
import { drawInspector, type InspectorAction } from './inspector-view.ts';
import { download } from './download.ts';

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2];
/** Consecutive moves of the same notes within this time are one undo step. */
const COALESCE_MS = 1200;

function browserStorage(): { storage: KeyValueStorage; blocked?: string } {
  try {
    window.localStorage.getItem(BOARD_KEY);
    return { storage: window.localStorage };
  } catch (e) {
    return { storage: new MemoryStorage(), blocked: (e as Error).message };
  }
}

class StormingBoardElement extends HTMLElement {
  private history: History<Board> = startHistory(emptyBoard());
  private selected = new Set<string>();
  private zoom = 1;
  private storage: KeyValueStorage = new MemoryStorage();
  private lastChange = { key: '', at: 0 };
  /** Why the last save failed; kept on screen until a save succeeds. */
  private saveError: string | undefined;
  /** Where focus goes after the next drawing (a control the last action created). */
  private pendingFocus: string | undefined;

  private partEl<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`storming board: missing part ${name}`);
    return el;
  }

  get board(): Board {
    return this.history.present;
  }

  connectedCallback(): void {
    const { storage, blocked } = browserStorage();
    this.storage = storage;
    const saved = loadSavedBoard(storage);
    if (saved.board) this.history = startHistory(saved.board);
    this.wire();
    this.renderAll();
    if (blocked) this.status(`Not saved: this browser blocks storage (${blocked}). Download the board file to keep your work.`, true);
    else if (saved.problem) this.status(`The saved board could not be opened: ${saved.problem}. Starting a new board.`, true);
    else this.status(saved.board ? 'Board restored from this browser.' : 'New board. It saves in this browser as you work.');
    window.addEventListener('storage', (e) => {
      // The facilitator view changed the step, or another tab changed the board.
      if (e.key !== BOARD_KEY || e.newValue === null) return;
      const r = parseBoard(e.newValue);
      if (r.ok) {
        this.history = record(this.history, r.board);
        this.renderAll();
      }
    });
  }

  // ------------------------------------------------------------------ changes

  /** Applies a change: one undo step (or merged into the last one with the same key), saved, drawn. */
  private commit(next: Board, key = ''): void {
    if (next === this.board) return;
    const now = Date.now();
    if (key && key === this.lastChange.key && now - this.lastChange.at < COALESCE_MS) this.history = { ...this.history, present: next };
    else this.history = record(this.history, next);
    this.lastChange = { key, at: now };
    this.save();
    this.renderAll();
  }

  private save(): void {
    const r = saveBoard(this.storage, this.board);
    const failedBefore = this.saveError !== undefined;
    this.saveError = r.ok ? undefined : r.message;
    if (r.ok && failedBefore) this.status('Saved again.');
    if (!r.ok) this.status('');
  }

  /** Shows a message; while saving fails, the failure stays in front of it. */
  private status(text: string, error = false): void {
    const el = this.partEl('status');
    const failure = this.saveError === undefined ? '' : `Not saved: ${this.saveError}. Download the board file to keep your work. `;
    el.textContent = `${failure}${text}`.trim();
    el.dataset.state = error || failure ? 'error' : 'ok';
  }

  private replaceBoard(b: Board, message: string): void {
    this.selected.clear();
    this.commit(b);
    this.status(message);
  }

  // ------------------------------------------------------------------ drawing

  private renderAll(): void {
    const focusKey = this.pendingFocus ?? (document.activeElement as HTMLElement | null)?.dataset?.focusKey;
    this.pendingFocus = undefined;
    for (const id of [...this.selected]) if (!findSticky(this.board, id) && !this.board.contexts.some((c) => c.id === id)) this.selected.delete(id);
    drawCanvas(this.partEl('canvas'), this.board, this.selected, this.zoom);
    this.partEl('zoom').textContent = `${Math.round(this.zoom * 100)}%`;
    drawInspector(this.partEl('inspector'), this.board, [...this.selected], (a) => this.inspectorAction(a));
    this.renderSteps();
    this.partEl<HTMLInputElement>('title').value = this.board.title;
    this.partEl<HTMLInputElement>('bus-name').value = this.board.bus.name;
    this.partEl<HTMLInputElement>('source-prefix').value = this.board.bus.sourcePrefix;
    this.querySelector<HTMLButtonElement>('[data-action="undo"]')!.disabled = this.history.past.length === 0;
    this.querySelector<HTMLButtonElement>('[data-action="redo"]')!.disabled = this.history.future.length === 0;
    if (focusKey) this.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus({ preventScroll: true });
  }

  private renderSteps(): void {
    const step = this.board.step;
    for (const b of this.querySelectorAll<HTMLButtonElement>('.sb-step-btn')) {
      const n = Number(b.dataset.step);
      if (n === step) b.setAttribute('aria-current', 'step');
      else b.removeAttribute('aria-current');
      b.dataset.done = String(checkStep(this.board, n).length === 0);
    }
    for (const p of this.querySelectorAll<HTMLElement>('[data-step-panel]')) p.hidden = Number(p.dataset.stepPanel) !== step;
    const problems = checkStep(this.board, step);
    const box = this.partEl('check');
    box.replaceChildren();
    if (problems.length === 0) {
      const ok = document.createElement('p');
      ok.className = 'sb-ok';
      ok.textContent = `Step ${step} (${stepInfo(step).title}): no problems on the board.`;
      box.append(ok);
      return;
    }
    const intro = document.createElement('p');
    intro.textContent = `${problems.length} problem${problems.length === 1 ? '' : 's'} at step ${step}:`;
    const ul = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      if (p.itemId) {
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.className = 'sb-problem-link';
        btn.textContent = p.message;
        btn.dataset.focusKey = `problem:${p.itemId}:${p.message}`;
        btn.addEventListener('click', () => this.focusItem(p.itemId as string));
        li.append(btn);
      } else li.textContent = p.message;
      ul.append(li);
    }
    box.append(intro, ul);
  }

  private focusItem(id: string): void {
    this.selected = new Set([id]);
    this.renderAll();
    const el = this.querySelector<HTMLElement>(`[data-focus-key="item:${CSS.escape(id)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private setZoom(z: number): void {
    this.zoom = z;
    this.renderAll();
  }

  // ------------------------------------------------------------------ inspector

  private inspectorAction(a: InspectorAction): void {
    const b = this.board;
    switch (a.type) {
      case 'update':
        this.pendingFocus = a.focus;
        return this.commit(updateSticky(b, a.id, a.patch), `edit:${a.id}:${Object.keys(a.patch).join(',')}`);
      case 'rename-context': return this.commit(updateContext(b, a.id, { name: a.name }), `ctx:${a.id}`);
      case 'group': return this.commit(groupInto(b, [...this.selected].filter((id) => findSticky(b, id)), a.contextId));
      case 'delete': return this.deleteSelected();
      case 'select': return this.focusItem(a.id);
    }
  }

  private deleteSelected(): void {
    if (this.selected.size === 0) return;
    const n = this.selected.size;
    const next = deleteItems(this.board, [...this.selected]);
    this.selected.clear();
    this.commit(next);
    this.status(`Deleted ${n} item${n === 1 ? '' : 's'}. Undo brings ${n === 1 ? 'it' : 'them'} back.`);
    this.partEl('viewport').focus();
  }

  // ------------------------------------------------------------------ events

  private wire(): void {
    this.partEl<HTMLFormElement>('add-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = this.partEl<HTMLInputElement>('add-text');
      const text = input.value.trim();
      if (!text) return;
      const kind = this.partEl<HTMLSelectElement>('add-kind').value as StickyKind;
      this.commit(addSticky(this.board, { kind, text }));
      input.value = '';
      this.status(`Added ${kindInfo(kind).label.toLowerCase()} "${text}".`);
      input.focus();
    });
    this.partEl<HTMLFormElement>('context-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const input = this.partEl<HTMLInputElement>('context-name');
      const name = input.value.trim();
      if (!name) return;
      this.commit(addContext(this.board, name));
      input.value = '';
      this.status(`Added bounded context "${name}". Select notes and use "Put in context" to group them into it.`);
    });
    const setting = (part: string, apply: (b: Board, v: string) => Board) =>
      this.partEl<HTMLInputElement>(part).addEventListener('change', (e) => this.commit(apply(this.board, (e.target as HTMLInputElement).value.trim())));
    setting('title', (b, v) => ({ ...b, title: v }));
    setting('bus-name', (b, v) => ({ ...b, bus: { ...b.bus, name: v } }));
    setting('source-prefix', (b, v) => ({ ...b, bus: { ...b.bus, sourcePrefix: v } }));
    this.partEl<HTMLInputElement>('open-file').addEventListener('change', (e) => void this.openFile(e.target as HTMLInputElement));

    this.addEventListener('click', (e) => {
      const target = e.target as HTMLElement;
      const stepBtn = target.closest<HTMLElement>('.sb-step-btn');
      if (stepBtn) return this.commit({ ...this.board, step: Number(stepBtn.dataset.step) });
      const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
      if (action) this.action(action);
    });
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.wirePointer();
    this.partEl('viewport').addEventListener('wheel', (e) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      const i = ZOOMS.indexOf(this.zoom);
      this.setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, i + (e.deltaY < 0 ? 1 : -1)))] as number);
    }, { passive: false });
  }

  private action(name: string): void {
    const b = this.board;
    const i = ZOOMS.indexOf(this.zoom);
    switch (name) {
      case 'undo': this.history = undo(this.history); this.lastChange = { key: '', at: 0 }; this.save(); this.renderAll(); this.status('Undone.'); return;
      case 'redo': this.history = redo(this.history); this.lastChange = { key: '', at: 0 }; this.save(); this.renderAll(); this.status('Redone.'); return;
      case 'zoom-in': return this.setZoom(ZOOMS[Math.min(ZOOMS.length - 1, i + 1)] as number);
      case 'zoom-out': return this.setZoom(ZOOMS[Math.max(0, i - 1)] as number);
      case 'zoom-reset': return this.setZoom(1);
      case 'prev-step': return this.commit({ ...b, step: Math.max(1, b.step - 1) });
      case 'next-step': return this.commit({ ...b, step: Math.min(8, b.step + 1) });
      case 'example':
        // The worked example and the picture writer load on first use (the page's script budget).
        void import('../../storming/example-board.ts').then(
          ({ exampleBoard }) => this.replaceBoard(exampleBoard(), 'Loaded the worked example (food delivery). Undo returns to your board.'),
          (e: unknown) => this.status(`The example could not load: ${e instanceof Error ? e.message : String(e)}`, true),
        );
        return;
      case 'new': return this.replaceBoard(emptyBoard(), 'New board. Undo returns to the previous one.');
      case 'save-file': download(`${fileStem(b)}.board.json`, serialiseBoard(b), 'application/json'); this.status('Board file downloaded. Send it to share the board.'); return;
      case 'picture':
        void import('../../storming/board-svg.ts').then(
          ({ boardSvg }) => {
            download(`${fileStem(b)}.svg`, boardSvg(b), 'image/svg+xml');
            this.status('Picture downloaded.');
          },
          (e: unknown) => this.status(`The picture could not load: ${e instanceof Error ? e.message : String(e)}`, true),
        );
        return;
      case 'export': {
        const kind = this.partEl<HTMLSelectElement>('export-kind').value;
        if (!isExportKind(kind)) return;
        // The exporters and the zip library load on first use, keeping the board page within its budget.
        void Promise.all([import('../../storming/exports.ts'), import('../../storming/zip.ts')]).then(
          ([{ exportBoard }, { zipFiles }]) => {
            download(`${fileStem(b)}-${kind}.zip`, zipFiles(exportBoard(b, kind)), 'application/zip');
            this.status(`Export "${kind}" downloaded as a zip.`);
          },
          (e: unknown) => this.status(`The export could not load: ${e instanceof Error ? e.message : String(e)}`, true),
        );
        return;
      }
    }
  }

  private async openFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    const r = parseBoard(await file.text());
    input.value = '';
    if (!r.ok) return this.status(`${file.name} is not a board file: ${r.problems.slice(0, 3).join('; ')}`, true);
    this.replaceBoard(r.board, `Opened ${file.name}. Undo returns to the previous board.`);
  }

  private onKey(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    const typing = target.matches('input, select, textarea');
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !typing && (key === 'z' || key === 'y')) {
      e.preventDefault();
      this.action(key === 'y' || e.shiftKey ? 'redo' : 'undo');
      return;
    }
    const itemId = target.dataset.itemId;
    if (!itemId || typing) return;
    const isContext = target.classList.contains('sb-context-name');
    const step = e.shiftKey ? 40 : 8;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const delta = arrows[e.key];
    if (delta) {
      e.preventDefault();
      const [dx, dy] = delta;
      if (isContext) {
        const c = this.board.contexts.find((x) => x.id === itemId);
        if (!c) return;
        if (e.altKey) this.commit(updateContext(this.board, itemId, { w: c.w + dx, h: c.h + dy }), `resize:${itemId}`);
        else this.commit(moveContext(this.board, itemId, dx, dy), `move:${itemId}`);
      } else {
        const ids = this.selected.has(itemId) ? [...this.selected].filter((id) => findSticky(this.board, id)) : [itemId];
        const before = this.contextName(itemId);
        this.commit(moveStickies(this.board, ids, dx, dy), `move:${ids.join(',')}`);
        // Say so when a move crosses a context's edge: the one change a keyboard user cannot see.
        const after = this.contextName(itemId);
        if (after !== before) this.status(after ? `Now in ${after}.` : `Now outside ${before}.`);
      }
      return;
    }
    if (e.key === ' ') {
      e.preventDefault();
      if (this.selected.has(itemId)) this.selected.delete(itemId);
      else this.selected.add(itemId);
      this.renderAll();
      return;
    }
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (!this.selected.has(itemId)) this.selected = new Set([itemId]);
      this.renderAll();
      this.querySelector<HTMLElement>('[data-focus-key="inspector:text"]')?.focus();
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (!this.selected.has(itemId)) this.selected = new Set([itemId]);
      this.deleteSelected();
      return;
    }
    if (e.key === 'Escape') {
      this.selected.clear();
      this.renderAll();
    }
  }

  private wirePointer(): void {
    const viewport = this.partEl('viewport');
    let drag: { id: string; context: boolean; x: number; y: number; moved: boolean; els: HTMLElement[]; pointer: number } | undefined;
    let pan: { x: number; y: number; left: number; top: number } | undefined;
    viewport.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      const el = (e.target as HTMLElement).closest<HTMLElement>('[data-item-id]');
      if (!el) {
        pan = { x: e.clientX, y: e.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
        viewport.setPointerCapture(e.pointerId);
        return;
      }
      const id = el.dataset.itemId as string;
      const context = el.classList.contains('sb-context-name');
      if (e.shiftKey || e.ctrlKey || e.metaKey) {
        if (this.selected.has(id)) this.selected.delete(id);
        else this.selected.add(id);
      } else if (!this.selected.has(id)) this.selected = new Set([id]);
      const ids = context ? [id] : [...this.selected].filter((x) => findSticky(this.board, x));
      const els = context
        ? [el.parentElement as HTMLElement, ...this.stickyElsInContext(id)]
        : ids.map((x) => this.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(x)}"]`)).filter((x): x is HTMLElement => x !== null);
      drag = { id, context, x: e.clientX, y: e.clientY, moved: false, els, pointer: e.pointerId };
      el.setPointerCapture(e.pointerId);
    });
    viewport.addEventListener('pointermove', (e) => {
      if (pan) {
        viewport.scrollLeft = pan.left - (e.clientX - pan.x);
        viewport.scrollTop = pan.top - (e.clientY - pan.y);
        return;
      }
      if (!drag || e.pointerId !== drag.pointer) return;
      const dx = (e.clientX - drag.x) / this.zoom;
      const dy = (e.clientY - drag.y) / this.zoom;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      for (const el of drag.els) el.style.translate = `${dx}px ${dy}px`;
    });
    const end = (e: PointerEvent) => {
      if (pan) {
        pan = undefined;
        if (e.target === viewport && this.selected.size && e.type === 'pointerup') { this.selected.clear(); this.renderAll(); }
        return;
      }
      if (!drag || e.pointerId !== drag.pointer) return;
      const d = drag;
      drag = undefined;
      for (const el of d.els) el.style.translate = '';
      const dx = Math.round((e.clientX - d.x) / this.zoom);
      const dy = Math.round((e.clientY - d.y) / this.zoom);
      if (d.moved && e.type === 'pointerup') {
        if (d.context) this.commit(moveContext(this.board, d.id, dx, dy));
        else this.commit(moveStickies(this.board, [...this.selected].filter((x) => findSticky(this.board, x)), dx, dy));
      } else this.renderAll();
      this.querySelector<HTMLElement>(`[data-focus-key="item:${CSS.escape(d.id)}"]`)?.focus({ preventScroll: true });
    };
    viewport.addEventListener('pointerup', end);
    viewport.addEventListener('pointercancel', end);
  }

  private contextName(stickyId: string): string | undefined {
    const s = findSticky(this.board, stickyId);
    return s ? contextOf(this.board, s)?.name : undefined;
  }

  private stickyElsInContext(contextId: string): HTMLElement[] {
    return [...this.querySelectorAll<HTMLElement>(`.sb-sticky[data-context="${CSS.escape(contextId)}"]`)];
  }
}

function fileStem(b: Board): string {
  return b.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'board';
}

customElements.define('storming-board', StormingBoardElement);
