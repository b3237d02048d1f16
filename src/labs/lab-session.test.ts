import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIVE_FILE_PREFIX, LabSession, type LabSessionEvents } from './lab-session.ts';
import type { LabRunner, MountedLab } from './lab-runner.ts';
import type { LabCheckReport, LabRunReport } from './lab-types.ts';
import type { WorkStorage } from './lab-work-store.ts';
import { parseLabDefinition } from './lab-definition.ts';

class MapStorage implements WorkStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** A runner that records what it was given and answers what the test says. */
class FakeRunner implements LabRunner {
  readonly kind = 'worker' as const;
  mounted: MountedLab[] = [];
  disposed = 0;
  release: (() => void) | undefined;
  async mount(lab: MountedLab) {
    this.mounted.push(lab);
  }
  async run(): Promise<LabRunReport> {
    await new Promise<void>((r) => (this.release = r));
    return { trace: [], output: [{ stream: 'log', text: `ran ${Object.keys(this.mounted.at(-1)!.files).join(',')}` }] };
  }
  async check(opts: { signal?: AbortSignal } = {}): Promise<LabCheckReport> {
    return { results: [{ id: 't', title: 't', status: opts.signal?.aborted ? 'error' : 'passed' }], passed: true, output: [] };
  }
  dispose() {
    this.disposed++;
  }
}

const definition = parseLabDefinition({
  bus: { rules: [{ name: 'r', pattern: { file: 'a.json' }, targets: [{ id: 'x', logGroup: '/x' }] }] },
  events: { e: { source: 's', 'detail-type': 'D', detail: {} } },
  checks: [{ id: 'valid', type: 'pattern-valid', file: 'a.json', title: 't', failure: 'f' }],
});
const starter = { 'a.json': 'A0', 'b.json': 'B0' };
const fileSpecs = [{ path: 'a.json' }, { path: 'b.json' }];
const KEY = 'ebc:lab-work:01-test';

function session(storage = new MapStorage(), events: LabSessionEvents = {}, tabStorage = new MapStorage()) {
  const runner = new FakeRunner();
  const s = new LabSession({ labId: '01-test', definition, starter, fileSpecs, runner, storage, tabStorage, saveDelayMs: 10 }, events);
  return { s, runner, storage, tabStorage };
}

describe('LabSession', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('autosaves edits and restores them, with the file that was open', () => {
    const { s, storage, tabStorage } = session();
    expect(s.load()).toEqual({ restored: false });
    expect(s.current).toBe('a.json');
    s.edit('b.json', 'B1');
    s.select('b.json');
    vi.advanceTimersByTime(10);
    expect(JSON.parse(storage.map.get(KEY)!).files).toEqual({ 'a.json': 'A0', 'b.json': 'B1' });
    const again = session(storage, {}, tabStorage).s;
    expect(again.load()).toEqual({ restored: true });
    expect(again.files['b.json']).toBe('B1');
    expect(again.current).toBe('b.json');
    expect(tabStorage.map.get(`${ACTIVE_FILE_PREFIX}01-test`)).toBe('b.json');
  });

  it('flushes before a run, mounts the current files, and refuses a second run while busy', async () => {
    vi.useRealTimers();
    const busy: boolean[] = [];
    const { s, runner, storage } = session(new MapStorage(), { busy: (on) => busy.push(on) });
    s.load();
    s.edit('a.json', 'A1');
    const first = s.run();
    expect(await s.run()).toBeUndefined();
    await vi.waitFor(() => expect(runner.release).toBeDefined());
    expect(JSON.parse(storage.map.get(KEY)!).files['a.json']).toBe('A1');
    expect(runner.mounted[0]!.files['a.json']).toBe('A1');
    runner.release!();
    expect((await first)?.output[0]?.text).toBe('ran a.json,b.json');
    expect(busy).toEqual([true, false]);
  });

  it('a WebContainer runner takes over Run and Check, and handing back disposes it', async () => {
    vi.useRealTimers();
    const { s, runner } = session();
    s.load();
    const wc = new FakeRunner();
    s.useRunner(wc);
    expect(s.usingExtraRunner).toBe(true);
    await s.check();
    expect(wc.mounted).toHaveLength(1);
    expect(runner.mounted).toHaveLength(0);
    s.useRunner(undefined);
    expect(wc.disposed).toBe(1);
    await s.check();
    expect(runner.mounted).toHaveLength(1);
  });

  it('takes a file another tab changed when this tab did not touch it', () => {
    const replaced: string[][] = [];
    const { s } = session(new MapStorage(), { filesReplaced: (p, from) => replaced.push([...p, from]) });
    s.load();
    s.externalChange(KEY, JSON.stringify({ version: 1, files: { 'a.json': 'A-other', 'b.json': 'B0' }, savedAt: '' }));
    expect(s.files['a.json']).toBe('A-other');
    expect(replaced).toEqual([['a.json', 'other-tab']]);
  });

  it('keeps this tab\'s edit and warns when both tabs changed the same file', () => {
    const conflicts: string[][] = [];
    const { s } = session(new MapStorage(), { conflict: (p) => conflicts.push(p) });
    s.load();
    s.edit('a.json', 'A-mine');
    s.externalChange(KEY, JSON.stringify({ version: 1, files: { 'a.json': 'A-theirs', 'b.json': 'B-theirs' }, savedAt: '' }));
    expect(s.files).toEqual({ 'a.json': 'A-mine', 'b.json': 'B-theirs' });
    expect(conflicts).toEqual([['a.json']]);
  });

  it('two tabs saving at nearly the same time: the second merges the first one\'s save before writing', () => {
    const storage = new MapStorage();
    const conflicts: string[][] = [];
    const a = session(storage).s;
    const b = session(storage, { conflict: (p) => conflicts.push(p) }).s;
    a.load();
    b.load();
    a.edit('a.json', 'A-from-a');
    b.edit('a.json', 'A-from-b');
    b.edit('b.json', 'B-from-b');
    a.flush(); // saved, and b has not heard of it yet
    b.flush();
    expect(conflicts).toEqual([['a.json']]);
    expect(JSON.parse(storage.map.get(KEY)!).files).toEqual({ 'a.json': 'A-from-b', 'b.json': 'B-from-b' });
  });

  it('ignores other keys, removals, damaged values and files that are not in the lab', () => {
    const { s } = session();
    s.load();
    s.externalChange('ebc:lab-work:02-other', JSON.stringify({ files: { 'a.json': 'X' } }));
    s.externalChange(KEY, null);
    s.externalChange(KEY, '{not json');
    s.externalChange(KEY, JSON.stringify({ files: { 'evil.json': 'X' } }));
    expect(s.files).toEqual(starter);
  });

  it('reset puts the starter back, saves it and tells the view', () => {
    const replaced: string[][] = [];
    const { s, storage } = session(new MapStorage(), { filesReplaced: (p, from) => replaced.push([...p, from]) });
    s.load();
    s.edit('a.json', 'A1');
    s.reset();
    expect(s.files).toEqual(starter);
    expect(JSON.parse(storage.map.get(KEY)!).files).toEqual(starter);
    expect(replaced).toEqual([['a.json', 'b.json', 'reset']]);
  });
});
