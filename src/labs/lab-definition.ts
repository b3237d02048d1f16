// The lab format: one zod schema for a lab's checks.json, the types inferred from it, and a parser whose
// errors name the field (`checks[2].target: ...`) so an author's mistake is found at once.
import { z } from 'zod';

const text = (what: string) => z.string({ error: (i) => (i.input === undefined ? `is required (${what})` : 'must be a string') }).min(1, `must not be empty (${what})`);
const listError = (what: string) => (i: { input?: unknown }) => (i.input === undefined ? 'is required' : `must be a list of ${what}`);
const names = (what: string) => z.array(z.string(), { error: listError(what) });

/** Where a rule's pattern or a target's input comes from: a learner file, or inline JSON in checks.json. */
const fileOrInline = z.union([z.strictObject({ file: text('a learner file name') }), z.strictObject({ inline: z.unknown() })], {
  error: 'must be { "file": "name" } or { "inline": ... }',
});

const targetSchema = z
  .object({
    /** Target Id; also how checks name the target. */
    id: text('the target Id checks name'),
    /** A Lambda-like function declared under `bus.functions` (or a recording stub if not declared there). */
    function: z.string().optional(),
    /** A CloudWatch Logs group (created for the run). */
    logGroup: z.string().optional(),
    /** Another event bus of the lab (cross-bus routing): its name in `bus.buses`. */
    eventBus: z.string().optional(),
    /** Input, InputPath or InputTransformer, as in PutTargets; from a learner file or inline. */
    input: fileOrInline.optional(),
  })
  .refine((t) => [t.function, t.logGroup, t.eventBus].filter((x) => x !== undefined).length === 1, 'needs one of "function", "logGroup" or "eventBus"');

const targetsField = z.array(targetSchema, { error: 'must be a list' });
const ruleSchema = z.object({
  name: text('the rule name'),
  /** The bus the rule is on: the default bus unless it names one of `bus.buses`. */
  eventBus: z.string().optional(),
  pattern: fileOrInline,
  targets: targetsField,
});

/** A scheduled rule on the default bus: its learner file holds `{ "ScheduleExpression": "..." }`. */
const scheduleSchema = z.object({ name: text('the rule name'), file: text('the schedule file'), targets: targetsField });

const functionSchema = z.object({
  /** The learner's TypeScript or JavaScript module, e.g. `handler.ts`. */
  file: text('the module, e.g. handler.ts'),
  /** The exported function; default `handler`. */
  export: z.string().optional(),
  /** Lambda-like timeout in milliseconds; default 3000. */
  timeoutMs: z.number().int().positive().optional(),
  /**
   * The function's asynchronous invocation settings (PutFunctionEventInvokeConfig) from a learner file. With
   * them, Lambda retries the function's failures and sends what it gives up on to an OnFailure destination;
   * without them, a failed invocation is not retried (every other lab).
   */
  invokeConfig: z.strictObject({ file: text('the invoke settings file') }, { error: 'must be { "file": "name" }' }).optional(),
});

/** A PutEvents entry written the way events look on the bus (lower-case envelope fields). */
const eventSchema = z.object(
  {
    source: z.string({ error: 'must be a string' }),
    'detail-type': z.string({ error: 'must be a string' }),
    detail: z.record(z.string(), z.unknown(), { error: 'must be an object' }),
    resources: z.array(z.string()).optional(),
    /** The bus the event is put on: the default bus unless it names one of `bus.buses`. */
    eventBus: z.string().optional(),
    /** The event's time (PutEvents `Time`), ISO 8601; archives and replays select by it. */
    time: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time such as 2026-03-14T10:15:00Z' }).optional(),
  },
  { error: 'needs "source", "detail-type" (strings) and "detail" (an object)' },
);

const eventMap = z.record(z.string(), eventSchema, { error: 'must be an object of named events' });

const checkBase = {
  /** Stable id, kebab-case: wrong answers name the check they must fail first. */
  id: text('a kebab-case id').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case, e.g. big-orders-arrive'),
  /** What the learner sees in the results list: what is checked, never the answer. */
  title: text('the learner sees it'),
  /** Shown when the check fails: say what to look at, not the answer. */
  failure: text('what to look at when it fails'),
};
const eventsField = names('event names').min(1, 'must name at least one event');

/** One call from another account that a bus policy check judges. */
const policyCase = z.strictObject({
  account: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id'),
  action: z.string().optional(),
  orgId: z.string().optional(),
  source: text('the event source'),
  detailType: text('the detail-type'),
  expect: z.enum(['allowed', 'denied'], { error: 'must be "allowed" or "denied"' }),
});

