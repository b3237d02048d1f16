// The inline code (Code.ZipFile) of each deployed function. CloudFormation writes it to index.js, which
// Lambda loads as CommonJS (ES modules are not supported inline: CloudFormation's Code reference). Learner handlers keep
// today's course shape `(input, context)` with a synchronous `context.bus.putEvents`, so a small CommonJS
// wrapper gives them that context over the real SDK client and records, in the function's own log group,
// what the function received and emitted: `verify` reads those lines back as the checks' observations.

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

/** A function that checks.json names as a target but the lab gives no code for: it only records. */
export function recorderCode(): string {
  return `exports.handler = async (event) => { console.log(${JSON.stringify(CALL_MARK)} + JSON.stringify(event)); };\n`;
}

/** Wraps the learner's module, compiled to CommonJS, around the course's handler context. */
export function wrapperCode(learnerCommonJs: string, exportName: string): string {
  return `const { EventBridgeClient, PutEventsCommand } = require('@aws-sdk/client-eventbridge');
const client = new EventBridgeClient({});
const learner = (() => { const module = { exports: {} }; (function (exports, module) {
${learnerCommonJs.trim()}
})(module.exports, module); return module.exports; })();
exports.handler = async (event, context) => {
  console.log(${JSON.stringify(CALL_MARK)} + JSON.stringify(event));
  const d = (event && event.detail) || {};
  const root = d[${JSON.stringify(ROOT_FIELD)}] || (event && event.id) || '';
  const hop = Number(d[${JSON.stringify(HOP_FIELD)}] || 0) + 1;
  const pending = [];
  const bus = { putEvents(input) {
    for (const e of input.Entries) {
      const seen = { source: e.Source, 'detail-type': e.DetailType, detail: JSON.parse(e.Detail), root, hop };
      if (hop > ${MAX_HOPS}) { console.log(${JSON.stringify(LOOP_MARK)} + JSON.stringify(seen)); continue; }
      console.log(${JSON.stringify(EMIT_MARK)} + JSON.stringify(seen));
      const detail = { ...seen.detail, ${JSON.stringify(ROOT_FIELD)}: root, ${JSON.stringify(HOP_FIELD)}: hop };
      pending.push(client.send(new PutEventsCommand({ Entries: [{ ...e, Detail: JSON.stringify(detail), EventBusName: process.env.EVENT_BUS_NAME }] })));
    }
    return { FailedEntryCount: 0 };
  } };
  const ctx = { functionName: context.functionName, ruleName: process.env.RULE_NAME || '', eventId: root || context.awsRequestId, attempt: 1, bus };
  try { return await learner[${JSON.stringify(exportName)}](event, ctx); }
  catch (e) { console.log(${JSON.stringify(FAIL_MARK)} + JSON.stringify({ id: (event && event.id) || '', message: String((e && e.message) || e) })); throw e; }
  finally { await Promise.all(pending); }
};
`;
}
