// <storming-facilitator>: shows the board's current step with a timer. Reads and writes the board saved
// in this browser, and follows changes made in the board's tab (the "storage" event).
import { emptyBoard, type Board } from '../../storming/board-format.ts';
import { BOARD_KEY, loadSavedBoard, saveBoard } from '../../storming/board-store.ts';
import { checkStep } from '../../storming/step-checks.ts';
import { formatRemaining, StepTimers } from '../../storming/step-timer.ts';

class StormingFacilitator extends HTMLElement {
  private board: Board = emptyBoard();
  private timers = new StepTimers();
  private tick: number | undefined;

  private partEl(name: string): HTMLElement {
    return this.querySelector(`[data-part="${name}"]`) as HTMLElement;
  }

  connectedCallback(): void {
    this.load();
    this.addEventListener('click', (e) => {
      const action = (e.target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset.action;
      const step = this.board.step;
      if (action === 'start') {
        if (this.timers.running(step)) this.timers.pause(step, Date.now());
        else this.timers.start(step, Date.now());
      } else if (action === 'reset') this.timers.reset(step);
      else if (action === 'prev' || action === 'next') this.setStep(step + (action === 'next' ? 1 : -1));
      this.render();
    });
    window.addEventListener('storage', (e) => {
      if (e.key === BOARD_KEY) this.load();
    });
    this.tick = window.setInterval(() => this.renderTime(), 500);
  }

  disconnectedCallback(): void {
    window.clearInterval(this.tick);
  }

  private load(): void {
    try {
      const saved = loadSavedBoard(window.localStorage);
      this.board = saved.board ?? emptyBoard();
      this.partEl('board').textContent = saved.board ? `Board: ${saved.board.title || 'untitled'}` : 'No board saved in this browser yet: open the board page and start.';
    } catch {
      this.partEl('board').textContent = 'This browser blocks storage, so this view cannot follow the board.';
    }
    this.render();
  }

  private setStep(n: number): void {
    const step = Math.min(8, Math.max(1, n));
    this.board = { ...this.board, step };
    try {
      saveBoard(window.localStorage, this.board);
    } catch {
      // the view still works on its own when storage is blocked
    }
  }

  private render(): void {
    for (const p of this.querySelectorAll<HTMLElement>('[data-step-panel]')) p.hidden = Number(p.dataset.stepPanel) !== this.board.step;
    const n = checkStep(this.board, this.board.step).length;
    this.partEl('check').textContent = n === 0 ? 'The board passes this step\'s check.' : `The board check lists ${n} problem${n === 1 ? '' : 's'} for this step.`;
    (this.querySelector('[data-action="start"]') as HTMLElement).textContent = this.timers.running(this.board.step) ? 'Pause' : 'Start';
    this.renderTime();
  }

  private renderTime(): void {
    const ms = this.timers.remainingMs(this.board.step, Date.now());
    const el = this.partEl('time');
    el.textContent = formatRemaining(ms);
    el.dataset.over = String(ms < 0);
  }
}

customElements.define('storming-facilitator', StormingFacilitator);