/**
 * How a script check bends the local AWS the script runs against (each check gets a fresh one). The learner
 * never sees these: they are the hold-outs of a script lab.
 */
const worldSchema = z.strictObject(
  {
    /** The first PutEvents answers one entry (the second, or the only one) as failed with this ErrorCode. */
    failEntry: z.enum(['ThrottlingException', 'InternalFailure'], { error: 'must be "ThrottlingException" or "InternalFailure"' }).optional(),
    /** Each event reaches the log group this many milliseconds (real time) after PutEvents accepted it. */
    logDelayMs: z.number().int().min(0).max(2000, 'must be at most 2000 ms').optional(),
    /** One accepted event never reaches the log group, and another arrives twice (delivery is at least once). */
    lose: z.boolean().optional(),
    /** What a crashed earlier run left behind: these exist before the script starts. */
    leftovers: z
      .strictObject({
        buses: z.array(z.string(), { error: 'must be a list of bus names' }).optional(),
        logGroups: z.array(z.string(), { error: 'must be a list of log group names' }).optional(),
      })
      .optional(),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? `has unknown field(s) ${i.keys.join(', ')}: use failEntry, logDelayMs, lose or leftovers` : 'must be an object with failEntry, logDelayMs, lose or leftovers') },
);
const scriptCheckBase = { ...checkBase, world: worldSchema.optional() };

const checkSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...checkBase, type: z.literal('pattern-valid'), file: text('the pattern file') }),
    z.object({ ...checkBase, type: z.literal('input-valid'), file: text('the target input file') }),
    z.object({ ...checkBase, type: z.literal('routes'), events: eventsField, target: text('a target Id'), expect: z.enum(['reach', 'not-reach'], { error: 'must be "reach" or "not-reach"' }) }),
    z.object({ ...checkBase, type: z.literal('handler-called'), events: eventsField, function: text('a function name'), with: z.unknown().refine((v) => v !== undefined, 'is required') }),
    /** Every invocation of the function succeeds (a handler that throws after putting events would, on AWS, be retried and put them again). */
    z.object({ ...checkBase, type: z.literal('handler-succeeds'), events: eventsField, function: text('a function name') }),
    /** PutEvents answers every entry the function puts as failed: the invocation must fail too, so that Lambda retries it. */
    z.object({ ...checkBase, type: z.literal('reports-failed-entries'), events: eventsField, function: text('a function name') }),
    z.object({ ...checkBase, type: z.literal('emitted'), events: eventsField, event: z.unknown().refine((v) => v !== undefined, 'is required') }),
    z.object({ ...checkBase, type: z.literal('log-contains'), events: eventsField, logGroup: text('a log group'), contains: text('the text to find') }),
    z.object({ ...checkBase, type: z.literal('schema'), file: text('the schema file'), accepts: names('event names').optional(), rejects: names('event names').optional() }),
    z.object({ ...checkBase, type: z.literal('custom'), name: text('the export in checks.ts'), events: names('event names').optional() }),
    /** The scheduled rule fires exactly at these times while the clock runs. */
    z.object({ ...checkBase, type: z.literal('scheduled'), rule: text('a scheduled rule name'), times: z.array(z.iso.datetime({ offset: true, error: 'must be ISO 8601 date-times' })) }),
    /** The events are (or are not) kept by the bus's archive. */
    z.object({ ...checkBase, type: z.literal('archived'), events: eventsField, expect: z.enum(['stored', 'not-stored'], { error: 'must be "stored" or "not-stored"' }) }),
    /** The replayed copies of the events reach (or do not reach) the target. */
    z.object({ ...checkBase, type: z.literal('replayed'), events: eventsField, target: text('a target Id'), expect: z.enum(['reach', 'not-reach'], { error: 'must be "reach" or "not-reach"' }) }),
    /** The bus's resource-based policy (bus.policies) lets each call from another account through, or not, as IAM evaluates it. */
    z.object({ ...checkBase, type: z.literal('bus-policy'), bus: text('a bus of bus.policies'), cases: z.array(policyCase, { error: 'must be a list of calls' }).min(1, 'must name at least one call') }),
    /** A function's invoke settings file is one PutFunctionEventInvokeConfig accepts. */
    z.object({ ...checkBase, type: z.literal('invoke-config-valid'), file: text('the invoke settings file') }),
    /**
     * Each event causes exactly `count` emitted events of `detailType`; with `duplicates`, every delivery to a
     * function with invoke settings comes twice, with the same event id, as an at-least-once redelivery does.
     */
    z.object({ ...checkBase, type: z.literal('emits-per-event'), events: eventsField, detailType: text('the detail-type counted'), count: z.number().int().min(0), duplicates: z.boolean().optional() }),
    /** The events end (or do not end) as failure records in the queue, one of `bus.queues`. */
    z.object({ ...checkBase, type: z.literal('dead-lettered'), events: eventsField, queue: text('a queue in bus.queues'), expect: z.enum(['stored', 'not-stored'], { error: 'must be "stored" or "not-stored"' }) }),
    /** Script labs: the script returns (or throws, when an event it put never arrives). */
    z.object({ ...scriptCheckBase, type: z.literal('script-runs'), expect: z.enum(['returns', 'throws'], { error: 'must be "returns" or "throws"' }) }),
    /** The rule the script created, and the events it put, are on a bus the script created (not "default"). */
    z.object({ ...scriptCheckBase, type: z.literal('script-custom-bus') }),
    /** The rule's target is the ARN of the log group the script created, under /aws/events/, with no RoleArn. */
    z.object({ ...scriptCheckBase, type: z.literal('script-log-target') }),
    /** A CloudWatch Logs resource policy lets EventBridge create streams and put events in that log group before the first PutEvents. */
    z.object({ ...scriptCheckBase, type: z.literal('script-log-policy') }),
    /** The rule's pattern matches these events (hold-outs) and misses those. */
    z.object({ ...scriptCheckBase, type: z.literal('script-pattern'), matches: eventsField, misses: eventsField }),
    /** Several entries in one PutEvents; entries answered as failed are sent again, and no entry goes in twice. */
    z.object({ ...scriptCheckBase, type: z.literal('script-puts') }),
    /** Nothing the script created is left at the end: rules, targets, buses, log groups, resource policies. */
    z.object({ ...scriptCheckBase, type: z.literal('script-cleans-up') }),
  ],
  { error: (i) => (i.code === 'invalid_union' ? `must be one of: ${CHECK_TYPES.join(', ')}` : undefined) },
);

