import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { boardJsonSchema } from './board-json-schema.ts';
import { emptyBoard, parseBoard, serialiseBoard } from './board-format.ts';
import { exampleBoard } from './example-board.ts';

const schemaFile = JSON.parse(readFileSync(new URL('./board.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('the board file format', () => {
  it('round-trips a board through its file text', () => {
    const b = exampleBoard();
    const again = parseBoard(serialiseBoard(b));
    expect(again).toEqual({ ok: true, board: b });
  });

  it('names the path of every problem in a bad file', () => {
    const bad = { ...emptyBoard(), version: 2, stickies: [{ id: 'a', kind: 'banana', text: 'x', x: 0, y: 0 }] };
    const r = parseBoard(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.some((p) => p.startsWith('version'))).toBe(true);
      expect(r.problems.some((p) => p.startsWith('stickies.0.kind'))).toBe(true);
    }
    expect(parseBoard('{not json').ok).toBe(false);
  });

  it('refuses an id used twice', () => {
    const b = emptyBoard();
    const dup = { ...b, stickies: [{ id: 'a', kind: 'event', text: 'A happened', x: 0, y: 0 }, { id: 'a', kind: 'event', text: 'B happened', x: 0, y: 0 }] };
    expect(parseBoard(dup)).toEqual({ ok: false, problems: ['id "a" is used twice'] });
  });

  it('keeps board.schema.json equal to the schema in code, and the schema accepts the example', () => {
    expect(schemaFile).toEqual(boardJsonSchema());
    const validate = new Ajv({ strict: false }).compile(schemaFile);
    expect(validate(exampleBoard())).toBe(true);
    expect(validate({ ...exampleBoard(), format: 'something-else' })).toBe(false);
  });
});
