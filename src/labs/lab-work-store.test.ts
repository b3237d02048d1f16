import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LabWorkStore, type SaveState, type WorkStorage } from './lab-work-store.ts';

class MapStorage implements WorkStorage {
  map = new Map<string, string>();
  failWith: Error | undefined;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw this.failWith;
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

describe('LabWorkStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves under ebc:lab-work:<id> once edits pause for 300 ms', () => {
    const storage = new MapStorage();
    const states: SaveState[] = [];
    const store = new LabWorkStore('01-first-rule', storage, (s) => states.push(s));
    store.schedule({ 'p.json': '{' });
    store.schedule({ 'p.json': '{}' });
    vi.advanceTimersByTime(299);
    expect(storage.map.size).toBe(0);
    vi.advanceTimersByTime(1);
    const saved = JSON.parse(storage.getItem('ebc:lab-work:01-first-rule')!) as { files: Record<string, string>; version: number };
    expect(saved.files).toEqual({ 'p.json': '{}' });
    expect(saved.version).toBe(1);
    expect(states).toHaveLength(1);
    expect(states[0]!.ok).toBe(true);
  });

  it('flush saves a pending edit at once (pagehide) and does nothing when none is pending', () => {
    const storage = new MapStorage();
    const store = new LabWorkStore('x', storage);
    expect(store.flush()).toBeUndefined();
    store.schedule({ a: '1' });
    expect(store.flush()).toMatchObject({ ok: true });
    expect(storage.getItem('ebc:lab-work:x')).toContain('"a":"1"');
  });

  it('reports a full storage instead of swallowing it', () => {
    const storage = new MapStorage();
    storage.failWith = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const states: SaveState[] = [];
    const store = new LabWorkStore('x', storage, (s) => states.push(s));
    store.save({ a: '1' });
    expect(states[0]).toEqual({ ok: false, error: expect.stringContaining('storage is full') });
  });

  it('reports that nothing can be saved without storage', () => {
    const store = new LabWorkStore('x', undefined);
    expect(store.save({ a: '1' })).toMatchObject({ ok: false });
    expect(store.load({ a: 'starter' }).problem).toMatch(/blocks local storage/);
  });

  it('restores saved files over the starter, keeps new starter files and survives damage', () => {
    const storage = new MapStorage();
    storage.setItem('ebc:lab-work:x', JSON.stringify({ version: 1, files: { a: 'mine', gone: 'old' } }));
    const store = new LabWorkStore('x', storage);
    expect(store.load({ a: 'starter', b: 'new' })).toEqual({ files: { a: 'mine', b: 'new' }, restored: true });
    storage.setItem('ebc:lab-work:x', '{not json');
    const damaged = store.load({ a: 'starter' });
    expect(damaged.files).toEqual({ a: 'starter' });
    expect(damaged.problem).toMatch(/damaged/);
    expect(storage.getItem('ebc:lab-work:x')).toBe('{not json');
  });
});
