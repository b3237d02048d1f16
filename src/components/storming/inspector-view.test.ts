import { describe, expect, it } from 'vitest';
import { parseBoard } from '../../storming/board-format.ts';
import { updateSticky } from '../../storming/board-model.ts';
import { exampleBoard } from '../../storming/example-board.ts';
import { fieldName } from './inspector-view.ts';

describe('field names typed in the inspector', () => {
  it('are mended into identifiers the board format accepts', () => {
    expect(fieldName('order id')).toBe('order_id');
    expect(fieldName('2nd-line')).toBe('_2nd_line');
    expect(fieldName('x'.repeat(100))).toHaveLength(64);
    for (const raw of ['order id', '2nd-line', '  ', 'é<script>', 'x'.repeat(100)]) {
      const b = updateSticky(exampleBoard(), 'ev-order-placed', { fields: [{ name: fieldName(raw), type: 'string', required: true }] });
      expect(parseBoard(JSON.parse(JSON.stringify(b))).ok, raw).toBe(true);
    }
  });
});
