// Pure operations on a board: each returns a new board and leaves the old one untouched, so undo is a
// list of earlier boards. Bounded-context membership is geometry: a note belongs to the context its centre is in.
import type { Board, BoundedContext, Sticky, StickyKind } from './board-format.ts';

export const STICKY_W = 128;
export const STICKY_H = 72;
/** Where a new note goes when the caller gives no position: along the timeline row. */
const TIMELINE_Y = 40;
const GAP = 16;

export function centre(s: Pick<Sticky, 'x' | 'y'>): { x: number; y: number } {
  return { x: s.x + STICKY_W / 2, y: s.y + STICKY_H / 2 };
}

export function contains(c: BoundedContext, p: { x: number; y: number }): boolean {
  return p.x >= c.x && p.x <= c.x + c.w && p.y >= c.y && p.y <= c.y + c.h;
}

/** Every context whose area holds the note's centre (more than one is a problem the step-5 check names). */
export function contextsOf(board: Board, s: Sticky): BoundedContext[] {
  const p = centre(s);
  return board.contexts.filter((c) => contains(c, p));
}

export function contextOf(board: Board, s: Sticky): BoundedContext | undefined {
  const all = contextsOf(board, s);
  return all.length === 1 ? all[0] : undefined;
}

export function findSticky(board: Board, id: string): Sticky | undefined {
  return board.stickies.find((s) => s.id === id);
}

/** A fresh id such as "event-7", unique among the board's notes and contexts. */
export function nextId(board: Board, prefix: string): string {
  const used = new Set([...board.stickies.map((s) => s.id), ...board.contexts.map((c) => c.id)]);
  let n = 1;
  while (used.has(`${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** Events in timeline order: left to right, then top to bottom. */
export function timeline(board: Board): Sticky[] {
  return board.stickies.filter((s) => s.kind === 'event').sort((a, b) => a.x - b.x || a.y - b.y);
}

export function addSticky(board: Board, note: { kind: StickyKind; text: string; x?: number; y?: number }, id = nextId(board, note.kind)): Board {
  const rightmost = board.stickies.reduce((m, s) => Math.max(m, s.x + STICKY_W), 0);
  const x = note.x ?? (board.stickies.length ? rightmost + GAP : GAP);
  const y = note.y ?? TIMELINE_Y;
  return { ...board, stickies: [...board.stickies, { id, kind: note.kind, text: note.text, x, y }] };
}

export function updateSticky(board: Board, id: string, patch: Partial<Omit<Sticky, 'id'>>): Board {
  return { ...board, stickies: board.stickies.map((s) => (s.id === id ? { ...s, ...patch } : s)) };
}

/** Moves notes; nothing goes past the board's top or left edge, where it could not be scrolled to. */
export function moveStickies(board: Board, ids: readonly string[], dx: number, dy: number): Board {
  const set = new Set(ids);
  return { ...board, stickies: board.stickies.map((s) => (set.has(s.id) ? { ...s, x: Math.max(0, s.x + dx), y: Math.max(0, s.y + dy) } : s)) };
}

/** Removes notes and contexts, and every reference to a removed note. */
export function deleteItems(board: Board, ids: readonly string[]): Board {
  const gone = new Set(ids);
  const keep = (v: string | undefined) => (v !== undefined && gone.has(v) ? undefined : v);
  const stickies = board.stickies
    .filter((s) => !gone.has(s.id))
    .map((s) => {
      const out: Sticky = { ...s };
      for (const key of ['trigger', 'aggregate', 'owner'] as const) {
        if (keep(out[key]) === undefined) delete out[key];
      }
      if (out.consumers) out.consumers = out.consumers.filter((c) => !gone.has(c));
      if (out.aggregates) out.aggregates = out.aggregates.filter((c) => !gone.has(c));
      return out;
    });
  return { ...board, stickies, contexts: board.contexts.filter((c) => !gone.has(c.id)) };
}

export function addContext(board: Board, name: string, rect?: Partial<Pick<BoundedContext, 'x' | 'y' | 'w' | 'h'>>, id = nextId(board, 'context')): Board {
  const below = [...board.stickies.map((s) => s.y + STICKY_H), ...board.contexts.map((c) => c.y + c.h), TIMELINE_Y].reduce((a, b) => Math.max(a, b), 0);
  const c: BoundedContext = { id, name, x: rect?.x ?? GAP, y: rect?.y ?? below + GAP * 2, w: rect?.w ?? 600, h: rect?.h ?? 260 };
  return { ...board, contexts: [...board.contexts, c] };
}

export function updateContext(board: Board, id: string, patch: Partial<Omit<BoundedContext, 'id'>>): Board {
  return { ...board, contexts: board.contexts.map((c) => (c.id === id ? { ...c, ...patch, w: Math.max(160, patch.w ?? c.w), h: Math.max(120, patch.h ?? c.h) } : c)) };
}

/** Moves a context with the notes inside it, as moving a sheet of paper on the wall would. */
export function moveContext(board: Board, id: string, dx: number, dy: number): Board {
  const c = board.contexts.find((x) => x.id === id);
  if (!c) return board;
  const inside = board.stickies.filter((s) => contextOf(board, s)?.id === id).map((s) => s.id);
  // clamp the context first, then move its notes by the distance it really moved
  const mx = Math.max(0, c.x + dx) - c.x;
  const my = Math.max(0, c.y + dy) - c.y;
  return moveStickies(updateContext(board, id, { x: c.x + mx, y: c.y + my }), inside, mx, my);
}

/** Groups notes into a context: lays them out in free rows inside its area (step 4 and 5's "move them together"). */
export function groupInto(board: Board, ids: readonly string[], contextId: string): Board {
  const c = board.contexts.find((x) => x.id === contextId);
  if (!c) return board;
  const moving = new Set(ids);
  const perRow = Math.max(1, Math.floor((c.w - GAP) / (STICKY_W + GAP)));
  const taken = new Set(board.stickies.filter((s) => !moving.has(s.id) && contextOf(board, s)?.id === contextId).map((s) => slotOf(c, s, perRow)));
  let slot = 0;
  let next = board;
  for (const id of ids) {
    while (taken.has(slot)) slot += 1;
    taken.add(slot);
    const x = c.x + GAP + (slot % perRow) * (STICKY_W + GAP);
    const y = c.y + 36 + Math.floor(slot / perRow) * (STICKY_H + GAP);
    next = updateSticky(next, id, { x, y });
  }
  const rows = Math.ceil((slot + 1) / perRow);
  const needH = 36 + rows * (STICKY_H + GAP) + GAP;
  return needH > c.h ? updateContext(next, contextId, { h: needH }) : next;
}

function slotOf(c: BoundedContext, s: Sticky, perRow: number): number {
  const col = Math.round((s.x - c.x - GAP) / (STICKY_W + GAP));
  const row = Math.round((s.y - c.y - 36) / (STICKY_H + GAP));
  return row * perRow + Math.min(perRow - 1, Math.max(0, col));
}

/** The size of the drawing: every note and context, with a margin. */
export function extent(board: Board): { w: number; h: number } {
  const xs = [...board.stickies.map((s) => s.x + STICKY_W), ...board.contexts.map((c) => c.x + c.w), 400];
  const ys = [...board.stickies.map((s) => s.y + STICKY_H), ...board.contexts.map((c) => c.y + c.h), 200];
  return { w: Math.max(...xs) + GAP * 2, h: Math.max(...ys) + GAP * 2 };
}
