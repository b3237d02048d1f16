// The JSON Schema of the board file, generated from the one zod schema. `board.schema.json` in this folder
// is its output, committed so tools without our code can validate a board (a test keeps it current).
import * as z from 'zod/mini';
import { boardSchema, BOARD_VERSION } from './board-format.ts';

export function boardJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(boardSchema, { target: 'draft-7' }) as Record<string, unknown>;
  return {
    ...generated,
    title: `EventBridge Storming board, format version ${BOARD_VERSION}`,
  };
}
