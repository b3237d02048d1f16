// The deployed function's index.js, run in Node as Lambda runs it (CommonJS, one invocation at a time) with
// the real @aws-sdk/client-eventbridge sending to the emulator: the learner's handler gets the real context,
// and the SDK middleware logs what verify reads, marks emitted events with their chain, and stops loops.
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import { format } from 'node:util';
import { CreateEventBusCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand, PurgeQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { startServices, type TestStack } from '../emulator/services/services.test-support.ts';
import { sdkEnvironment } from '../emulator/services/service-kit/emulator-clients.ts';
import { nodeTranspile } from './export-command.ts';
import { bundleLabModules, CALL_MARK, EMIT_MARK, FAIL_MARK, HOP_FIELD, LOOP_MARK, MAX_HOPS, ROOT_FIELD, wrapperCode } from './function-code.ts';

const BUS = 'wrapper-bus';
let stack: TestStack;
let queueUrl = '';
const savedEnv = { ...process.env };

beforeAll(async () => {
  stack = await startServices();
  const { events, sqs } = stack.clients;
  await events.send(new CreateEventBusCommand({ Name: BUS }));
  queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'wrapper-arrivals' }))).QueueUrl!;
  const queueArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
  await events.send(new PutRuleCommand({ Name: 'all', EventBusName: BUS, EventPattern: JSON.stringify({ source: [{ prefix: '' }] }) }));
  await events.send(new PutTargetsCommand({ Rule: 'all', EventBusName: BUS, Targets: [{ Id: 'q', Arn: queueArn }] }));
  // What the emulator's Lambda service gives a function's SDK (and AWS gives a real one): region, endpoint, credentials.
  Object.assign(process.env, sdkEnvironment(stack.server.url, 'eu-west-1'), { EVENT_BUS_NAME: BUS });
});
afterEach(async () => {
  await stack.clients.sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
});
afterAll(async () => {
  process.env = savedEnv;
  await stack.close();
});

type Handler = (event: unknown, context: unknown) => Promise<unknown>;

async function deployed(learnerTs: string): Promise<{ handler: Handler; lines: string[] }> {
  return deployedCode(wrapperCode(await nodeTranspile('handler.ts', learnerTs), 'handler'));
}

/** Loads index.js as Lambda's runtime would: CommonJS with the real require; console lines are collected. */
function deployedCode(code: string): { handler: Handler; lines: string[] } {
  const lines: string[] = [];
  const console = { log: (...a: unknown[]) => lines.push(format(...a)) };
  const module = { exports: {} as { handler: Handler } };
  const load = runInThisContext(`(function (exports, module, require, console) {\n${code}\n})`) as (...a: unknown[]) => void;
  load(module.exports, module, createRequire(import.meta.url), console);
  return { handler: module.exports.handler, lines };
}

const marked = (lines: string[], mark: string) => lines.filter((l) => l.startsWith(mark)).map((l) => JSON.parse(l.slice(mark.length)) as Record<string, unknown>);

async function arrivals(): Promise<Record<string, unknown>[]> {
  const r = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
  return (r.Messages ?? []).map((m) => JSON.parse(m.Body!) as Record<string, unknown>);
}

function lambdaContext() {
  return { awsRequestId: 'req-1', functionName: 'course-lab-fn', getRemainingTimeInMillis: () => 2500 };
}

const EMITTER = `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
const client = new EventBridgeClient({});
export const handler = async (event: { detail?: { orderId?: string } }, context: Context) => {
  (globalThis as Record<string, unknown>).seenContext = context;
  console.log('running', context.awsRequestId, context.functionName, context.getRemainingTimeInMillis());
  const result = await client.send(new PutEventsCommand({
    Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'com.example.orders', DetailType: 'OrderAccepted', Detail: JSON.stringify({ orderId: event.detail?.orderId }) }],
  }));
  console.log('answer', JSON.stringify({ failed: result.FailedEntryCount, ids: result.Entries?.map((e) => typeof e.EventId) }));
  if (result.FailedEntryCount) throw new Error('rejected: ' + result.Entries?.[0]?.ErrorCode);
  return { ok: true };
};
`;

