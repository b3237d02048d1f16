import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBoard } from '../storming/board-format.ts';
import { main, writeFiles } from './storming.ts';

const dir = mkdtempSync(join(tmpdir(), 'storming-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  return { code: main(args, (s) => lines.push(s)), lines };
}

describe('storming CLI', () => {
  it('prints the example board, which checks clean', () => {
    const { code, lines } = run(['example']);
    expect(code).toBe(0);
    expect(parseBoard(lines.join('\n')).ok).toBe(true);
    writeFileSync(join(dir, 'board.json'), lines.join('\n'));
    expect(run(['check', join(dir, 'board.json')])).toEqual({ code: 0, lines: ['The board passes the checks of all eight steps.'] });
  });

  it('exports each kind into a folder', () => {
    const board = join(dir, 'board.json');
    writeFileSync(board, run(['example']).lines.join('\n'));
    for (const [kind, file] of [['schemas', 'food.orders@OrderPlaced.json'], ['eventcatalog', 'events/OrderPlaced/index.mdx'], ['cloudformation', 'template.json'], ['lab', 'checks.json']] as const) {
      const out = join(dir, kind);
      const r = run(['export', board, '--to', kind, '--out', out]);
      expect(r.code, r.lines.join('\n')).toBe(0);
      expect(existsSync(join(out, file)), `${kind}: ${file}`).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(dir, 'cloudformation', 'template.json'), 'utf8')).Resources.Bus.Type).toBe('AWS::Events::EventBus');
  });

  it('explains bad input and refuses to write outside the folder', () => {
    writeFileSync(join(dir, 'bad.json'), '{"format":"x"}');
    const r = run(['export', join(dir, 'bad.json'), '--to', 'lab', '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.lines[0]).toMatch(/is not a storming board/);
    expect(run(['export', join(dir, 'board.json'), '--to', 'zip', '--out', dir]).lines[0]).toMatch(/--to must be one of/);
    expect(() => writeFiles(join(dir, 'safe'), { '../escape.txt': 'x' })).toThrow(/outside/);
    expect(run(['frobnicate']).code).toBe(2);
    expect(run([]).lines[0]).toMatch(/^Usage:/);
  });

  it('draws the board as an SVG file', () => {
    const r = run(['picture', join(dir, 'board.json'), '--out', join(dir, 'pic', 'board.svg')]);
    expect(r.code, r.lines.join('\n')).toBe(0);
    expect(readFileSync(join(dir, 'pic', 'board.svg'), 'utf8')).toMatch(/^<svg /);
  });

  it('runs as npm run storming', () => {
    const r = spawnSync(process.execPath, ['src/cli/storming.ts', 'check', join(dir, 'board.json')], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toMatch(/passes the checks/);
    expect(r.status).toBe(0);
  });
});
