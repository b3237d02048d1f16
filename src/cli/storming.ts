// `npm run storming -- example` | `check <board.json>` | `export <board.json> --to <kind> --out <dir>` |
// `picture <board.json> --out <file.svg>`: the EventBridge Storming board's file, checks and exports
// from the command line, so a session's board can go into CI or a repository.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { parseBoard, serialiseBoard, type Board } from '../storming/board-format.ts';
import { boardSvg } from '../storming/board-svg.ts';
import { exampleBoard } from '../storming/example-board.ts';
import { EXPORT_KINDS, exportBoard, isExportKind } from '../storming/exports.ts';
import { checkThrough } from '../storming/step-checks.ts';

const USAGE = `Usage:
  npm run storming -- example                       print the food-delivery example board (JSON)
  npm run storming -- check <board.json>            list the board's problems, step by step
  npm run storming -- export <board.json> --to <${EXPORT_KINDS.join('|')}> --out <dir>
  npm run storming -- picture <board.json> --out <file.svg>`;

function option(args: string[], name: string): string {
  const i = args.indexOf(name);
  const v = i >= 0 ? args[i + 1] : undefined;
  if (!v || v.startsWith('--')) throw new Error(`${name} is required. ${USAGE.split('\n').find((l) => l.includes(name))?.trim() ?? ''}`);
  return v;
}

function readBoard(path: string | undefined): Board {
  if (!path || path.startsWith('--')) throw new Error('Give the board file, e.g. board.json (npm run storming -- example > board.json).');
  const r = parseBoard(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path} is not a storming board:\n- ${r.problems.join('\n- ')}`);
  return r.board;
}

/** Writes files under `dir`, refusing any path that would land outside it. */
export function writeFiles(dir: string, files: Record<string, string>): string[] {
  const root = resolve(dir);
  return Object.entries(files).map(([rel, text]) => {
    const target = resolve(root, rel);
    if (!target.startsWith(root + sep)) throw new Error(`refusing to write outside ${root}: ${rel}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    return target;
  });
}

type Command = (args: string[], out: (s: string) => void) => number;

const COMMANDS: Record<string, Command> = {
  example: (_args, out) => {
    out(serialiseBoard(exampleBoard()).trimEnd());
    return 0;
  },
  check: (args, out) => {
    const problems = checkThrough(readBoard(args[0]));
    for (const p of problems) out(`step ${p.step}: ${p.message}`);
    out(problems.length ? `${problems.length} problem(s).` : 'The board passes the checks of all eight steps.');
    return problems.length ? 1 : 0;
  },
  export: (args, out) => {
    const board = readBoard(args[0]);
    const kind = option(args, '--to');
    if (!isExportKind(kind)) throw new Error(`--to must be one of: ${EXPORT_KINDS.join(', ')}`);
    const dir = option(args, '--out');
    const written = writeFiles(dir, exportBoard(board, kind));
    const problems = checkThrough(board).length;
    if (problems) out(`note: the board has ${problems} problem(s) (npm run storming -- check ${args[0]}); the export covers what is complete.`);
    out(`Wrote ${written.length} file(s) to ${resolve(dir)}.`);
    return 0;
  },
  picture: (args, out) => {
    const file = resolve(option(args, '--out'));
    writeFiles(dirname(file), { [basename(file)]: boardSvg(readBoard(args[0])) });
    out(`Wrote ${file}.`);
    return 0;
  },
};

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(`${s}\n`)): number {
  const [command = 'help', ...rest] = argv;
  const run = COMMANDS[command];
  if (!run) {
    out(USAGE);
    return ['help', '--help'].includes(command) ? 0 : 2;
  }
  try {
    return run(rest, out);
  } catch (e) {
    out(`error: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exitCode = main(process.argv.slice(2));
}