it('runs the learner handler as written, with the real Lambda context, and logs the call and what it put', async () => {
  const { handler, lines } = await deployed(EMITTER);
  const context = lambdaContext();
  const event = { id: 'evt-1', source: 'com.example.shop', 'detail-type': 'OrderPlaced', detail: { orderId: 'o-1' } };
  expect(await handler(event, context)).toEqual({ ok: true });
  expect((globalThis as Record<string, unknown>).seenContext).toBe(context);
  expect(lines).toContain('running req-1 course-lab-fn 2500');
  expect(lines).toContain('answer {"failed":0,"ids":["string"]}');
  expect(marked(lines, CALL_MARK)).toEqual([event]);
  expect(marked(lines, EMIT_MARK)).toEqual([{ source: 'com.example.orders', 'detail-type': 'OrderAccepted', detail: { orderId: 'o-1' }, root: 'evt-1', hop: 1 }]);
  // The event on the bus carries its chain in its detail, so the next function (and verify) can trace it.
  const [arrived, ...more] = await arrivals();
  expect(more).toEqual([]);
  expect(arrived!.detail).toEqual({ orderId: 'o-1', [ROOT_FIELD]: 'evt-1', [HOP_FIELD]: 1 });
});

it('continues a chain from the event it was given, and past the hop limit puts nothing but answers as PutEvents does', async () => {
  const { handler, lines } = await deployed(EMITTER);
  const next = { id: 'evt-2', detail: { orderId: 'o-2', [ROOT_FIELD]: 'root-0', [HOP_FIELD]: 3 } };
  await handler(next, lambdaContext());
  expect(marked(lines, EMIT_MARK).map((e) => [e.root, e.hop])).toEqual([['root-0', 4]]);
  expect((await arrivals()).map((e) => e.detail)).toEqual([{ orderId: 'o-2', [ROOT_FIELD]: 'root-0', [HOP_FIELD]: 4 }]);
  const looping = { id: 'evt-3', detail: { orderId: 'o-3', [ROOT_FIELD]: 'root-0', [HOP_FIELD]: MAX_HOPS } };
  expect(await handler(looping, lambdaContext())).toEqual({ ok: true });
  expect(lines).toContain('answer {"failed":0,"ids":["string"]}');
  expect(marked(lines, LOOP_MARK)).toEqual([{ source: 'com.example.orders', 'detail-type': 'OrderAccepted', detail: { orderId: 'o-3' }, root: 'root-0', hop: MAX_HOPS + 1 }]);
  expect(marked(lines, EMIT_MARK)).toHaveLength(1);
  expect(await arrivals()).toEqual([]);
});

it('lets the learner see a rejected entry as AWS reports it, logs no emit for it, and logs and rethrows the failure', async () => {
  const { handler, lines } = await deployed(EMITTER.replace('JSON.stringify({ orderId: event.detail?.orderId })', "'not json'"));
  const error = await handler({ id: 'evt-4', detail: {} }, lambdaContext()).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).message).toBe('rejected: MalformedDetail');
  expect(lines).toContain('answer {"failed":1,"ids":["undefined"]}');
  expect(marked(lines, EMIT_MARK)).toEqual([]);
  expect(marked(lines, FAIL_MARK)).toEqual([{ id: 'evt-4', message: 'rejected: MalformedDetail' }]);
  expect(await arrivals()).toEqual([]);
});

it('leaves a Detail that is not a string to the SDK and EventBridge, which refuse the request', async () => {
  const { handler, lines } = await deployed(EMITTER.replace('JSON.stringify({ orderId: event.detail?.orderId })', '{ orderId: event.detail?.orderId } as unknown as string'));
  const error = await handler({ id: 'evt-5', detail: { orderId: 'o-5' } }, lambdaContext()).then(() => undefined, (e: unknown) => e);
  expect((error as Error).name).toBe('SerializationException');
  expect(marked(lines, EMIT_MARK)).toEqual([]);
  expect(marked(lines, FAIL_MARK)).toEqual([{ id: 'evt-5', message: (error as Error).message }]);
});

