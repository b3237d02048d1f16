import { describe, expect, it } from 'vitest';
import { runChecks, runLab } from './run-checks.ts';
import { parseLabDefinition } from './lab-definition.ts';
import { ListRulesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { functionHost, testClient, type TestHandler } from './test-support.ts';
import type { LabDefinition } from './lab-types.ts';
import type { LabHandler } from './lab-scenario.ts';

const base = {
  bus: {
    rules: [
      { name: 'big', pattern: { file: 'pattern.json' }, targets: [{ id: 'sales', function: 'sales' }] },
      { name: 'worker', pattern: { inline: { 'detail-type': ['Work'] } }, targets: [{ id: 'work', function: 'work', input: { file: 'target.json' } }] },
      { name: 'audit', pattern: { inline: { source: ['done'] } }, targets: [{ id: 'log', logGroup: '/audit' }] },
    ],
    functions: { work: { file: 'work.ts', timeoutMs: 500 } },
  },
  events: {
    big: { source: 'shop', 'detail-type': 'Order', detail: { total: 250 } },
    small: { source: 'shop', 'detail-type': 'Order', detail: { total: 5 } },
    job: { source: 'jobs', 'detail-type': 'Work', detail: { id: 'j-1', size: 3 } },
  },
  holdouts: { 'medium-order': { source: 'shop', 'detail-type': 'Order', detail: { total: 150 } } },
  examples: { done: { source: 'done', 'detail-type': 'Done', detail: { id: 'x' } } },
};

// Checks are written without ids here; the helper numbers them (check-0, check-1, ...).
function lab(checks: Record<string, unknown>[]): LabDefinition {
  return parseLabDefinition({ ...base, checks: checks.map((c, i) => ({ id: `check-${i}`, ...c })) });
}

const files = {
  'pattern.json': JSON.stringify({ detail: { total: [{ numeric: ['>', 100] }] } }),
  'target.json': JSON.stringify({ InputTransformer: { InputPathsMap: { id: '$.detail.id' }, InputTemplate: '{"jobId": <id>}' } }),
  'work.ts': '',
  'schema.json': JSON.stringify({ type: 'object', required: ['detail'], properties: { detail: { type: 'object', required: ['id'] } } }),
};

const client = testClient();
const emitDone = async (event: unknown) => {
  console.log('working on', (event as { jobId: string }).jobId);
  await client.send(new PutEventsCommand({ Entries: [{ Source: 'done', DetailType: 'Done', Detail: JSON.stringify({ id: (event as { jobId: string }).jobId }) }] }));
};

describe('runChecks', () => {
  it('passes routing checks that hold and explains the ones that do not', async () => {
    const def = lab([
      { type: 'routes', events: ['big'], target: 'sales', expect: 'reach', title: 'big arrives', failure: 'big should arrive' },
      { type: 'routes', events: ['small'], target: 'sales', expect: 'reach', title: 'small arrives', failure: 'small should arrive' },
      { type: 'routes', events: ['small'], target: 'sales', expect: 'not-reach', title: 'small stays out', failure: 'x' },
    ]);
    const report = await runChecks(def, files, functionHost({ 'work.ts': emitDone }));
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'failed', 'passed']);
    expect(report.passed).toBe(false);
    const failed = report.results[1]!;
    expect(failed.message).toContain('small should arrive');
    expect(failed.message).toContain('Event "small" did not reach sales');
    expect(failed.explanations?.[0]).toMatch(/small vs rule big/);
    expect(failed.explanations?.[0]).toMatch(/total/);
  });

  it('names the fields an over-matching pattern ignores', async () => {
    const def = lab([{ type: 'routes', events: ['small'], target: 'sales', expect: 'not-reach', title: 'small stays out', failure: 'x' }]);
    const report = await runChecks(def, { ...files, 'pattern.json': '{"source": ["shop"]}' }, functionHost({ 'work.ts': emitDone }));
    expect(report.results[0]!.status).toBe('failed');
    expect(report.results[0]!.explanations?.[0]).toMatch(/The pattern does not look at detail-type, detail\.total\.$/);
  });

  it('reports an invalid pattern through pattern-valid and in routing checks', async () => {
    const def = lab([
      { type: 'pattern-valid', file: 'pattern.json', title: 'valid', failure: 'fix it' },
      { type: 'routes', events: ['big'], target: 'sales', expect: 'reach', title: 'big arrives', failure: 'should arrive' },
    ]);
    const bad = { ...files, 'pattern.json': '{"detail": {"total": [{"numbr": 3}]}}' };
    const report = await runChecks(def, bad, functionHost({ 'work.ts': emitDone }));
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(report.results[0]!.message).toMatch(/numbr/);
    expect(report.results[1]!.message).toMatch(/Rule big/);
  });

  it('checks what a handler received, what it emitted and what reached a log group', async () => {
    const def = lab([
      { type: 'input-valid', file: 'target.json', title: 'input ok', failure: 'x' },
      { type: 'handler-called', events: ['job'], function: 'work', with: { jobId: 'j-1' }, title: 'called', failure: 'x' },
      { type: 'emitted', events: ['job'], event: { source: 'done', detail: { id: 'j-1' } }, title: 'emitted', failure: 'x' },
      { type: 'log-contains', events: ['job'], logGroup: '/audit', contains: 'j-1', title: 'logged', failure: 'x' },
    ]);
    const report = await runChecks(def, files, functionHost({ 'work.ts': emitDone }));
    expect(report.results.map((r) => [r.title, r.status])).toEqual([
      ['input ok', 'passed'],
      ['called', 'passed'],
      ['emitted', 'passed'],
      ['logged', 'passed'],
    ]);
    const silent = await runChecks(def, files, functionHost({ 'work.ts': async () => undefined }));
    expect(silent.results.map((r) => r.status)).toEqual(['passed', 'passed', 'failed', 'failed']);
    expect(silent.results[2]!.message).toContain('No event was emitted');
  });

  it('shows what the handler actually received when the input is wrong', async () => {
    const def = lab([{ type: 'handler-called', events: ['job'], function: 'work', with: { jobId: 'j-1' }, title: 'called', failure: 'shape the input' }]);
    const wrong = { ...files, 'target.json': JSON.stringify({ InputPath: '$.detail' }) };
    const report = await runChecks(def, wrong, functionHost({ 'work.ts': emitDone }));
    expect(report.results[0]!.status).toBe('failed');
    expect(report.results[0]!.message).toContain('It received: {"id":"j-1","size":3}');
  });

  it('includes the stack of a handler that throws', async () => {
    const def = lab([{ type: 'emitted', events: ['job'], event: { source: 'done' }, title: 'emitted', failure: 'emit Done' }]);
    const report = await runChecks(def, files, functionHost({ 'work.ts': () => { throw new TypeError('boom in handler'); } }));
    expect(report.results[0]!.message).toContain('TypeError: boom in handler');
    expect(report.results[0]!.message).toMatch(/at /);
  });

  it("cuts a handler's stack after its own last frame", async () => {
    const def = lab([{ type: 'emitted', events: ['job'], event: { source: 'done' }, title: 'emitted', failure: 'emit Done' }]);
    const report = await runChecks(def, { ...files, 'work.ts': 'x' }, {
      async loadHandler() {
        // A module whose frames name work.ts, as a real learner module's do.
        const fn = new Function('return function handler() { throw new RangeError("too far"); }\n//# sourceURL=work.ts')() as () => never;
        const handler: LabHandler = async () => fn();
        return handler;
      },
    });
    const message = report.results[0]!.message!;
    expect(message).toContain('RangeError: too far');
    expect(message).toMatch(/at handler \(work\.ts/);
    expect(message).not.toContain('lab-scenario');
    expect(message).not.toContain('target-invokers');
  });

  it('reports a handler that never settles as a timeout', async () => {
    const def = lab([{ type: 'emitted', events: ['job'], event: { source: 'done' }, title: 'emitted', failure: 'emit Done' }]);
    const report = await runChecks(def, files, functionHost({ 'work.ts': () => new Promise(() => undefined) }));
    expect(report.results[0]!.status).toBe('failed');
    expect(report.results[0]!.message).toMatch(/timed out/i);
  });

  it('validates schemas against accepted and rejected sample events', async () => {
    const def = lab([{ type: 'schema', file: 'schema.json', accepts: ['done'], rejects: ['small'], title: 'schema', failure: 'tighten it' }]);
    // files' schema requires detail.id: "done" has one, "small" does not.
    const ok = await runChecks(def, files, functionHost({}));
    expect(ok.results[0]!.status).toBe('passed');
    const strict = { ...files, 'schema.json': JSON.stringify({ type: 'object', properties: { source: { const: 'done' } }, required: ['source'] }) };
    const good = await runChecks(def, strict, functionHost({}));
    expect(good.results[0]!.status).toBe('passed');
    const loose = { ...files, 'schema.json': '{}' };
    const bad = await runChecks(def, loose, functionHost({}));
    expect(bad.results[0]!.message).toContain('accepts "small", which it should reject');
  });

  it('runs custom checks and reports a missing one as an error', async () => {
    const def = lab([
      { type: 'custom', name: 'twoEvents', title: 'custom ok', failure: 'x' },
      { type: 'custom', name: 'missing', title: 'custom missing', failure: 'x' },
    ]);
    const report = await runChecks(def, files, functionHost({ 'work.ts': emitDone }), {
      async twoEvents({ run }) {
        const obs = await run(['job']);
        return { passed: obs.emitted.length === 1, message: `${obs.emitted.length} emitted` };
      },
    });
    expect(report.results.map((r) => r.status)).toEqual(['passed', 'error']);
    expect(report.results[1]!.message).toContain('no custom check named missing');
  });

  it('runLab puts every event and returns the trace and handler output', async () => {
    const def = lab([{ type: 'pattern-valid', file: 'pattern.json', title: 't', failure: 'f' }]);
    const report = await runLab(def, files, functionHost({ 'work.ts': emitDone }));
    const puts = report.trace.filter((t) => t.kind === 'event.put');
    expect(puts).toHaveLength(4); // three sample events plus the one the handler emitted (hold-outs stay out of Run)
    expect(puts.filter((t) => t.causedBy)).toHaveLength(1);
    expect(report.output).toContainEqual({ stream: 'log', text: 'working on j-1' });
  });

  it('puts hold-outs only in checks, never in Run, and shows a hold-out the learner never saw by its content', async () => {
    const def = lab([{ type: 'routes', events: ['big', 'medium-order'], target: 'sales', expect: 'reach', title: 'orders arrive', failure: 'x' }]);
    const run = await runLab(def, files, functionHost({ 'work.ts': emitDone }));
    expect(JSON.stringify(run.trace)).not.toContain('"total":150');
    const fitted = { ...files, 'pattern.json': JSON.stringify({ detail: { total: [250] } }) };
    const report = await runChecks(def, fitted, functionHost({ 'work.ts': emitDone }));
    expect(report.results[0]!.id).toBe('check-0');
    expect(report.results[0]!.message).toContain('Event "medium-order" (not among the samples: source "shop", detail-type "Order", detail {"total":150}) did not reach sales.');
    expect(report.results[0]!.message).not.toContain('Event "big"');
  });

  it('states each reason once', async () => {
    const def = lab([{ type: 'routes', events: ['small', 'small'], target: 'sales', expect: 'reach', title: 'small arrives', failure: 'Look at the total.' }]);
    const report = await runChecks(def, { ...files, 'pattern.json': JSON.stringify({ detail: { total: [{ numeric: ['>', 100] }] } }) }, functionHost({ 'work.ts': emitDone }));
    const r = report.results[0]!;
    expect(r.message!.split('\n')).toEqual(['Look at the total.', 'Event "small" did not reach sales.']);
    expect(r.explanations).toHaveLength(1);
    expect(r.explanations![0]!.match(/5 is not > 100/g)).toHaveLength(1);
  });

  it('shows emitted events as source, detail-type and detail, with the fields that differ', async () => {
    const def = lab([{ type: 'emitted', events: ['job'], event: { source: 'done', 'detail-type': 'Done', detail: { id: 'j-1' } }, title: 'emitted', failure: 'emit Done' }]);
    const wrong = async () => {
      await client.send(new PutEventsCommand({ Entries: [{ Source: 'done', DetailType: 'Done', Detail: JSON.stringify({ id: 'j-2', extra: 'x'.repeat(400) }) }] }));
    };
    const report = await runChecks(def, files, functionHost({ 'work.ts': wrong }));
    const lines = report.results[0]!.message!.split('\n');
    expect(lines.find((l) => l.startsWith('Emitted: '))).toMatch(/^Emitted: source "done", detail-type "Done", detail \{"id":"j-2",/);
    expect(lines).toContain('  detail.id: expected "j-1", got "j-2"');
    expect(lines.join('\n')).not.toContain('"account"');
  });

  it('fails a handler that throws after putting its event, and passes one that finishes', async () => {
    const def = lab([{ type: 'handler-succeeds', events: ['job'], function: 'work', title: 'no error', failure: 'finish cleanly' }]);
    const throwsAfter = async (e: unknown) => {
      await emitDone(e);
      throw new Error('mail server down');
    };
    const bad = await runChecks(def, files, functionHost({ 'work.ts': throwsAfter }));
    expect(bad.results[0]!.status).toBe('failed');
    expect(bad.results[0]!.message).toContain('work failed for "job" after putting 1 event(s): Error: mail server down');
    expect((await runChecks(def, files, functionHost({ 'work.ts': emitDone }))).results[0]!.status).toBe('passed');
  });

  it('answers PutEvents with failed entries and requires the handler to fail then', async () => {
    const def = lab([{ type: 'reports-failed-entries', events: ['job'], function: 'work', title: 'not lost', failure: 'check FailedEntryCount' }]);
    const seen: number[] = [];
    const careful = async () => {
      const res = await client.send(new PutEventsCommand({ Entries: [{ Source: 'done', DetailType: 'Done', Detail: '{}' }] }));
      seen.push(res.FailedEntryCount ?? 0);
      if (res.FailedEntryCount) throw new Error(`rejected: ${res.Entries?.[0]?.ErrorCode}`);
    };
    expect((await runChecks(def, files, functionHost({ 'work.ts': careful }))).results[0]!.status).toBe('passed');
    expect(seen).toEqual([1]);
    const careless = await runChecks(def, files, functionHost({ 'work.ts': emitDone }));
    expect(careless.results[0]!.message).toContain('PutEvents answered FailedEntryCount: 1 (ErrorCode InternalFailure) for "job", and work returned as if the event had been put');
    const silent = await runChecks(def, files, functionHost({ 'work.ts': async () => undefined }));
    expect(silent.results[0]!.message).toContain('work put no event for "job".');
  });

  it('says why PutEvents rejected an entry a handler put', async () => {
    const def = lab([{ type: 'emitted', events: ['job'], event: { source: 'done' }, title: 'emitted', failure: 'emit Done' }]);
    const objectDetail = async () => {
      await client.send(new PutEventsCommand({ Entries: [{ Source: 'done', DetailType: 'Done', Detail: '{"id": 1' }] }));
    };
    const report = await runChecks(def, files, functionHost({ 'work.ts': objectDetail }));
    expect(report.results[0]!.message).toMatch(/PutEvents rejected an entry that work put: MalformedDetail: Detail is malformed/);
  });

  it("gives the handler Lambda's context, and refuses what a function's role does not allow, as IAM does", async () => {
    const def = lab([{ type: 'handler-succeeds', events: ['job'], function: 'work', title: 'no error', failure: 'finish cleanly' }]);
    const seen: string[] = [];
    const nosy = async (_e: unknown, context: { functionName: string; awsRequestId: string; getRemainingTimeInMillis(): number }) => {
      seen.push(context.functionName, String(context.awsRequestId.length), String(context.getRemainingTimeInMillis() > 0));
      await client.send(new ListRulesCommand({}));
    };
    const report = await runChecks(def, files, functionHost({ 'work.ts': nosy }));
    expect(seen).toEqual(['work', '36', 'true']);
    expect(report.results[0]!.message).toMatch(/AccessDeniedException|not authorized to perform: events:ListRules/);
  });

  it('records what a handler received before the handler could change it', async () => {
    const def = lab([{ type: 'handler-called', events: ['job'], function: 'work', with: { jobId: 'j-1' }, title: 'called', failure: 'x' }]);
    const vandal = async (e: unknown) => {
      (e as { jobId: string }).jobId = 'changed';
    };
    expect((await runChecks(def, files, functionHost({ 'work.ts': vandal }))).results[0]!.status).toBe('passed');
  });

  it('archives with the learner pattern, replays a window, and judges replayed copies apart from the first delivery', async () => {
    const at = (time: string, n: number) => ({ source: 'shop', 'detail-type': 'Order', detail: { n }, time });
    const def = parseLabDefinition({
      bus: {
        rules: [{ name: 'all', pattern: { file: 'rule.json' }, targets: [{ id: 'consumer', function: 'consumer' }] }],
        archive: { pattern: { file: 'archive.json' } },
        replay: { file: 'replay.json' },
      },
      events: { early: at('2026-03-14T09:00:00Z', 1), inside: at('2026-03-14T10:30:00Z', 2), other: { source: 'other', 'detail-type': 'Order', detail: {}, time: '2026-03-14T10:40:00Z' } },
      checks: [
        { id: 'kept', type: 'archived', events: ['early', 'inside'], expect: 'stored', title: 'kept', failure: 'keep orders' },
        { id: 'skipped', type: 'archived', events: ['other'], expect: 'not-stored', title: 'skipped', failure: 'keep only orders' },
        { id: 'first', type: 'routes', events: ['early', 'inside'], target: 'consumer', expect: 'reach', title: 'first delivery', failure: 'x' },
        { id: 'replayed', type: 'replayed', events: ['inside'], target: 'consumer', expect: 'reach', title: 'replayed', failure: 'replay the hour' },
        { id: 'not-replayed', type: 'replayed', events: ['early'], target: 'consumer', expect: 'not-reach', title: 'not replayed', failure: 'only the hour' },
      ],
    });
    const good = {
      'rule.json': '{"source": ["shop", "other"]}',
      'archive.json': '{"source": ["shop"]}',
      'replay.json': JSON.stringify({ ReplayName: 'r1', EventStartTime: '2026-03-14T10:00:00Z', EventEndTime: '2026-03-14T11:00:00Z' }),
    };
    const ok = await runChecks(def, good, functionHost({}));
    expect(ok.results.map((r) => [r.id, r.status])).toEqual([['kept', 'passed'], ['skipped', 'passed'], ['first', 'passed'], ['replayed', 'passed'], ['not-replayed', 'passed']]);
    const wide = await runChecks(def, { ...good, 'archive.json': '{"detail-type": ["Order"]}', 'replay.json': JSON.stringify({ ReplayName: 'r1', EventStartTime: '2026-03-14T08:00:00Z', EventEndTime: '2026-03-14T11:00:00Z' }) }, functionHost({}));
    expect(wide.results.map((r) => r.status)).toEqual(['passed', 'failed', 'passed', 'passed', 'failed']);
    expect(wide.results[1]!.explanations?.[0]).toMatch(/^other vs the archive's pattern: Match/);
    expect(wide.results[4]!.explanations?.[0]).toBe("early (time 2026-03-14T09:00:00Z) falls inside the replay's window [EventStartTime, EventEndTime).");
    const late = await runChecks(def, { ...good, 'replay.json': JSON.stringify({ ReplayName: 'r1', EventStartTime: '2026-03-14T11:00:00Z', EventEndTime: '2026-03-14T12:00:00Z' }) }, functionHost({}));
    expect(late.results[3]!.explanations?.[0]).toMatch(/^inside was archived with time 2026-03-14T10:30:00Z, outside the replay's window/);
    const refused = await runChecks(def, { ...good, 'replay.json': '{"ReplayName": "r1", "EventStartTime": "soon", "EventEndTime": "later"}' }, functionHost({}));
    expect(refused.results[3]!.message).toContain('Replay: StartReplay refused replay.json: Parameter EventStartTime and EventEndTime must be timestamps.');
    const run = await runLab(def, good, functionHost({}));
    expect(run.trace.filter((t) => t.kind === 'replay.completed')).toHaveLength(1);
  });

  it('routes through a custom bus and fires schedules on the lab clock', async () => {
    const def = parseLabDefinition({
      bus: {
        buses: ['team'],
        rules: [
          { name: 'forward', pattern: { file: 'forward.json' }, targets: [{ id: 'team-bus', eventBus: 'team' }] },
          { name: 'team-rule', eventBus: 'team', pattern: { inline: { source: ['shop'] } }, targets: [{ id: 'team-service', function: 'team-service' }] },
        ],
        schedules: [{ name: 'nightly', file: 'nightly.json', targets: [{ id: 'report', function: 'report' }] }],
      },
      clock: { start: '2026-03-14T00:30:00Z', hours: 48 },
      events: { order: { source: 'shop', 'detail-type': 'Order', detail: {} }, local: { source: 'shop', 'detail-type': 'Local', detail: {}, eventBus: 'team' } },
      checks: [
        { id: 'crosses', type: 'routes', events: ['order'], target: 'team-service', expect: 'reach', title: 'crosses', failure: 'forward it' },
        { id: 'direct', type: 'routes', events: ['local'], target: 'team-bus', expect: 'not-reach', title: 'direct', failure: 'x' },
        { id: 'nightly', type: 'scheduled', rule: 'nightly', times: ['2026-03-14T02:00:00Z', '2026-03-15T02:00:00Z'], title: 'nightly', failure: 'run at 02:00 UTC' },
      ],
    });
    const good = { 'forward.json': '{"source": ["shop"]}', 'nightly.json': '{"ScheduleExpression": "cron(0 2 * * ? *)"}' };
    expect((await runChecks(def, good, functionHost({}))).results.map((r) => r.status)).toEqual(['passed', 'passed', 'passed']);
    const rate = await runChecks(def, { ...good, 'nightly.json': '{"ScheduleExpression": "rate(1 day)"}' }, functionHost({}));
    expect(rate.results[2]!.message!.split('\n').slice(1)).toEqual([
      'nightly fired at 2026-03-15T00:30:00Z, 2026-03-16T00:30:00Z while the clock ran from 2026-03-14T00:30:00Z for 48 hours.',
      'It did not fire at 2026-03-14T02:00:00Z, 2026-03-15T02:00:00Z.',
    ]);
    const broken = await runChecks(def, { ...good, 'nightly.json': '{"schedule": "daily"}' }, functionHost({}));
    expect(broken.results[2]!.message).toContain('Scheduled rule nightly: nightly.json needs "ScheduleExpression"');
  });

  describe("a function with invoke settings: Lambda's retries, a failure queue, redeliveries", () => {
    const def = parseLabDefinition({
      bus: {
        rules: [{ name: 'jobs', pattern: { inline: { source: ['jobs'] } }, targets: [{ id: 'job', function: 'job' }] }],
        functions: { job: { file: 'job.ts', invokeConfig: { file: 'invoke.json' } } },
        queues: ['failed'],
      },
      clock: { start: '2026-05-04T08:00:00Z', hours: 1 },
      events: { flaky: { source: 'jobs', 'detail-type': 'Job', detail: { id: 'j-1' } }, broken: { source: 'jobs', 'detail-type': 'Job', detail: { id: 'j-2', broken: true } } },
      checks: [
        { id: 'valid', type: 'invoke-config-valid', file: 'invoke.json', title: 'valid', failure: 'Lambda would refuse:' },
        { id: 'flaky-done', type: 'emits-per-event', events: ['flaky'], detailType: 'Done', count: 1, title: 'flaky done', failure: 'do the flaky job once' },
        { id: 'broken-kept', type: 'dead-lettered', events: ['broken'], queue: 'failed', expect: 'stored', title: 'kept', failure: 'keep what fails' },
        { id: 'flaky-not-kept', type: 'dead-lettered', events: ['flaky'], queue: 'failed', expect: 'not-stored', title: 'not kept', failure: 'retry it' },
        { id: 'once', type: 'emits-per-event', events: ['flaky'], detailType: 'Done', count: 1, duplicates: true, title: 'once', failure: 'once per event id' },
      ],
    });
    const good = { 'job.ts': '', 'invoke.json': JSON.stringify({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } } }) };
    /** Fails each job's first run (and a broken job's every run); with `dedupe`, does each event id once. */
    const job = (dedupe: boolean): Record<string, TestHandler> => {
      const runs = new Map<string, number>();
      const done = new Set<string>();
      return {
        'job.ts': async (event) => {
          const e = event as { id: string; detail: { id: string; broken?: boolean } };
          if (dedupe && done.has(e.id)) return;
          const n = (runs.get(e.detail.id) ?? 0) + 1;
          runs.set(e.detail.id, n);
          if (e.detail.broken || n === 1) throw new Error(`job ${e.detail.id} failed on run ${n}`);
          await client.send(new PutEventsCommand({ Entries: [{ Source: 'done', DetailType: 'Done', Detail: JSON.stringify({ id: e.detail.id }) }] }));
          done.add(e.id);
        },
      };
    };

    it('passes when Lambda retries, keeps what it gives up on and the handler does each event once', async () => {
      const report = await runChecks(def, good, functionHost(job(true)));
      expect(report.results.map((r) => `${r.id}: ${r.status}`)).toEqual(['valid: passed', 'flaky-done: passed', 'broken-kept: passed', 'flaky-not-kept: passed', 'once: passed']);
    });

    it('says what Lambda did when it does not retry, and what a redelivery did', async () => {
      const noRetry = await runChecks(def, { ...good, 'invoke.json': JSON.stringify({ MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } } }) }, functionHost(job(true)));
      const flaky = noRetry.results[1]!;
      expect(flaky.status).toBe('failed');
      expect(flaky.message).toContain('"flaky" caused 0 Done event(s); expected 1.');
      // Nothing here is about matching: what Lambda did is in the message, not under "Why didn't my event match?".
      expect(flaky.explanations).toBeUndefined();
      expect(flaky.message).toMatch(/Lambda gave up after 1 attempt\(s\) \(RetriesExhausted: no retries were left \(MaximumRetryAttempts allows 0\)\); the last one failed with Error: job j-1 failed on run 1; its record went to arn:aws:sqs:us-east-1:123456789012:failed/);
      expect(noRetry.results[2]!.status).toBe('passed');
      const notKept = await runChecks({ ...def, checks: [def.checks[3]!] }, { ...good, 'invoke.json': JSON.stringify({ MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } } }) }, functionHost(job(true)));
      expect(notKept.results[0]!.message).toContain('"flaky" ended in the queue failed (a record with condition RetriesExhausted).');
      expect(notKept.results[0]!.message).toMatch(/its record went to arn:aws:sqs:us-east-1:123456789012:failed/);

      const twice = await runChecks(def, good, functionHost(job(false)));
      expect(twice.results[4]!.message).toContain('"flaky" caused 2 Done event(s); expected 1. It was delivered 2 times with the same event id');
      expect(twice.results.slice(0, 4).every((r) => r.status === 'passed')).toBe(true);
    });

    it('times out a handler that never finishes in real time, though the lab clock stands still while it runs', async () => {
      const quick = parseLabDefinition({ ...def, bus: { ...def.bus, functions: { job: { file: 'job.ts', timeoutMs: 50, invokeConfig: { file: 'invoke.json' } } } }, checks: [def.checks[1]] });
      const report = await runChecks(quick, good, functionHost({ 'job.ts': () => new Promise(() => undefined) }));
      expect(report.results[0]!.status).toBe('failed');
      expect(report.results[0]!.message).toMatch(/after 3 attempt\(s\).*Sandbox\.Timedout: Task timed out after 0\.05 seconds/);
    });

    it('reports settings Lambda refuses, and a failure record that has nowhere to go', async () => {
      const refused = await runChecks(def, { ...good, 'invoke.json': '{"MaximumRetryAttempts": 3}' }, functionHost(job(true)));
      expect(refused.results[0]!.message).toContain('MaximumRetryAttempts: must be from 0 to 2');
      expect(refused.results[1]!.message).toContain('invoke.json: MaximumRetryAttempts: must be from 0 to 2');
      const lost = await runChecks(def, { ...good, 'invoke.json': '{}' }, functionHost(job(true)));
      expect(lost.results[2]!.message).toContain('"broken" is not in the queue failed.');
      expect(lost.results[2]!.message).toMatch(/after 3 attempt\(s\).*there is no OnFailure destination, so the event is lost/);
    });
  });
});
