// Where the board autosaves: one key in the browser's storage. A failed save is reported, never hidden,
// so the page can tell the room to download the board file before the work is lost.
import type { KeyValueStorage } from '../progress/progress-store.ts';
import { STORMING_PREFIX } from '../progress/progress-shape.ts';
import { parseBoard, serialiseBoard, type Board } from './board-format.ts';

// Under the progress store's storming prefix, so the Progress page's backup carries the board too.
export const BOARD_KEY = `${STORMING_PREFIX}board`;

export type SaveResult = { ok: true } | { ok: false; message: string };

export function saveBoard(storage: KeyValueStorage, board: Board): SaveResult {
  try {
    storage.setItem(BOARD_KEY, serialiseBoard(board));
    return { ok: true };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** The saved board, nothing when none is saved, or the reason the saved text cannot be read. */
export function loadSavedBoard(storage: KeyValueStorage): { board?: Board; problem?: string } {
  let text: string | null;
  try {
    text = storage.getItem(BOARD_KEY);
  } catch (e) {
    return { problem: `the browser refused to read the saved board (${(e as Error).message})` };
  }
  if (text === null) return {};
  const r = parseBoard(text);
  return r.ok ? { board: r.board } : { problem: `the saved board is not readable: ${r.problems.slice(0, 3).join('; ')}` };
}
