// The lab page's state without the page: the learner's files, the open file, autosave, which runner
// Run and Check use, and what happens when another tab edits the same lab. The element
// (src/components/lab/lab-workspace.ts) only renders it, so all of this is tested without a DOM.
import type { CheckOptions, LabRunner, RunOptions } from './lab-runner.ts';
import type { LabCheckReport, LabDefinition, LabFiles, LabFileSpec, LabRunReport } from './lab-types.ts';
import { LabWorkStore, type SaveState, type SavedLabWork, type WorkStorage } from './lab-work-store.ts';

export interface LabSessionOptions {
  labId: string;
  definition: LabDefinition;
  starter: LabFiles;
  fileSpecs: LabFileSpec[];
  /** The in-page runner; a WebContainer can take over with useRunner(). */
  runner: LabRunner;
  /** Where work is saved (localStorage in the page). */
  storage: WorkStorage | undefined;
  /** Where the open file is remembered for a reload (sessionStorage in the page). */
  tabStorage?: WorkStorage | undefined;
  saveDelayMs?: number;
}

export interface LabSessionEvents {
  saved?(state: SaveState): void;
  /** Files changed by something other than this tab's typing (another tab, reset): show their new text. */
  filesReplaced?(paths: string[], from: 'other-tab' | 'reset'): void;
  /** Another tab saved different edits to files this tab has also changed: this tab's are kept. */
  conflict?(paths: string[]): void;
  busy?(on: boolean): void;
}

export const ACTIVE_FILE_PREFIX = 'ebc:lab-active-file:';

export class LabSession {
  readonly opts: LabSessionOptions;
  private readonly events: LabSessionEvents;
  private readonly store: LabWorkStore;
  private state: LabFiles = {};
  /** What this tab last knew to be saved, per file: the base of a three-way merge with another tab. */
  private base: LabFiles = {};
  private open = '';
  private extra: LabRunner | undefined;
  private running: AbortController | undefined;

  constructor(opts: LabSessionOptions, events: LabSessionEvents = {}) {
    this.opts = opts;
    this.events = events;
    this.store = new LabWorkStore(opts.labId, opts.storage, (s) => this.onSaved(s), opts.saveDelayMs, () => this.mergeBeforeSave());
  }

  /** The stored value this tab last wrote or saw: anything else in storage was written by another tab. */
  private seen: string | null = null;

  /** Two tabs saving at nearly the same time: merge what the other wrote before writing over it. */
  private mergeBeforeSave(): LabFiles {
    const now = this.store.raw();
    if (now !== null && now !== this.seen) this.externalChange(this.store.key, now);
    return this.state;
  }

  get files(): LabFiles {
    return this.state;
  }

  get current(): string {
    return this.open;
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  get runner(): LabRunner {
    return this.extra ?? this.opts.runner;
  }

  /** Restores saved work and the file that was open; returns what to tell the learner. */
  load(): { restored: boolean; problem?: string } {
    const loaded = this.store.load(this.opts.starter);
    this.seen = this.store.raw();
    this.state = loaded.files;
    this.base = { ...loaded.files };
    const paths = this.opts.fileSpecs.map((f) => f.path);
    let remembered: string | null = null;
    try {
      remembered = this.opts.tabStorage?.getItem(ACTIVE_FILE_PREFIX + this.opts.labId) ?? null;
    } catch {
      // a convenience only
    }
    this.open = remembered && paths.includes(remembered) ? remembered : (paths[0] ?? '');
    return { restored: loaded.restored, ...(loaded.problem ? { problem: loaded.problem } : {}) };
  }

  select(path: string): void {
    this.open = path;
    try {
      this.opts.tabStorage?.setItem(ACTIVE_FILE_PREFIX + this.opts.labId, path);
    } catch {
      // a convenience only
    }
  }

  /** The learner typed: returns false when nothing changed. */
  edit(path: string, text: string): boolean {
    if (this.state[path] === text) return false;
    this.state = { ...this.state, [path]: text };
    this.store.schedule(this.state);
    return true;
  }

  flush(): void {
    this.store.flush();
  }

  reset(): void {
    const paths = this.opts.fileSpecs.map((f) => f.path);
    this.state = { ...this.state, ...Object.fromEntries(paths.map((p) => [p, this.opts.starter[p] ?? ''])) };
    // The learner asked for the starter: what another tab saved is not merged back in.
    this.seen = this.store.raw();
    this.store.save(this.state);
    this.events.filesReplaced?.(paths, 'reset');
  }

  private onSaved(state: SaveState): void {
    if (state.ok) {
      this.base = { ...this.state };
      this.seen = this.store.raw();
    }
    this.events.saved?.(state);
  }

  /**
   * Another tab saved this lab (a `storage` event for our key). Per file: a file only they changed is
   * taken; a file only this tab changed is kept; a file both changed keeps this tab's text, and the
   * learner is told, so nothing is overwritten without a word.
   */
  externalChange(key: string | null, newValue: string | null): void {
    if (key !== this.store.key || newValue === null) return;
    this.seen = newValue;
    let theirs: LabFiles;
    try {
      theirs = (JSON.parse(newValue) as Partial<SavedLabWork>).files ?? {};
    } catch {
      return;
    }
    const taken: string[] = [];
    const conflicts: string[] = [];
    const next = { ...this.state };
    for (const [path, text] of Object.entries(theirs)) {
      if (typeof text !== 'string' || !(path in this.opts.starter)) continue;
      const mine = this.state[path];
      const base = this.base[path];
      if (text === base || text === mine) {
        this.base[path] = text;
        continue;
      }
      if (mine === base) {
        next[path] = text;
        this.base[path] = text;
        taken.push(path);
      } else conflicts.push(path);
    }
    this.state = next;
    if (taken.length) this.events.filesReplaced?.(taken, 'other-tab');
    if (conflicts.length) this.events.conflict?.(conflicts);
  }

  /** A WebContainer takes over Run and Check; `undefined` goes back to the in-page runner. */
  useRunner(runner: LabRunner | undefined): void {
    this.extra?.dispose();
    this.extra = runner;
  }

  /** True when the WebContainer is in use (a failure there should hand back to the in-page runner). */
  get usingExtraRunner(): boolean {
    return this.extra !== undefined;
  }

  stop(): void {
    this.running?.abort();
  }

  private async session<T>(go: (runner: LabRunner, signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    if (this.running) return undefined;
    this.store.flush();
    const ctl = new AbortController();
    this.running = ctl;
    this.events.busy?.(true);
    try {
      const runner = this.runner;
      await runner.mount({ id: this.opts.labId, definition: this.opts.definition, files: this.state });
      return await go(runner, ctl.signal);
    } finally {
      this.running = undefined;
      this.events.busy?.(false);
    }
  }

  /** Runs every sample event; undefined when a run or check is already going. */
  run(options: Omit<RunOptions, 'signal'> = {}): Promise<LabRunReport | undefined> {
    return this.session((r, signal) => r.run({ ...options, signal }));
  }

  check(options: Omit<CheckOptions, 'signal'> = {}): Promise<LabCheckReport | undefined> {
    return this.session((r, signal) => r.check({ ...options, signal }));
  }
}
