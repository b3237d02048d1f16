// The grader's child process: loads one learner module and calls its handler when the parent asks. It
// runs under Node's permission model (it may read only its own folder) with the network locked, and it
// has no say in any verdict: it reports what the handler received, returned, logged and put on the bus,
// and the parent's bus and checks decide. Its SDK client's requests go to the parent's bus over a pipe:
// the session's node_modules/@aws-sdk/client-eventbridge is the real SDK with this runtime's request
// handler (see sdk-shim.ts). Copied into the session folder with child-wire.ts and lock-network.ts, and
// lambda-context.ts one folder up (as in the repository): it imports nothing else.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createReadStream, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FD, MAX_TEXT, WIRE_KEY, type ChildMessage, type InvokeContext, type ParentMessage, type WireReply } from './child-wire.ts';
import { lambdaContext } from '../lambda-context.ts';
import type { WireRequest, WireResponse } from '../lab-wire.ts';
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

/** Which invocation a request belongs to: the async context of the handler call that made it. */
const calls = new AsyncLocalStorage<string>();
const waiting = new Map<number, { resolve(r: WireResponse): void; reject(e: Error): void }>();
let nextRid = 0;

/** The transport the SDK shim's request handler uses: one request to the parent's bus, answered on FD.wireReply. */
function wire(request: WireRequest): Promise<WireResponse> {
  const rid = ++nextRid;
  return new Promise((resolve, reject) => {
    waiting.set(rid, { resolve, reject });
    send({ type: 'http', id: calls.getStore() ?? '', rid, request });
  });
}
Object.defineProperty(globalThis, Symbol.for(WIRE_KEY), { value: wire, writable: false, configurable: false, enumerable: false });

// A socket, not a file stream: a file stream's read blocks a libuv thread, and a blocked thread would keep
// process.exit() from ending the process.
createInterface({ input: new Socket({ fd: FD.wireReply, readable: true, writable: false }) }).on('line', (line) => {
  const reply = parse(line) as WireReply;
  const w = waiting.get(reply.rid);
  if (!w) return;
  waiting.delete(reply.rid);
  if (reply.ok) w.resolve(reply.response);
  else w.reject(new Error(reply.message));
});

/** process.env as Lambda sets it for this function, replaced (not merged) for each invocation. */
function setEnv(env: Record<string, string>): void {
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, env);
}

type Handler = (event: unknown, context: unknown) => unknown;
let handler: Handler | undefined;

async function load(file: string, exportName: string, env: Record<string, string>): Promise<void> {
  setEnv(env);
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

async function invoke(id: string, event: unknown, inv: InvokeContext): Promise<void> {
  setEnv(inv.env);
  active.add(id);
  try {
    const value = await calls.run(id, () => handler!(event, lambdaContext(inv.context)));
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
  if (m.type === 'load') void load(m.file, m.exportName, m.env);
  else void invoke(m.id, m.event, m.invoke);
});
