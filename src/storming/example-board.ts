// The course's worked example (module 6): the food-delivery domain as a finished board.
import raw from './examples/food-delivery.board.json' with { type: 'json' };
import { parseBoard, type Board } from './board-format.ts';

export function exampleBoard(): Board {
  const r = parseBoard(structuredClone(raw));
  if (!r.ok) throw new Error(`The example board is not valid: ${r.problems.join('; ')}`);
  return r.board;
}
