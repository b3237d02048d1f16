// Command line for the pattern engine:
//   npm run eventbridge -- test-pattern --pattern p.json --event e.json
//   npm run eventbridge -- test-pattern --pattern p.json --events events.jsonl
//   npm run eventbridge -- validate --pattern p.json
// Exit codes: 0 match (every event matched), 1 no match (at least one event did not),
// 2 invalid pattern, unreadable file, bad event or usage error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { explainMatch, validatePattern } from '../eventbridge/index.ts';
import type { MatchExplanation } from '../eventbridge/index.ts';

const HELP = `EventBridge pattern tester

Usage:
  npm run eventbridge -- test-pattern --pattern <pattern.json> --event <event.json>
  npm run eventbridge -- test-pattern --pattern <pattern.json> --events <events.jsonl>
  npm run eventbridge -- validate --pattern <pattern.json>
  npm run eventbridge -- --help

Commands:
  test-pattern   Test one event (--event) or a file with one event per line (--events)
                 against an event pattern, and explain the result field by field.
  validate       Check an event pattern and list its problems.

Options:
  --pattern <file>   The event pattern (JSON).
  --event <file>     One event (JSON).
  --events <file>    Events, one JSON object per line (blank lines are skipped).
  --quiet            Print only "match" / "no match" (one line per event).
  -h, --help         Show this help.

Exit codes:
  0  the event matched (with --events: every event matched; for validate: the pattern is valid)
  1  the event did not match (with --events: at least one event did not match)
  2  the pattern is invalid (each problem is listed with its JSON path), a file cannot be read,
     an event is not a JSON object, or the command line is wrong
`;

class UsageError extends Error {}

interface Args {
  command?: string;
  pattern?: string;
  event?: string;
  events?: string;
  quiet: boolean;
  help: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a file name`);
      return v;
    };
    if (arg === '--help' || arg === '-h') a.help = true;
    else if (arg === '--quiet') a.quiet = true;
    else if (arg === '--pattern') a.pattern = value();
    else if (arg === '--event') a.event = value();
    else if (arg === '--events') a.events = value();
    else if (arg.startsWith('--') && arg.includes('=')) {
      const [k, ...rest] = arg.split('=');
      argv.splice(i + 1, 0, rest.join('='));
      argv[i] = k as string;
      i--;
    } else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (a.command === undefined) a.command = arg;
    else throw new UsageError(`unexpected argument ${JSON.stringify(arg)}`);
  }
  return a;
}

function readText(file: string, what: string): string {
  // `npm run` starts scripts in the package root; INIT_CWD is where the learner typed the command.
  const full = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
  try {
    return readFileSync(full, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(`cannot read the ${what} file ${JSON.stringify(file)}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
  }
}

function printExplanation(x: MatchExplanation, out: string[]): void {
  out.push(x.matched ? 'match' : 'no match');
  out.push(`  ${x.summary}`);
  for (const f of x.fields) {
    const seen = f.values.length === 0 ? 'absent' : f.values.map((v) => JSON.stringify(v)).join(', ');
    // A reason the summary already gives is not said again.
    const reason = f.reason && !x.summary.includes(f.reason) ? ` — ${f.reason}` : '';
    out.push(`  ${f.matched ? '✓' : '✗'} ${f.path} = ${seen}${reason}`);
  }
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args.help || argv.length === 0) {
    process.stdout.write(HELP);
    return args.help ? 0 : 2;
  }
  if (args.command !== 'test-pattern' && args.command !== 'validate') {
    throw new UsageError(args.command === undefined ? 'no command given' : `unknown command ${JSON.stringify(args.command)}`);
  }
  if (!args.pattern) throw new UsageError('--pattern <file> is required');
  const patternText = readText(args.pattern, 'pattern');
  const problems = validatePattern(patternText);
  if (problems.length > 0) {
    process.stdout.write(`invalid pattern (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n`);
    for (const p of problems) process.stdout.write(`  ${p.path || '(pattern)'}: ${p.message}\n`);
    return 2;
  }
  if (args.command === 'validate') {
    process.stdout.write('valid pattern\n');
    return 0;
  }
  if ((args.event === undefined) === (args.events === undefined)) throw new UsageError('give exactly one of --event <file> or --events <file>');
  const out: string[] = [];
  if (args.event !== undefined) {
    const x = explainMatch(patternText, readText(args.event, 'event'));
    if (args.quiet) out.push(x.matched ? 'match' : 'no match');
    else printExplanation(x, out);
    process.stdout.write(`${out.join('\n')}\n`);
    return x.matched ? 0 : 1;
  }
  const lines = readText(args.events as string, 'events').split(/\r?\n/);
  let allMatched = true;
  let badLine = false;
  let count = 0;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    count++;
    try {
      const x = explainMatch(patternText, line);
      if (!x.matched) allMatched = false;
      out.push(args.quiet ? `${x.matched ? 'match' : 'no match'}` : `line ${i + 1}: ${x.matched ? 'match' : 'no match'} — ${x.summary}`);
    } catch (e) {
      badLine = true;
      out.push(`line ${i + 1}: error — ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  if (count === 0) throw new UsageError(`the events file ${JSON.stringify(args.events)} has no events`);
  process.stdout.write(`${out.join('\n')}\n`);
  return badLine ? 2 : allMatched ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`error: ${e.message}\nRun with --help for usage.\n`);
  } else {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  }
  process.exitCode = 2;
}
