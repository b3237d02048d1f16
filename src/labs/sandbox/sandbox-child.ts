// The grader's child process: loads one learner module and calls its handler when the parent asks. It
// runs under Node's permission model (it may read only its own folder) with the network locked, and it
// has no say in any verdict: it reports what the handler received, returned, logged and put on the bus,
// and the parent's bus and checks decide. Copied into the session folder with child-wire.ts and
// lock-network.ts: it imports nothing else.
import { createReadStream, readSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FD, MAX_TEXT, type BusReply, type ChildMessage, type InvokeContext, type ParentMessage } from './child-wire.ts';
import { lockNetwork } from './lock-network.ts';

lockNetwork();

// Our own references, taken before learner code can replace the built-ins.
const stringify = JSON.stringify;
const parse = JSON.parse;
const exit: (code: number) => never = process.exit.bind(process);
const labDir = join(import.meta.dirname, '..', 'files');

function send(m: ChildMessage): void {
  writeSync(FD.toParent, `${stringify(m)}\n`);
}

function cut(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s;
}

const filesUrl = `${pathToFileURL(labDir).href}/`;
/** An error as the learner should read it: their file names and lines, none of the grader's frames. */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return cut(String(e));
  const text = e.stack && e.stack.includes(e.message) ? e.stack : `${e.name}: ${e.message}`;
  const lines = text.split('\n').filter((l) => !/^\s+at /.test(l) || l.includes(filesUrl));
  return cut(lines.join('\n').split(filesUrl).join(''));
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

for (const [name, stream] of [['log', 'log'], ['info', 'log'], ['debug', 'log'], ['warn', 'error'], ['error', 'error']] as const) {
  console[name] = (...args: unknown[]) => send({ type: 'output', stream, text: cut(args.map(show).join(' ')) });
}

/** Calls in progress: a crash or an unhandled rejection fails each of them, then the process ends. */
const active = new Set<string>();
function die(message: string): never {
  for (const id of active) send({ type: 'threw', id, message });
  send({ type: 'fatal', message });
  exit(70);
}
process.on('uncaughtException', (e) => die(`Uncaught exception: ${describe(e)}`));
process.on('unhandledRejection', (e) => die(`Unhandled promise rejection (a promise failed and nothing caught it): ${describe(e)}`));

/** `context.bus.putEvents` is synchronous in the engine, so the child blocks until the parent answers. */
function busCall(id: string, input: unknown): unknown {
  send({ type: 'bus', id, input });
  const chunk = Buffer.alloc(64 * 1024);
  let text = '';
  while (!text.endsWith('\n')) {
    let n = 0;
    try {
      n = readSync(FD.busReply, chunk);
    } catch (e) {
      if ((e as { code?: string }).code === 'EAGAIN') continue;
      throw e;
    }
    if (n === 0) throw new Error('The grader closed the bus.');
    text += chunk.subarray(0, n).toString('utf8');
  }
  const reply = parse(text) as BusReply;
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}

type Handler = (event: unknown, context: unknown) => unknown;
let handler: Handler | undefined;

async function load(file: string, exportName: string): Promise<void> {
  try {
    const mod = (await import(pathToFileURL(join(labDir, file)).href)) as Record<string, unknown>;
    const fn = mod[exportName];
    if (typeof fn !== 'function') return send({ type: 'load-failed', message: `${file} has no exported function "${exportName}".` });
    handler = fn as Handler;
    send({ type: 'loaded' });
  } catch (e) {
    send({ type: 'load-failed', message: describe(e) });
  }
}

async function invoke(id: string, event: unknown, context: InvokeContext): Promise<void> {
  const bus = { putEvents: (input: unknown) => busCall(id, input) };
  active.add(id);
  try {
    const value = await handler!(event, { ...context, bus });
    // A rejection nobody handled during the call is reported before the call counts as returned.
    await new Promise((r) => setImmediate(r));
    let plain: unknown;
    try {
      plain = value === undefined ? undefined : parse(stringify(value) ?? 'null');
    } catch {
      plain = String(value);
    }
    send({ type: 'returned', id, ...(plain === undefined ? {} : { value: plain }) });
  } catch (e) {
    send({ type: 'threw', id, message: describe(e) });
  } finally {
    active.delete(id);
  }
}

const lines = createInterface({ input: createReadStream('', { fd: FD.fromParent }) });
lines.on('line', (line) => {
  const m = parse(line) as ParentMessage;
  if (m.type === 'load') void load(m.file, m.exportName);
  else void invoke(m.id, m.event, m.context);
});