const CHECK_TYPES = ['pattern-valid', 'input-valid', 'routes', 'handler-called', 'handler-succeeds', 'reports-failed-entries', 'emitted', 'log-contains', 'schema', 'custom', 'scheduled', 'archived', 'replayed', 'bus-policy', 'invoke-config-valid', 'emits-per-event', 'dead-lettered', 'script-runs', 'script-custom-bus', 'script-log-target', 'script-log-policy', 'script-pattern', 'script-puts', 'script-cleans-up'] as const;

export const labDefinitionSchema = z
  .object(
    {
      /** Tab order and read-only flags; every file in `files/` not listed is editable and comes after. */
      files: z.array(z.object({ path: text('a file in files/'), readonly: z.boolean().optional() })).optional(),
      bus: z.object(
        {
          rules: z.array(ruleSchema, { error: 'must be a list of rules' }),
          /** Custom event buses the lab creates before its rules. */
          buses: z.array(z.string().regex(/^[A-Za-z0-9._-]+$/, 'must be an event bus name'), { error: 'must be a list of bus names' }).optional(),
          /** Scheduled rules (on the default bus, as in EventBridge). */
          schedules: z.array(scheduleSchema, { error: 'must be a list of scheduled rules' }).optional(),
          functions: z.record(z.string(), functionSchema, { error: 'must be an object' }).optional(),
          /** An archive on the bus, with the event pattern of what it keeps (CreateArchive's EventPattern). */
          archive: z.object({ pattern: fileOrInline }).optional(),
          /** After the events are put: StartReplay from that archive with the learner's file (times, ReplayName, FilterArns). */
          replay: z.object({ file: text('the replay settings file') }).optional(),
          /** Resource-based policies of the lab's buses (PutPermission's Policy), by bus name. */
          policies: z.record(z.string(), fileOrInline, { error: 'must be an object of bus name -> policy' }).optional(),
          /** SQS queues the lab creates (as destinations for failures), by name. */
          queues: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be an SQS queue name'), { error: 'must be a list of queue names' }).optional(),
        },
        { error: 'must be an object with "rules"' },
      ),
      /**
       * A script lab: the learner writes a script (an exported async function) that drives a fresh local AWS
       * (every EventBridge and CloudWatch Logs operation) with the real SDK; script-* checks judge its calls.
       */
      script: z
        .strictObject(
          {
            file: text('the script module, e.g. smoke-test.ts'),
            /** The exported function; default `main`. */
            export: z.string().optional(),
            /** Real-time limit of one run of the script; default 10000. */
            timeoutMs: z.number().int().positive().max(30_000, 'must be at most 30000 ms').optional(),
            /** Extra environment for the script (e.g. a shorter deadline than it uses in AWS). */
            env: z.record(z.string(), z.string(), { error: 'must be an object of name -> text' }).optional(),
          },
          { error: (i) => (i.code === 'unrecognized_keys' ? `has unknown field(s) ${i.keys.join(', ')}: use file, export, timeoutMs or env` : 'must be { "file": "name", "export"?: "main" }') },
        )
        .optional(),
      /** Named sample events: Run puts them all, the explainer offers them, checks pick theirs by name. */
      events: eventMap,
      /** The bus's clock: it starts at `start` (events are put then) and, after the events, runs for `hours` (schedules fire). */
      clock: z.object({ start: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }), hours: z.number().positive().max(24 * 31) }).optional(),
      /** Hold-out events: only checks put them, so a pattern or handler fitted to the samples still fails. Never shown by Run or the explainer. */
      holdouts: eventMap.optional(),
      /** Events only schema checks use (never put on the bus). */
      examples: eventMap.optional(),
      checks: z.array(checkSchema, { error: 'must be a non-empty list' }).min(1, 'must be a non-empty list'),
    },
    { error: 'the file must hold a JSON object' },
  )
  .superRefine((def, ctx) => {
    const bus = { ...def.events, ...def.holdouts };
    const allRules = [...def.bus.rules, ...(def.bus.schedules ?? [])];
    const targets = new Set(allRules.flatMap((r) => r.targets.map((t) => t.id)));
    const buses = new Set(def.bus.buses ?? []);
    for (const name of Object.keys(def.bus.policies ?? {})) if (name !== 'default' && !buses.has(name)) ctx.addIssue({ code: 'custom', path: ['bus', 'policies', name], message: `"${name}" is not in bus.buses` });
    def.bus.rules.forEach((r, i) => {
      if (r.eventBus !== undefined && !buses.has(r.eventBus)) ctx.addIssue({ code: 'custom', path: ['bus', 'rules', i, 'eventBus'], message: `"${r.eventBus}" is not in bus.buses` });
    });
    allRules.forEach((r) => {
      for (const t of r.targets) if (t.eventBus !== undefined && !buses.has(t.eventBus)) ctx.addIssue({ code: 'custom', path: ['bus'], message: `target ${t.id} names bus "${t.eventBus}", which is not in bus.buses` });
    });
    for (const [name, e] of Object.entries({ ...def.events, ...def.holdouts })) if (e.eventBus !== undefined && !buses.has(e.eventBus)) ctx.addIssue({ code: 'custom', path: ['events', name, 'eventBus'], message: `"${e.eventBus}" is not in bus.buses` });
    for (const [name, f] of Object.entries(def.bus.functions ?? {})) if (f.invokeConfig && !def.clock) ctx.addIssue({ code: 'custom', path: ['bus', 'functions', name, 'invokeConfig'], message: 'needs a clock, so that Lambda\'s retries take no real time' });
    if (def.bus.schedules?.length && !def.clock) ctx.addIssue({ code: 'custom', path: ['bus', 'schedules'], message: 'need a clock to run on' });
    const functions = new Set(allRules.flatMap((r) => r.targets.flatMap((t) => (t.function ? [t.function] : []))));
    if (def.bus.replay && !def.bus.archive) ctx.addIssue({ code: 'custom', path: ['bus', 'replay'], message: 'needs bus.archive to replay from' });
    for (const name of Object.keys(def.holdouts ?? {})) if (name in def.events) ctx.addIssue({ code: 'custom', path: ['holdouts', name], message: 'has the name of a sample event; hold-outs need their own names' });
    const seen = new Set<string>();
    def.checks.forEach((c, i) => {
      const at = (...path: (string | number)[]) => ['checks', i, ...path];
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `"${c.id}" is the id of an earlier check; ids must be unique` });
      seen.add(c.id);
      if ('events' in c) for (const n of c.events ?? []) if (!(n in bus)) ctx.addIssue({ code: 'custom', path: at('events'), message: `names event "${n}", which is in neither events nor holdouts` });
      if (c.type === 'schema') for (const n of [...(c.accepts ?? []), ...(c.rejects ?? [])]) if (!(n in bus || n in (def.examples ?? {}))) ctx.addIssue({ code: 'custom', path: at(), message: `names event "${n}", which is in neither events, holdouts nor examples` });
      if (c.type === 'scheduled' && !(def.bus.schedules ?? []).some((r) => r.name === c.rule)) ctx.addIssue({ code: 'custom', path: at('rule'), message: `"${c.rule}" is not in bus.schedules` });
      if (c.type === 'archived' && !def.bus.archive) ctx.addIssue({ code: 'custom', path: at('type'), message: 'an "archived" check needs bus.archive' });
      if (c.type === 'dead-lettered' && !(def.bus.queues ?? []).includes(c.queue)) ctx.addIssue({ code: 'custom', path: at('queue'), message: `"${c.queue}" is not in bus.queues` });
      if (c.type === 'replayed' && !def.bus.replay) ctx.addIssue({ code: 'custom', path: at('type'), message: 'a "replayed" check needs bus.replay' });
      if ((c.type === 'routes' || c.type === 'replayed') && !targets.has(c.target)) ctx.addIssue({ code: 'custom', path: at('target'), message: `"${c.target}" is not a target Id in bus.rules` });
      if ((c.type === 'handler-succeeds' || c.type === 'reports-failed-entries') && !(c.function in (def.bus.functions ?? {}))) ctx.addIssue({ code: 'custom', path: at('function'), message: `"${c.function}" is not in bus.functions` });
      if (c.type === 'bus-policy' && !(c.bus in (def.bus.policies ?? {}))) ctx.addIssue({ code: 'custom', path: at('bus'), message: `"${c.bus}" has no policy in bus.policies` });
      if (c.type.startsWith('script-') && !def.script) ctx.addIssue({ code: 'custom', path: at('type'), message: `a "${c.type}" check needs "script"` });
      if (c.type === 'script-pattern') for (const n of [...c.matches, ...c.misses]) if (!(n in bus)) ctx.addIssue({ code: 'custom', path: at(), message: `names event "${n}", which is in neither events nor holdouts` });
      if (c.type === 'handler-called' && !functions.has(c.function)) ctx.addIssue({ code: 'custom', path: at('function'), message: `"${c.function}" is the function of no target in bus.rules` });
    });
  });