it('marks every client the learner makes, the aggregated EventBridge too, and leaves other commands alone', async () => {
  const { handler, lines } = await deployed(`import * as sdk from '@aws-sdk/client-eventbridge';
export const handler = async () => {
  const plain = new sdk.EventBridge({});
  console.log('real classes', plain instanceof sdk.EventBridgeClient, new sdk.EventBridgeClient({}) instanceof sdk.EventBridgeClient);
  const buses = await plain.listEventBuses({});
  console.log('buses', buses.EventBuses?.some((b) => b.Name === process.env.EVENT_BUS_NAME));
  await plain.putEvents({ Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 's', DetailType: 'A', Detail: '{"n":1}' }, { EventBusName: process.env.EVENT_BUS_NAME, Source: 's', DetailType: 'B', Detail: '{"n":2}' }] });
};
`);
  await handler({ id: 'evt-6' }, lambdaContext());
  expect(lines).toContain('real classes true true');
  expect(lines).toContain('buses true');
  expect(marked(lines, EMIT_MARK).map((e) => e['detail-type'])).toEqual(['A', 'B']);
  expect((await arrivals()).map((e) => e.detail).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
    { n: 1, [ROOT_FIELD]: 'evt-6', [HOP_FIELD]: 1 }, { n: 2, [ROOT_FIELD]: 'evt-6', [HOP_FIELD]: 1 },
  ]);
});

it('names the file when it exports no such handler, and still logs the call', async () => {
  const code = wrapperCode(await nodeTranspile('handler.ts', 'export const handle = async () => {};'), 'handler', 'lab/handler.ts');
  const { handler, lines } = await deployedCode(code);
  await expect(handler({ id: 'evt-7' }, lambdaContext())).rejects.toThrow('lab/handler.ts does not export a function named handler');
  expect(marked(lines, CALL_MARK)).toEqual([{ id: 'evt-7' }]);
  expect(marked(lines, FAIL_MARK)).toEqual([{ id: 'evt-7', message: 'lab/handler.ts does not export a function named handler' }]);
});

it('keeps the learner code as compiled, word for word', async () => {
  const compiled = await nodeTranspile('handler.ts', EMITTER);
  expect(wrapperCode(compiled, 'handler')).toContain(compiled.trim());
});

it("bundles the lab's modules the handler imports: each evaluated once, with its state, by any relative specifier", async () => {
  const files: Record<string, string> = {
    'handler.ts': [
      "import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';",
      "import type { Shape } from './types.ts';",
      "import { next } from './lib/counter.js';",
      "import { again } from './lib/again';",
      'const client = new EventBridgeClient({});',
      'export const handler = async (event: Shape) => {',
      "  await client.send(new PutEventsCommand({ Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 's', DetailType: 'N', Detail: JSON.stringify({ n: next(), m: again() }) }] }));",
      '  return event.id;',
      '};',
    ].join('\n'),
    'types.ts': 'export interface Shape { id: string }',
    'lib/counter.ts': 'let n = 0;\nexport const next = (): number => ++n;',
    'lib/again.ts': "import { next } from '../lib/counter.ts';\nexport const again = (): number => next();",
    'unused.ts': 'throw new Error("never loaded");',
  };
  const js = await nodeTranspile('handler.ts', files['handler.ts']!);
  const bundle = await bundleLabModules('handler.ts', js, files, nodeTranspile);
  // Only what the handler reaches: the type-only import is erased, the unused module left out.
  expect(Object.keys(bundle.modules).sort()).toEqual(['lib/again.ts', 'lib/counter.ts']);
  expect(bundle.links).toEqual({ 'handler.ts': { './lib/counter.js': 'lib/counter.ts', './lib/again': 'lib/again.ts' }, 'lib/again.ts': { '../lib/counter.ts': 'lib/counter.ts' } });
  const code = wrapperCode(js, 'handler', 'lab/handler.ts', bundle);
  expect(code).toContain(js.trim());
  const { handler, lines } = deployedCode(code);
  expect(await handler({ id: 'evt-8' }, lambdaContext())).toBe('evt-8');
  expect(await handler({ id: 'evt-9' }, lambdaContext())).toBe('evt-9');
  // One counter module for both importers, kept between invocations as in one Lambda environment.
  expect(marked(lines, EMIT_MARK).map((e) => e.detail)).toEqual([{ n: 1, m: 2 }, { n: 3, m: 4 }]);
});

it('leaves a relative import of a file the lab lacks to Node, which fails as on Lambda', async () => {
  const js = await nodeTranspile('handler.ts', "import { x } from './missing.ts';\nexport const handler = async () => x;");
  const bundle = await bundleLabModules('handler.ts', js, { 'handler.ts': '' }, nodeTranspile);
  expect(bundle.modules).toEqual({});
  expect(() => deployedCode(wrapperCode(js, 'handler', 'lab/handler.ts', bundle))).toThrow(/Cannot find module '\.\/missing\.ts'/);
});
