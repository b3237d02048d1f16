// The inline code (Code.ZipFile) of each deployed function. CloudFormation writes it to index.js, which
// Lambda loads as CommonJS (ES modules are not supported inline: CloudFormation's Code reference). The
// learner's handler runs as written, with the real event and Lambda context. What `verify` reads back comes
// from the SDK's own extension point: the learner's module gets a `require` whose EventBridgeClient is the
// real one plus a middleware that logs and marks each PutEvents, so no line of learner code is rewritten.

import type { Transpile } from './commonjs.ts';

/** Log line prefixes `verify` parses. */
export const CALL_MARK = 'COURSE_CALL ';
export const EMIT_MARK = 'COURSE_EMIT ';
export const LOOP_MARK = 'COURSE_LOOP ';
/** Logged when the learner's handler throws: the invocation fails (and Lambda retries it). */
export const FAIL_MARK = 'COURSE_FAIL ';
/** Detail fields the wrapper adds to emitted events so a chain of events can be traced to its sample event. */
export const ROOT_FIELD = 'x-course-root';
export const HOP_FIELD = 'x-course-hop';
/** A chain longer than this is a loop: the wrapper stops emitting, so a starter that loops costs nothing. */
export const MAX_HOPS = 8;
/** Our own bound on inline code, not CloudFormation's: its Code.ZipFile reference dropped the old 4,096-character
 * limit in 2022 (aws-cdk#20624 cites the change), and what binds a project is CreateStack's TemplateBody, at most
 * 51,200 bytes (CloudFormation API reference). Lab 11's solution with its two lab modules bundled is 5.7 k; 8 k leaves
 * a learner room for a longer handler and keeps the largest template (lab 11's, 12 kB) far below that limit. */
export const MAX_INLINE_CODE_CHARS = 8192;
/** The middleware's name in each client's stack (a stack refuses two entries of one name). */
export const MIDDLEWARE_NAME = 'courseMarks';

const q = JSON.stringify;


/** A function that checks.json names as a target but the lab gives no code for: it only records. */
export function recorderCode(): string {
  return `exports.handler = async (event) => { console.log(${q(CALL_MARK)} + JSON.stringify(event)); };\n`;
}

/** The lab's other modules the handler imports (read-only files such as warehouse.ts), each compiled to CommonJS, by
 * path inside the lab, and what each relative specifier of each module (the handler's at `path`) resolves to. */
export interface LabModules {
  path: string;
  modules: Record<string, string>;
  links: Record<string, Record<string, string>>;
}

/** Relative specifiers a CommonJS module requires (`./x.ts`, `./x.js`, `./x`, `../x`). */
export function relativeRequires(commonJs: string): string[] {
  return [...new Set([...commonJs.matchAll(/\brequire\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)].map((m) => m[1]!))];
}

/** The lab file a relative specifier names from `from`: as written, then with .ts, then .js read as .ts, then with .js. */
export function resolveLabModule(from: string, id: string, has: (path: string) => boolean): string | undefined {
  const parts = from.split('/').slice(0, -1);
  for (const part of id.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const p = parts.join('/');
  return [p, `${p}.ts`, p.replace(/\.js$/, '.ts'), `${p}.js`].find(has);
}

/** Compiles every lab module the handler reaches through relative imports (type-only imports are erased first). */
export async function bundleLabModules(path: string, handlerJs: string, files: Record<string, string>, transpile: Transpile): Promise<LabModules> {
  const out: LabModules = { path, modules: {}, links: {} };
  const queue: [string, string][] = [[path, handlerJs]];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [from, js] = next;
    for (const id of relativeRequires(js)) {
      const file = resolveLabModule(from, id, (f) => f !== path && Object.hasOwn(files, f));
      if (file === undefined) continue; // Node's own require answers it (and fails as it would on Lambda).
      (out.links[from] ??= {})[id] = file;
      if (Object.hasOwn(out.modules, file)) continue;
      out.modules[file] = await transpile(file, files[file]!);
      queue.push([file, out.modules[file]]);
    }
  }
  return out;
}

/** Each lab module as a factory, evaluated once on first require (a cycle sees the partial exports, as in Node);
 * `labRequire(from)` answers the specifiers export resolved (links) and hands everything else to Node. */