export type LabDefinition = z.infer<typeof labDefinitionSchema>;
export type LabCheck = LabDefinition['checks'][number];
export type LabCheckType = LabCheck['type'];
export type LabEvent = z.infer<typeof eventSchema>;
export type LabRuleSpec = z.infer<typeof ruleSchema>;
export type LabScheduleSpec = z.infer<typeof scheduleSchema>;
export type LabTargetSpec = z.infer<typeof targetSchema>;
export type LabFunctionSpec = z.infer<typeof functionSchema>;
export type LabScriptSpec = NonNullable<LabDefinition['script']>;
export type ScriptWorld = z.infer<typeof worldSchema>;
export type LabFileSpec = NonNullable<LabDefinition['files']>[number];
export type FileOrInline = z.infer<typeof fileOrInline>;

export class LabDefinitionError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`checks.json is not valid:\n- ${problems.join('\n- ')}`);
    this.name = 'LabDefinitionError';
    this.problems = problems;
  }
}

/** `checks[0].events` from zod's path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}

function plain(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.startsWith('Invalid input')) return issue.message.endsWith('undefined') ? 'is required' : `must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`}`;
  return issue.message;
}

/** Returns the definition typed, or throws LabDefinitionError listing every problem found, each naming its field. */
export function parseLabDefinition(raw: unknown): LabDefinition {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch (e) {
      throw new LabDefinitionError([`the file is not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
    }
  }
  const result = labDefinitionSchema.safeParse(value);
  if (result.success) return result.data;
  throw new LabDefinitionError(result.error.issues.map((i) => (i.path.length ? `${fieldName(i.path)}: ${plain(i)}` : plain(i))));
}

/** `labs/<id>/wrong-answers/<name>/expect.json`: what a plausible wrong answer gets wrong and which check must catch it. */
export const wrongAnswerSchema = z.strictObject({
  /** The mistake, in a learner's words. */
  mistake: text('the mistake, in words'),
  /** Id of the check that must be the first to fail. */
  failsFirst: text('a check id'),
  /** Texts the first failing check's message or explanations must contain: they point at the mistake. */
  mentions: z.array(z.string().min(1), { error: listError('texts') }).min(1, 'must name at least one text the message contains'),
});
export type WrongAnswerExpectation = z.infer<typeof wrongAnswerSchema>;

/** Every lab keeps at least this many wrong answers, so its checks are tried against real mistakes. */
export const MIN_WRONG_ANSWERS = 10;

export function parseWrongAnswer(raw: string, where: string): WrongAnswerExpectation {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    throw new Error(`${where}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const result = wrongAnswerSchema.safeParse(value);
  if (result.success) return result.data;
  throw new Error(`${where}: ${result.error.issues.map((i) => (i.path.length ? `${fieldName(i.path)}: ${plain(i)}` : plain(i))).join('; ')}`);
}
