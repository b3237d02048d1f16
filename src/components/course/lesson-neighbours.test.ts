import { describe, expect, it } from 'vitest';
import { labNeighbours, practiseLinks } from './lesson-neighbours.ts';

const outline = [
  { lessons: [{ id: 'a/1' }, { id: 'a/2' }], labs: [] },
  { lessons: [{ id: 'b/1' }, { id: 'b/2' }], labs: [{ id: '01-x', title: 'X' }, { id: '02-y', title: 'Y' }] },
  { lessons: [{ id: 'c/1' }, { id: 'c/2' }], labs: [] },
];

describe('lesson neighbours', () => {
  it('sends the last lesson of a module with labs to its first lab, and back from the next module to its last lab', () => {
    expect(labNeighbours(outline, 'b/2', '/base')).toEqual({ next: { href: '/base/labs/01-x/', label: 'Lab: X' } });
    expect(labNeighbours(outline, 'c/1')).toEqual({ prev: { href: '/labs/02-y/', label: 'Lab: Y' } });
  });

  it('keeps Starlight links elsewhere', () => {
    expect(labNeighbours(outline, 'a/2')).toEqual({});
    expect(labNeighbours(outline, 'b/1')).toEqual({});
    expect(labNeighbours(outline, 'nope')).toEqual({});
  });

  it('lists the practise links of known labs only', () => {
    expect(practiseLinks(['02-y', 'zz'], outline[1]!.labs)).toEqual([{ href: '/labs/02-y/', label: 'Y' }]);
  });
});
