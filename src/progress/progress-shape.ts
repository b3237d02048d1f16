/**
 * The saved shape of a learner's progress, kept in localStorage under `PROGRESS_KEY` as JSON.
 *
 * Version 1:
 * ```json
 * { "version": 1,
 *   "lessons": { "serverless/what-is-serverless": { "completedAt": "2026-11-27T12:00:00.000Z" } },
 *   "labs":    { "01-first-rule": { "passedAt": "2026-11-27T12:30:00.000Z" } } }
 * ```
 * Lesson keys are lesson slugs (the page path without slashes at the ends); lab keys are lab ids.
 * Version 0 (never released, kept so the migration path is exercised): `{ "read": ["slug", …] }`.
 * Bump `PROGRESS_VERSION` and add a step to `migrateProgress` whenever the shape changes.
 */
export const PROGRESS_KEY = 'ebc:progress';
export const PROGRESS_VERSION = 1;
/** Lab work lives in its own keys (one per lab) so a large editor buffer never rewrites the progress record. */
export const LAB_WORK_PREFIX = 'ebc:lab-work:';
/** Quiz answers, one key per question: `ebc:quiz:<lesson>:<question id>`. */
export const QUIZ_PREFIX = 'ebc:quiz:';
/** The EventBridge Storming board's autosave: `ebc:storming:board`. */
export const STORMING_PREFIX = 'ebc:storming:';
/** Every key family that an export carries besides the progress record itself. */
export const BACKED_UP_PREFIXES = [LAB_WORK_PREFIX, QUIZ_PREFIX, STORMING_PREFIX] as const;

export interface Progress {
  version: 1;
  lessons: Record<string, { completedAt: string }>;
  labs: Record<string, { passedAt: string }>;
}

export function emptyProgress(): Progress {
  return { version: 1, lessons: {}, labs: {} };
}

export type MigrationResult =
  | { ok: true; progress: Progress; migratedFrom?: number }
  | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isoOr(value: unknown, fallback: string): string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : fallback;
}

function readEntries<K extends string>(raw: unknown, field: K): Record<string, { [P in K]: string }> {
  const out: Record<string, { [P in K]: string }> = {};
  if (!isRecord(raw)) return out;
  for (const [key, entry] of Object.entries(raw)) {
    if (key && isRecord(entry)) out[key] = { [field]: isoOr(entry[field], new Date(0).toISOString()) } as { [P in K]: string };
  }
  return out;
}

/** Turns any parsed value into current-version progress, or says why it cannot. */
export function migrateProgress(value: unknown): MigrationResult {
  if (!isRecord(value)) return { ok: false, reason: 'the saved progress is not a JSON object' };
  if (value.version === undefined && Array.isArray(value.read)) {
    const lessons: Progress['lessons'] = {};
    const at = new Date(0).toISOString();
    for (const slug of value.read) if (typeof slug === 'string' && slug) lessons[slug] = { completedAt: at };
    return { ok: true, progress: { version: 1, lessons, labs: {} }, migratedFrom: 0 };
  }
  if (value.version === 1) {
    if (!isRecord(value.lessons) || !isRecord(value.labs)) return { ok: false, reason: 'the saved progress is missing its lessons or labs' };
    return { ok: true, progress: { version: 1, lessons: readEntries(value.lessons, 'completedAt'), labs: readEntries(value.labs, 'passedAt') } };
  }
  if (typeof value.version === 'number' && value.version > PROGRESS_VERSION) {
    return { ok: false, reason: `the saved progress was written by a newer version of the course (version ${value.version})` };
  }
  return { ok: false, reason: 'the saved progress has an unknown version' };
}
