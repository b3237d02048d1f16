// The inline code (Code.ZipFile) of each deployed function. CloudFormation writes it to index.js, which
// Lambda loads as CommonJS (ES modules are not supported inline: CloudFormation's Code reference). The
// learner's handler runs as written, with the real event and Lambda context. What `verify` reads back comes
// from the SDK's own extension point: the learner's module gets a `require` whose EventBridgeClient is the
// real one plus a middleware that logs and marks each PutEvents, so no line of learner code is rewritten.

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
/** Our own bound on inline code: CloudFormation dropped its old 4,096-character ZipFile limit in 2022, but a
 * lab's function should stay small enough to read in the template, and an older tool may still enforce it. */
export const MAX_INLINE_CODE_CHARS = 4096;
/** The middleware's name in each client's stack (a stack refuses two entries of one name). */
export const MIDDLEWARE_NAME = 'courseMarks';

const q = JSON.stringify;

/** A function that checks.json names as a target but the lab gives no code for: it only records. */
export function recorderCode(): string {
  return `exports.handler = async (event) => { console.log(${q(CALL_MARK)} + JSON.stringify(event)); };\n`;
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
export function wrapperCode(learnerCommonJs: string, exportName: string, fileName = 'your module'): string {
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
const learner = (() => { const module = { exports: {} }; (function (exports, module, require) {
${learnerCommonJs.trim()}
})(module.exports, module, (id) => (id === '@aws-sdk/client-eventbridge' ? course : require(id))); return module.exports; })();
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