function modulesCode({ modules, links }: LabModules): string {
  if (!Object.keys(modules).length) return 'const labRequire = () => (id) => (id === \'@aws-sdk/client-eventbridge\' ? course : require(id));\n';
  const factories = Object.entries(modules).map(([path, js]) => `${q(path)}: function (exports, module, require) {\n${js.trim()}\n}`);
  return `const labModules = {\n${factories.join(',\n')}\n};
const links = ${q(links)}, loaded = {};
const labRequire = (from) => (id) => {
  if (id === '@aws-sdk/client-eventbridge') return course;
  const file = links[from] && links[from][id];
  if (!file) return require(id);
  if (!loaded[file]) { loaded[file] = { exports: {} }; labModules[file](loaded[file].exports, loaded[file], labRequire(file)); }
  return loaded[file].exports;
};
`;
}

/**
 * Wraps the learner's module, compiled to CommonJS. One invocation runs at a time in a Lambda environment, so
 * the chain (root, hop) of the running one sits in module variables the middleware reads. Past MAX_HOPS the
 * middleware answers as PutEvents does for an accepted entry, without sending: a loop stops and costs nothing.
 * An entry is logged as emitted only once PutEvents accepted it (it has an EventId), so a rejected entry or a
 * refused request (a Detail that is not a string) is not counted; the learner sees AWS's own answer or error.
 * The client classes are proxies rather than subclasses so that `instanceof EventBridgeClient` still holds for
 * the aggregated EventBridge client, as it does in AWS. A module without the handler fails each invocation with
 * a sentence naming the learner's file (where Lambda would say Runtime.HandlerNotFound about index.js), after the
 * call is logged, so verify still sees what the function was given.
 */
export function wrapperCode(learnerCommonJs: string, exportName: string, fileName = 'your module', bundle: LabModules = { path: 'handler.ts', modules: {}, links: {} }): string {
  return `const sdk = require('@aws-sdk/client-eventbridge');
let root = '', hop = 0;
const log = (mark, o) => console.log(mark + JSON.stringify(o));
const json = (s) => { try { return JSON.parse(s); } catch { return s; } };
const seen = (e) => ({ source: e.Source, 'detail-type': e.DetailType, detail: json(e.Detail), root, hop });
const marks = (next, ctx) => async (args) => {
  if (ctx.commandName !== 'PutEventsCommand') return next(args);
  const entries = args.input.Entries || [];
  if (hop > ${MAX_HOPS}) {
    entries.forEach((e) => log(${q(LOOP_MARK)}, seen(e)));
    return { output: { $metadata: { httpStatusCode: 200 }, FailedEntryCount: 0, Entries: entries.map(() => ({ EventId: crypto.randomUUID() })) }, response: {} };
  }
  const tag = (e) => { const d = typeof e.Detail === 'string' && json(e.Detail); return d && typeof d === 'object' && !Array.isArray(d) ? { ...e, Detail: JSON.stringify({ ...d, ${q(ROOT_FIELD)}: root, ${q(HOP_FIELD)}: hop }) } : e; };
  const res = await next({ ...args, input: { ...args.input, Entries: entries.map(tag) } });
  (res.output.Entries || []).forEach((r, i) => { if (r.EventId && entries[i]) log(${q(EMIT_MARK)}, seen(entries[i])); });
  return res;
};
const mark = (C) => new Proxy(C, { construct(T, a, n) { const c = Reflect.construct(T, a, n); c.middlewareStack.add(marks, { step: 'initialize', name: ${q(MIDDLEWARE_NAME)} }); return c; } });
const course = { ...sdk, EventBridgeClient: mark(sdk.EventBridgeClient), EventBridge: mark(sdk.EventBridge) };
${modulesCode(bundle)}const learner = (() => { const module = { exports: {} }; (function (exports, module, require) {
${learnerCommonJs.trim()}
})(module.exports, module, labRequire(${q(bundle.path)})); return module.exports; })();
exports.handler = async (event, context) => {
  log(${q(CALL_MARK)}, event);
  const d = (event && event.detail) || {};
  root = d[${q(ROOT_FIELD)}] || (event && event.id) || '';
  hop = Number(d[${q(HOP_FIELD)}] || 0) + 1;
  try {
    if (typeof learner[${q(exportName)}] !== 'function') throw new Error(${q(`${fileName} does not export a function named ${exportName}`)});
    return await learner[${q(exportName)}](event, context);
  }
  catch (e) { log(${q(FAIL_MARK)}, { id: (event && event.id) || '', message: String((e && e.message) || e) }); throw e; }
};
`;
}
