import { BACKED_UP_PREFIXES, LAB_WORK_PREFIX, PROGRESS_KEY, emptyProgress, migrateProgress, type Progress } from './progress-shape.ts';

/** The part of the Web Storage API the store needs, so tests can pass a plain in-memory one. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** What an export file holds: progress, every lab's saved work (by lab id) and every saved quiz answer (by key). */
export interface ProgressExport {
  format: 'eventbridge-course-progress';
  version: 1;
  exportedAt: string;
  progress: Progress;
  labWork: Record<string, unknown>;
  /** Other saved items by full storage key, e.g. `ebc:quiz:<lesson>:<question>`. */
  saved: Record<string, unknown>;
}

const isBackedUp = (key: string) => BACKED_UP_PREFIXES.some((p) => key.startsWith(p));

function parseOrRaw(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export type Notice = { kind: 'info' | 'error'; message: string };

/** What an import would write, for the question the page asks first. */
export interface ImportPlan {
  progress: Progress;
  labsWithWork: string[];
  writes: [string, string][];
}

export class ProgressStore {
  readonly #storage: KeyValueStorage;
  readonly #onChange: (progress: Progress) => void;
  readonly #onNotice: (notice: Notice) => void;
  #progress: Progress;

  constructor(storage: KeyValueStorage, hooks: { onChange?: (p: Progress) => void; onNotice?: (n: Notice) => void } = {}) {
    this.#storage = storage;
    this.#onChange = hooks.onChange ?? (() => {});
    this.#onNotice = hooks.onNotice ?? (() => {});
    this.#progress = this.#load();
  }

  get progress(): Progress {
    return this.#progress;
  }

  isLessonComplete(slug: string): boolean {
    return slug in this.#progress.lessons;
  }

  isLabPassed(id: string): boolean {
    return id in this.#progress.labs;
  }

  setLessonComplete(slug: string, complete: boolean): void {
    const lessons = { ...this.#progress.lessons };
    if (complete) lessons[slug] = { completedAt: new Date().toISOString() };
    else delete lessons[slug];
    this.#save({ ...this.#progress, lessons });
  }

  markLabPassed(id: string): void {
    if (this.isLabPassed(id)) return;
    this.#save({ ...this.#progress, labs: { ...this.#progress.labs, [id]: { passedAt: new Date().toISOString() } } });
  }

  /** Re-reads storage, e.g. after another tab changed it. */
  reload(): void {
    this.#progress = this.#load();
    this.#onChange(this.#progress);
  }

  exportAll(): ProgressExport {
    const labWork: Record<string, unknown> = {};
    const saved: Record<string, unknown> = {};
    for (const key of this.#keys()) {
      const raw = isBackedUp(key) ? this.#storage.getItem(key) : null;
      if (raw === null) continue;
          if (key.startsWith(LAB_WORK_PREFIX)) labWork[key.slice(LAB_WORK_PREFIX.length)] = parseOrRaw(raw);
      else saved[key] = parseOrRaw(raw);
    }
    return { format: 'eventbridge-course-progress', version: 1, exportedAt: new Date().toISOString(), progress: this.#progress, labWork, saved };
  }

  /**
   * Reads an export without changing anything, so the page can say what it holds and ask before
   * replacing. Throws an Error with a learner-facing message on a bad file or an unknown lab id.
   */
  inspectImport(text: string, knownLabIds?: readonly string[]): ImportPlan {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error('This file is not JSON, so it cannot be a progress export.');
    }
    const file = parsed as Partial<ProgressExport> | null;
    if (!file || typeof file !== 'object' || file.format !== 'eventbridge-course-progress') {
      throw new Error('This JSON file is not a progress export from this course (its "format" field is missing or different).');
    }
    const migrated = migrateProgress(file.progress);
    if (!migrated.ok) throw new Error(`The export cannot be used: ${migrated.reason}.`);
    const labWork = file.labWork && typeof file.labWork === 'object' ? file.labWork : {};
    const saved = file.saved && typeof file.saved === 'object' ? file.saved : {};
    if (knownLabIds) {
      const unknown = [...new Set([...Object.keys(labWork), ...Object.keys(migrated.progress.labs)])].filter((id) => !knownLabIds.includes(id));
      if (unknown.length) throw new Error(`The export names labs this course does not have (${unknown.join(', ')}), so nothing was imported.`);
    }
    for (const [id, work] of Object.entries(labWork)) {
      const files = (work as { files?: unknown } | null)?.files;
      if (!files || typeof files !== 'object' || Object.values(files).some((t) => typeof t !== 'string')) {
        throw new Error(`The saved work for lab ${id} in this export is damaged, so nothing was imported.`);
      }
    }
    const writes: [string, string][] = [
      ...Object.entries(labWork).map(([id, work]): [string, string] => [LAB_WORK_PREFIX + id, JSON.stringify(work)]),
      ...Object.entries(saved)
        .filter(([key]) => isBackedUp(key))
        .map(([key, value]): [string, string] => [key, JSON.stringify(value)]),
      [PROGRESS_KEY, JSON.stringify(migrated.progress)],
    ];
    return { progress: migrated.progress, labsWithWork: Object.keys(labWork), writes };
  }

  /**
   * Replaces progress and lab work with an export's, all or nothing: if storage refuses any write (full,
   * blocked), everything is put back as it was and the Error says so.
   */
  importAll(text: string, knownLabIds?: readonly string[]): void {
    const plan = this.inspectImport(text, knownLabIds);
    const before = new Map<string, string>();
    for (const key of this.#keys()) {
      const raw = isBackedUp(key) || key === PROGRESS_KEY ? this.#storage.getItem(key) : null;
      if (raw !== null) before.set(key, raw);
    }
    try {
      for (const key of before.keys()) if (isBackedUp(key)) this.#storage.removeItem(key);
      for (const [key, value] of plan.writes) this.#storage.setItem(key, value);
    } catch (error) {
      for (const [key] of plan.writes) this.#storage.removeItem(key);
      for (const [key, value] of before) this.#storage.setItem(key, value);
      const quota = error instanceof Error && /quota/i.test(`${error.name} ${error.message}`);
      throw new Error(`${quota ? 'Browser storage is full' : `Storage refused the import (${error instanceof Error ? error.message : String(error)})`}, so nothing was imported and your progress is as it was.`);
    }
    this.#progress = plan.progress;
    this.#onChange(plan.progress);
  }

  reset(): void {
    this.#save(emptyProgress());
  }

  #keys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.#storage.length; i++) {
      const key = this.#storage.key(i);
      if (key !== null) keys.push(key);
    }
    return keys;
  }

  #load(): Progress {
    let raw: string | null;
    try {
      raw = this.#storage.getItem(PROGRESS_KEY);
    } catch {
      this.#onNotice({ kind: 'error', message: 'Progress cannot be read in this browser (storage is blocked), so it will not be saved.' });
      return emptyProgress();
    }
    if (raw === null) return emptyProgress();
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return this.#resetCorrupt(raw, 'it was not valid JSON');
    }
    const migrated = migrateProgress(parsed);
    if (!migrated.ok) return this.#resetCorrupt(raw, migrated.reason);
    if (migrated.migratedFrom !== undefined) {
      this.#write(PROGRESS_KEY, JSON.stringify(migrated.progress));
      this.#onNotice({ kind: 'info', message: `Your saved progress was upgraded from an older format (version ${migrated.migratedFrom}).` });
    }
    return migrated.progress;
  }

  // The unreadable value is kept under a backup key rather than destroyed, so nothing is lost.
  #resetCorrupt(raw: string, reason: string): Progress {
    const backupKey = `${PROGRESS_KEY}:unreadable`;
    this.#write(backupKey, raw);
    this.#write(PROGRESS_KEY, JSON.stringify(emptyProgress()));
    this.#onNotice({ kind: 'error', message: `Saved progress could not be read (${reason}); it was reset, and the old value kept under "${backupKey}".` });
    return emptyProgress();
  }

  #save(progress: Progress): void {
    this.#progress = progress;
    this.#write(PROGRESS_KEY, JSON.stringify(progress));
    this.#onChange(progress);
  }

  #write(key: string, value: string): void {
    try {
      this.#storage.setItem(key, value);
    } catch (error) {
      this.#onNotice({ kind: 'error', message: `Progress could not be saved: ${error instanceof Error ? error.message : String(error)}.` });
    }
  }
}
