import { describe, expect, it } from 'vitest';
import { emptyBoard, type Board } from './board-format.ts';
import { addContext, addSticky, contextOf, deleteItems, groupInto, moveContext, moveStickies, nextId, timeline, updateContext, updateSticky, STICKY_W } from './board-model.ts';
import { record, redo, startHistory, undo, HISTORY_LIMIT } from './history.ts';

function small(): Board {
  let b = addSticky(emptyBoard(), { kind: 'event', text: 'Order placed' }, 'e1');
  b = addSticky(b, { kind: 'event', text: 'Order paid' }, 'e2');
  b = addSticky(b, { kind: 'service', text: 'orders' }, 's1');
  return addContext(b, 'Ordering', { x: 0, y: 300, w: 400, h: 200 }, 'c1');
}

describe('board model', () => {
  it('puts new notes along the timeline, left to right, and returns a new board', () => {
    const b0 = emptyBoard();
    const b1 = addSticky(b0, { kind: 'event', text: 'A happened' });
    const b2 = addSticky(b1, { kind: 'event', text: 'B happened' });
    expect(b0.stickies).toEqual([]);
    expect(b2.stickies[1]!.x).toBeGreaterThanOrEqual(b2.stickies[0]!.x + STICKY_W);
    expect(timeline(b2).map((s) => s.text)).toEqual(['A happened', 'B happened']);
    expect(nextId(b2, 'event')).toBe('event-3');
  });

  it('orders the timeline by position, not by creation', () => {
    const b = moveStickies(small(), ['e1'], 1000, 0);
    expect(timeline(b).map((s) => s.id)).toEqual(['e2', 'e1']);
  });

  it('groups notes into a context without overlapping, and membership follows position', () => {
    let b = groupInto(small(), ['e1', 'e2', 's1'], 'c1');
    const xs = b.stickies.map((s) => `${s.x},${s.y}`);
    expect(new Set(xs).size).toBe(3);
    expect(b.stickies.every((s) => contextOf(b, s)?.id === 'c1')).toBe(true);
    b = moveStickies(b, ['e1'], 0, -400);
    expect(contextOf(b, b.stickies[0]!)).toBeUndefined();
  });

  it('grows a context when the notes grouped into it need more room', () => {
    let b = small();
    for (let i = 0; i < 9; i++) b = addSticky(b, { kind: 'event', text: `E${i} happened` }, `x${i}`);
    b = groupInto(b, b.stickies.map((s) => s.id), 'c1');
    expect(b.contexts[0]!.h).toBeGreaterThan(200);
    expect(b.stickies.every((s) => contextOf(b, s)?.id === 'c1')).toBe(true);
  });

  it('moves a context with the notes inside it, and keeps a minimum size', () => {
    let b = groupInto(small(), ['e1'], 'c1');
    b = moveContext(b, 'c1', 50, 20);
    expect(b.contexts[0]).toMatchObject({ x: 50, y: 320 });
    expect(contextOf(b, b.stickies.find((s) => s.id === 'e1')!)?.id).toBe('c1');
    expect(b.stickies.find((s) => s.id === 'e2')!.y).toBe(small().stickies[1]!.y);
    expect(updateContext(b, 'c1', { w: 10, h: 10 }).contexts[0]).toMatchObject({ w: 160, h: 120 });
  });

  it('keeps notes and contexts inside the top and left edges', () => {
    let b = groupInto(small(), ['e1'], 'c1');
    b = moveStickies(b, ['e2'], -5000, -5000);
    expect(b.stickies.find((s) => s.id === 'e2')).toMatchObject({ x: 0, y: 0 });
    b = moveContext(b, 'c1', -50, -1000);
    expect(b.contexts[0]).toMatchObject({ x: 0, y: 0 });
    expect(contextOf(b, b.stickies.find((s) => s.id === 'e1')!)?.id).toBe('c1');
  });

  it('deletes notes and every reference to them', () => {
    let b = updateSticky(small(), 'e1', { owner: 's1', consumers: ['s1'], trigger: 's1' });
    b = deleteItems(b, ['s1', 'c1']);
    expect(b.stickies.map((s) => s.id)).toEqual(['e1', 'e2']);
    expect(b.stickies[0]).toEqual({ id: 'e1', kind: 'event', text: 'Order placed', x: 16, y: 40, consumers: [] });
    expect(b.contexts).toEqual([]);
  });
});

describe('history', () => {
  it('undoes and redoes, and a new change clears the redo list', () => {
    let h = startHistory(1);
    h = record(h, 2);
    h = record(h, 3);
    h = undo(h);
    expect(h.present).toBe(2);
    h = redo(h);
    expect(h.present).toBe(3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(undo(h)).toBe(h);
    h = record(h, 9);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });

  it('keeps at most HISTORY_LIMIT earlier states and ignores non-changes', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = record(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(record(h, h.present)).toBe(h);
  });
});
