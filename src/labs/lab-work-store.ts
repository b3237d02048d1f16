// Saves a learner's files per lab in localStorage (`ebc:lab-work:<labId>`), debounced, and reports a
// failed save (quota, private mode) instead of swallowing it. The progress export carries these keys.
import type { LabFiles } from './lab-types.ts';
import { LAB_WORK_PREFIX } from '../progress/progress-shape.ts';

export interface SavedLabWork {
  version: 1;
  files: LabFiles;
  savedAt: string;
}

export interface WorkStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveState = { ok: true; at: string } | { ok: false; error: string };

export class LabWorkStore {
  readonly key: string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: LabFiles | undefined;
  private readonly storage: WorkStorage | undefined;
  private readonly onSave: (state: SaveState) => void;
  private readonly delayMs: number;
  private readonly beforeSave: ((files: LabFiles) => LabFiles) | undefined;

  /** `beforeSave` may merge in what another tab saved meanwhile (see lab-session.ts). */
  constructor(labId: string, storage: WorkStorage | undefined, onSave: (state: SaveState) => void = () => {}, delayMs = 300, beforeSave?: (files: LabFiles) => LabFiles) {
    this.key = LAB_WORK_PREFIX + labId;
    this.storage = storage;
    this.onSave = onSave;
    this.delayMs = delayMs;
    this.beforeSave = beforeSave;
  }

  /** The saved value as stored now (another tab may have written it). */
  raw(): string | null {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  /** The saved files laid over the starter (new starter files appear; removed ones are dropped). */
  load(starter: LabFiles): { files: LabFiles; restored: boolean; problem?: string } {
    if (!this.storage) return { files: { ...starter }, restored: false, problem: 'This browser blocks local storage, so your work cannot be saved.' };
    let raw: string | null;
    try {
      raw = this.storage.getItem(this.key);
    } catch (e) {
      return { files: { ...starter }, restored: false, problem: `Your saved work could not be read: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (!raw) return { files: { ...starter }, restored: false };
    try {
      const saved = JSON.parse(raw) as Partial<SavedLabWork>;
      const files: LabFiles = { ...starter };
      for (const path of Object.keys(starter)) {
        const text = saved.files?.[path];
        if (typeof text === 'string') files[path] = text;
      }
      return { files, restored: true };
    } catch {
      return { files: { ...starter }, restored: false, problem: 'Your saved work for this lab is damaged, so the starter files are shown. The damaged copy was left in place.' };
    }
  }

  /** Schedules a save; the last call within the delay wins. */
  schedule(files: LabFiles): void {
    this.pending = files;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Saves now if a save is pending (on pagehide, before a run). */
  flush(): SaveState | undefined {
    clearTimeout(this.timer);
    this.timer = undefined;
    const files = this.pending;
    if (!files) return undefined;
    this.pending = undefined;
    return this.save(files);
  }

  save(given: LabFiles): SaveState {
    const files = this.beforeSave ? this.beforeSave(given) : given;
    const at = new Date().toISOString();
    let state: SaveState;
    if (!this.storage) state = { ok: false, error: 'This browser blocks local storage, so your work cannot be saved. Copy it somewhere safe before leaving.' };
    else {
      try {
        this.storage.setItem(this.key, JSON.stringify({ version: 1, files, savedAt: at } satisfies SavedLabWork));
        state = { ok: true, at };
      } catch (e) {
        const quota = e instanceof Error && /quota/i.test(`${e.name} ${e.message}`);
        state = { ok: false, error: quota ? 'Your work could not be saved: browser storage is full. Export your progress or free some space.' : `Your work could not be saved: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    this.onSave(state);
    return state;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // nothing saved to remove
    }
  }
}
