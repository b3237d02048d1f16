import { describe, expect, it } from 'vitest';
import { emptyBoard, type Board } from './board-format.ts';
import { addContext, addSticky, groupInto, updateSticky } from './board-model.ts';
import { checkStep, checkThrough, looksPastTense } from './step-checks.ts';
import { STEPS } from './steps.ts';
import { exampleBoard } from './example-board.ts';

const ids = (b: Board, step: number) => checkStep(b, step).map((p) => p.itemId ?? '(board)');

describe('step checks', () => {
  it('has eight steps, step 3 with the course\'s stated basis', () => {
    expect(STEPS.map((s) => s.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(STEPS[2]!.basis).toMatch(/slides skip step 3/);
  });

  it('finds the worked example complete through step 8', () => {
    expect(checkThrough(exampleBoard())).toEqual([]);
  });

  it('step 1: wants events, in the past tense', () => {
    expect(looksPastTense('Order placed')).toBe(true);
    expect(looksPastTense('Dish sold out')).toBe(true);
    expect(looksPastTense('Assign courier')).toBe(false);
    expect(ids(emptyBoard(), 1)).toEqual(['(board)']);
    const b = addSticky(addSticky(emptyBoard(), { kind: 'event', text: 'Order placed' }, 'a'), { kind: 'event', text: 'Assign courier' }, 'b');
    expect(ids(b, 1)).toEqual(['b']);
  });

  it('step 2: flags duplicates and open hot spots', () => {
    let b = addSticky(emptyBoard(), { kind: 'event', text: 'Order placed' }, 'a');
    b = addSticky(b, { kind: 'event', text: 'order  placed' }, 'b');
    b = addSticky(b, { kind: 'hotspot', text: 'Timeout?' }, 'h');
    expect(ids(b, 2)).toEqual(['b', 'h']);
  });

  it('step 3: every event needs a trigger of a trigger kind, or time', () => {
    let b = addSticky(emptyBoard(), { kind: 'event', text: 'Order placed' }, 'a');
    b = addSticky(b, { kind: 'event', text: 'Order expired' }, 'b');
    b = addSticky(b, { kind: 'event', text: 'Order paid' }, 'c');
    b = addSticky(b, { kind: 'command', text: 'Place order' }, 'cmd');
    b = updateSticky(updateSticky(b, 'a', { trigger: 'cmd' }), 'b', { trigger: 'time' });
    expect(ids(b, 3)).toEqual(['c']);
    expect(ids(updateSticky(b, 'c', { trigger: 'a' }), 3)).toEqual(['c']);
  });

  it('steps 4 to 6: aggregates, one context per event, an owner service in the same context', () => {
    let b = addSticky(emptyBoard(), { kind: 'event', text: 'Order placed' }, 'e');
    b = addSticky(b, { kind: 'aggregate', text: 'Order' }, 'agg');
    expect(ids(b, 4)).toEqual(['e']);
    b = updateSticky(b, 'e', { aggregate: 'agg' });
    expect(ids(b, 4)).toEqual([]);
    expect(ids(b, 5)).toEqual(['(board)', 'e', 'agg']);
    b = addContext(b, 'Ordering', { x: 0, y: 200, w: 600, h: 200 }, 'c1');
    b = addContext(b, 'Kitchen', { x: 700, y: 200, w: 600, h: 200 }, 'c2');
    b = groupInto(b, ['e', 'agg'], 'c1');
    expect(ids(b, 5)).toEqual([]);
    b = addSticky(b, { kind: 'service', text: 'kitchen' }, 's');
    b = groupInto(b, ['s'], 'c2');
    b = updateSticky(b, 'e', { owner: 's' });
    b = updateSticky(b, 's', { aggregates: ['agg'] });
    const six = checkStep(b, 6).map((p) => p.message);
    expect(six.some((m) => m.includes('another context: an aggregate in two contexts means two services'))).toBe(true);
    expect(six.some((m) => m.includes('a service of another context'))).toBe(true);
    b = groupInto(b, ['s'], 'c1');
    expect(ids(b, 6)).toEqual([]);
  });

  it('step 7: a valid custom bus, a source prefix, consumers other than the producer', () => {
    const ex = exampleBoard();
    expect(checkStep({ ...ex, bus: { name: 'default', sourcePrefix: 'food' } }, 7)).toHaveLength(1);
    expect(checkStep({ ...ex, bus: { name: 'has/slash', sourcePrefix: 'aws.food' } }, 7)).toHaveLength(2);
    const selfish = updateSticky(ex, 'ev-order-placed', { consumers: ['svc-orders'] });
    expect(ids(selfish, 7)).toEqual(['ev-order-placed']);
  });

  it('step 8: fields, unique, at least one required', () => {
    const ex = exampleBoard();
    const b = updateSticky(updateSticky(ex, 'ev-order-placed', { fields: [] }), 'ev-order-rated', { fields: [{ name: 'a', type: 'string', required: false }, { name: 'a', type: 'integer', required: false }] });
    expect(ids(b, 8)).toEqual(['ev-order-placed', 'ev-order-rated', 'ev-order-rated']);
  });
});
