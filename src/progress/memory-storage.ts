import type { KeyValueStorage } from './progress-store.ts';

/** An in-memory KeyValueStorage: for tests, and as a fallback when the browser blocks localStorage. */
export class MemoryStorage implements KeyValueStorage {
  readonly #map = new Map<string, string>();
  readonly #quota: number;

  constructor(quotaBytes = Infinity) {
    this.#quota = quotaBytes;
  }

  get length(): number {
    return this.#map.size;
  }

  key(index: number): string | null {
    return [...this.#map.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    let used = value.length + key.length;
    for (const [k, v] of this.#map) if (k !== key) used += k.length + v.length;
    if (used > this.#quota) throw new Error('QuotaExceededError: the storage quota has been exceeded');
    this.#map.set(key, value);
  }

  removeItem(key: string): void {
    this.#map.delete(key);
  }
}
