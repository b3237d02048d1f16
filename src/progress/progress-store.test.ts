import { BOARD_KEY } from '../storming/board-store.ts';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from './memory-storage.ts';
import { ProgressStore, type Notice } from './progress-store.ts';
import { LAB_WORK_PREFIX, PROGRESS_KEY } from './progress-shape.ts';

function storeWith(raw?: string) {
  const storage = new MemoryStorage();
  if (raw !== undefined) storage.setItem(PROGRESS_KEY, raw);
  const notices: Notice[] = [];
  const store = new ProgressStore(storage, { onNotice: (n) => notices.push(n) });
  return { storage, store, notices };
}

describe('ProgressStore', () => {
  it('starts empty and records lessons and labs across instances', () => {
    const { storage, store } = storeWith();
    expect(store.isLessonComplete('serverless/what-is-serverless')).toBe(false);
    store.setLessonComplete('serverless/what-is-serverless', true);
    store.markLabPassed('01-first-rule');
    const again = new ProgressStore(storage);
    expect(again.isLessonComplete('serverless/what-is-serverless')).toBe(true);
    expect(again.isLabPassed('01-first-rule')).toBe(true);
    again.setLessonComplete('serverless/what-is-serverless', false);
    expect(new ProgressStore(storage).isLessonComplete('serverless/what-is-serverless')).toBe(false);
  });

  it('resets corrupt JSON with a notice and keeps the old value', () => {
    const { storage, store, notices } = storeWith('{not json');
    expect(store.progress.lessons).toEqual({});
    expect(notices[0]?.kind).toBe('error');
    expect(notices[0]?.message).toMatch(/could not be read/);
    expect(storage.getItem(`${PROGRESS_KEY}:unreadable`)).toBe('{not json');
  });

  it('refuses progress from a newer version without crashing', () => {
    const { store, notices } = storeWith(JSON.stringify({ version: 9, lessons: {}, labs: {} }));
    expect(store.progress.version).toBe(1);
    expect(notices[0]?.message).toMatch(/newer version/);
  });

  it('migrates version 0 and says so', () => {
    const { storage, store, notices } = storeWith(JSON.stringify({ read: ['a/b', 'c/d'] }));
    expect(store.isLessonComplete('a/b')).toBe(true);
    expect(store.isLessonComplete('c/d')).toBe(true);
    expect(notices[0]).toEqual({ kind: 'info', message: expect.stringMatching(/upgraded/) });
    expect(JSON.parse(storage.getItem(PROGRESS_KEY) ?? '{}').version).toBe(1);
  });

  it('round-trips progress and lab work through export and import', () => {
    const { storage, store } = storeWith();
    store.setLessonComplete('x/y', true);
    store.markLabPassed('02-filters');
    storage.setItem(`${LAB_WORK_PREFIX}02-filters`, JSON.stringify({ files: { 'pattern.json': '{}' } }));
    storage.setItem('ebc:quiz:eventbridge/summary:q1', JSON.stringify({ correct: true }));
    storage.setItem(BOARD_KEY, '{"format":"board"}');
    storage.setItem('unrelated', 'not exported');
    const file = JSON.stringify(store.exportAll());
    expect(file).not.toContain('not exported');

    const other = storeWith();
    other.store.importAll(file);
    expect(other.store.isLessonComplete('x/y')).toBe(true);
    expect(other.store.isLabPassed('02-filters')).toBe(true);
    expect(JSON.parse(other.storage.getItem(`${LAB_WORK_PREFIX}02-filters`) ?? 'null')).toEqual({ files: { 'pattern.json': '{}' } });
    expect(JSON.parse(other.storage.getItem('ebc:quiz:eventbridge/summary:q1') ?? 'null')).toEqual({ correct: true });
    expect(other.storage.getItem(BOARD_KEY)).toBe('{"format":"board"}');
  });

  it('rejects files that are not exports with a clear message and changes nothing', () => {
    const { store } = storeWith();
    store.setLessonComplete('keep/me', true);
    expect(() => store.importAll('nope')).toThrow(/not JSON/);
    expect(() => store.importAll('{"a":1}')).toThrow(/not a progress export/);
    expect(() => store.importAll(JSON.stringify({ format: 'eventbridge-course-progress', progress: { version: 1 } }))).toThrow(/cannot be used/);
    expect(store.isLessonComplete('keep/me')).toBe(true);
  });

  it('imports all or nothing: a full storage leaves every key as it was and says so', () => {
    const source = storeWith();
    source.store.markLabPassed('01-first-rule');
    source.storage.setItem(`${LAB_WORK_PREFIX}01-first-rule`, JSON.stringify({ version: 1, files: { 'pattern.json': 'x'.repeat(500) } }));
    const file = JSON.stringify(source.store.exportAll());
    const storage = new MemoryStorage(400);
    const store = new ProgressStore(storage);
    store.setLessonComplete('keep/me', true);
    storage.setItem(`${LAB_WORK_PREFIX}02-content-filtering`, JSON.stringify({ version: 1, files: { 'a.json': 'mine' } }));
    const before = new Map(Array.from({ length: storage.length }, (_, i) => [storage.key(i)!, storage.getItem(storage.key(i)!)]));
    expect(() => store.importAll(file)).toThrow(/Browser storage is full, so nothing was imported and your progress is as it was/);
    const after = new Map(Array.from({ length: storage.length }, (_, i) => [storage.key(i)!, storage.getItem(storage.key(i)!)]));
    expect(after).toEqual(before);
    expect(store.isLessonComplete('keep/me')).toBe(true);
    expect(store.isLabPassed('01-first-rule')).toBe(false);
  });

  it('rejects lab ids the course does not have, and damaged lab work, before writing anything', () => {
    const { store } = storeWith();
    store.setLessonComplete('keep/me', true);
    const file = (labWork: Record<string, unknown>, labs: Record<string, unknown> = {}) =>
      JSON.stringify({ format: 'eventbridge-course-progress', version: 1, exportedAt: '', progress: { version: 1, lessons: {}, labs }, labWork, saved: {} });
    expect(() => store.importAll(file({ '99-evil': { files: {} } }), ['01-first-rule'])).toThrow(/labs this course does not have \(99-evil\)/);
    expect(() => store.importAll(file({}, { '98-nope': { passedAt: '2026-01-01T00:00:00Z' } }), ['01-first-rule'])).toThrow(/98-nope/);
    expect(() => store.importAll(file({ '01-first-rule': { files: { 'a.json': 3 } } }), ['01-first-rule'])).toThrow(/damaged/);
    expect(store.isLessonComplete('keep/me')).toBe(true);
    const plan = store.inspectImport(file({ '01-first-rule': { files: { 'a.json': '{}' } } }), ['01-first-rule']);
    expect(plan.labsWithWork).toEqual(['01-first-rule']);
    expect(store.isLessonComplete('keep/me')).toBe(true);
  });

  it('reports a failed save instead of swallowing it', () => {
    const storage = new MemoryStorage(40);
    const notices: Notice[] = [];
    const store = new ProgressStore(storage, { onNotice: (n) => notices.push(n) });
    store.setLessonComplete('a-rather-long-lesson-slug/that-does-not-fit', true);
    expect(notices.some((n) => n.kind === 'error' && /could not be saved/.test(n.message))).toBe(true);
  });
});
