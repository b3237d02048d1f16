import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../progress/memory-storage.ts';
import { BOARD_KEY, loadSavedBoard, saveBoard } from './board-store.ts';
import { exampleBoard } from './example-board.ts';

describe('board autosave', () => {
  it('saves and loads the board', () => {
    const s = new MemoryStorage();
    expect(loadSavedBoard(s)).toEqual({});
    expect(saveBoard(s, exampleBoard())).toEqual({ ok: true });
    expect(loadSavedBoard(s).board).toEqual(exampleBoard());
  });

  it('reports a failed save (storage full) instead of hiding it', () => {
    const r = saveBoard(new MemoryStorage(100), exampleBoard());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/quota/);
  });

  it('says why a saved board cannot be read', () => {
    const s = new MemoryStorage();
    s.setItem(BOARD_KEY, '{"format":"eventbridge-storming-board","version":9}');
    expect(loadSavedBoard(s).problem).toMatch(/not readable: version/);
  });
});
