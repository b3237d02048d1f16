import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import {
  AddPermissionCommand, CreateFunctionCommand, DeleteFunctionCommand, GetFunctionCommand, GetPolicyCommand, InvokeCommand,
  paginateListFunctions, PutFunctionEventInvokeConfigCommand, RemovePermissionCommand, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand,
  waitUntilFunctionActiveV2, waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetLogEventsCommand, DescribeLogStreamsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startServices, type TestStack } from '../services.test-support.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startServices({ lambda: { retryDelayMs: () => 50 } }); });
afterAll(async () => { await stack.close(); });

const ROLE = 'arn:aws:iam::000000000000:role/fn-role';
const zip = (files: Record<string, string>): Uint8Array => zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
const text = (p: Uint8Array | undefined): string => Buffer.from(p ?? new Uint8Array()).toString('utf8');

async function create(name: string, files: Record<string, string>, extra: Record<string, unknown> = {}): Promise<void> {
  await stack.clients.lambda.send(new CreateFunctionCommand({
    FunctionName: name, Runtime: 'nodejs22.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: zip(files) }, ...extra,
  }));
  await waitUntilFunctionActiveV2({ client: stack.clients.lambda, maxWaitTime: 10 }, { FunctionName: name });
}

async function logText(name: string): Promise<string> {
  const { logs } = stack.clients;
  const group = `/aws/lambda/${name}`;
  const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group }));
  const out: string[] = [];
  for (const s of streams.logStreams ?? []) {
    const ev = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: s.logStreamName, startFromHead: true }));
    out.push(...(ev.events ?? []).map((e) => e.message ?? ''));
  }
  return out.join('\n');
}

describe('Lambda over REST-JSON with @aws-sdk/client-lambda', () => {
  it('runs a CommonJS handler with its environment and dummy credentials, logging as Lambda does', async () => {
    await create('echo', {
      'index.js': `exports.handler = async (event, context) => {
        console.log('got', JSON.stringify(event));
        return { event, greeting: process.env.GREETING, key: process.env.AWS_ACCESS_KEY_ID, endpoint: process.env.AWS_ENDPOINT_URL, fn: context.functionName };
      };`,
    }, { Environment: { Variables: { GREETING: 'hello' } }, MemorySize: 256 });
    const res = await stack.clients.lambda.send(new InvokeCommand({ FunctionName: 'echo', Payload: strToU8('{"a":1}'), LogType: 'Tail' }));
    expect(res.FunctionError).toBeUndefined();
    expect(JSON.parse(text(res.Payload))).toEqual({ event: { a: 1 }, greeting: 'hello', key: 'AKIDEMULATOR', endpoint: stack.server.url, fn: 'echo' });
    expect(Buffer.from(res.LogResult ?? '', 'base64').toString()).toMatch(/REPORT RequestId: [\w-]+\tDuration: [\d.]+ ms/);
    const logs = await logText('echo');
    expect(logs).toMatch(/^START RequestId: [\w-]+ Version: \$LATEST/m);
    expect(logs).toMatch(/\tINFO\tgot \{"a":1\}/);
    expect(logs).toMatch(/Memory Size: 256 MB/);
    expect(logs).toMatch(/^END RequestId:/m);
  });

  it('runs an ES module handler whose SDK calls reach this emulator', async () => {
    await stack.clients.sqs.send(new CreateQueueCommand({ QueueName: 'from-fn' }));
    await create('esm', {
      'index.mjs': `import { SQSClient, SendMessageCommand, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
        const sqs = new SQSClient({});
        export const handler = async (event) => {
          const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'from-fn' }));
          await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(event) }));
          return 'sent';
        };`,
    }, { Timeout: 10 });
    const res = await stack.clients.lambda.send(new InvokeCommand({ FunctionName: 'esm', Payload: strToU8('{"order":7}') }));
    expect(text(res.Payload)).toBe('"sent"');
    const url = `${stack.server.url}/000000000000/from-fn`;
    const got = await stack.clients.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
    expect(got.Messages?.[0]?.Body).toBe('{"order":7}');
  });

  it('runs learner code sandboxed: no host files, no processes, no host environment', async () => {
    process.env.HOST_ONLY_SECRET = 'must-not-leak';
    await create('nosy', {
      'index.js': `const fs = require('node:fs');
        const attempt = (f) => { try { f(); return 'allowed'; } catch (e) { return e.code; } };
        exports.handler = async () => ({
          read: attempt(() => fs.readFileSync('/etc/hostname')),
          write: attempt(() => fs.writeFileSync(__dirname + '/x', 'x')),
          spawn: attempt(() => require('node:child_process').execSync('true')),
          secret: process.env.HOST_ONLY_SECRET ?? null,
        });`,
    });
    const res = await stack.clients.lambda.send(new InvokeCommand({ FunctionName: 'nosy' }));
    delete process.env.HOST_ONLY_SECRET;
    expect(JSON.parse(text(res.Payload))).toEqual({ read: 'ERR_ACCESS_DENIED', write: 'ERR_ACCESS_DENIED', spawn: 'ERR_ACCESS_DENIED', secret: null });
  });

  it('kills a function at its timeout and reports it as Lambda does', async () => {
    await create('slow', { 'index.js': 'exports.handler = () => new Promise((r) => setTimeout(r, 10000));' }, { Timeout: 1 });
    const started = Date.now();
    const res = await stack.clients.lambda.send(new InvokeCommand({ FunctionName: 'slow' }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(res.Payload)).errorMessage).toMatch(/Task timed out after 1\.00 seconds/);
    expect(await logText('slow')).toMatch(/Task timed out after 1\.00 seconds/);
  });

  it('retries a failing asynchronous invocation twice, then dead-letters the event', async () => {
    const { sqs, lambda } = stack.clients;
    await sqs.send(new CreateQueueCommand({ QueueName: 'fn-dlq' }));
    await create('thrower', { 'index.js': "exports.handler = async () => { throw new TypeError('bad order'); };" }, {
      DeadLetterConfig: { TargetArn: 'arn:aws:sqs:eu-west-1:000000000000:fn-dlq' },
    });
    const sync = await lambda.send(new InvokeCommand({ FunctionName: 'thrower' }));
    expect(sync.FunctionError).toBe('Unhandled');
    expect(JSON.parse(text(sync.Payload))).toMatchObject({ errorType: 'TypeError', errorMessage: 'bad order' });
    const res = await lambda.send(new InvokeCommand({ FunctionName: 'thrower', InvocationType: 'Event', Payload: strToU8('{"id":"o-1"}') }));
    expect(res.StatusCode).toBe(202);
    const url = `${stack.server.url}/000000000000/fn-dlq`;
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
    expect(got.Messages?.[0]?.Body).toBe('{"id":"o-1"}');
    // One synchronous call, then the first attempt and two retries.
    const thrown = await logText('thrower');
    expect(thrown.match(/^START /gm)).toHaveLength(4);
    expect(thrown).toMatch(/\tERROR\tInvoke Error \t\{"errorType":"TypeError","errorMessage":"bad order"/);
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages'] }));
    expect(attrs.Attributes?.ApproximateNumberOfMessages).toBe('0');
  });

  it('sends an exhausted asynchronous invocation to its on-failure destination as an invocation record', async () => {
    const { sqs, lambda } = stack.clients;
    await sqs.send(new CreateQueueCommand({ QueueName: 'on-failure' }));
    await create('fails-once', { 'index.js': "exports.handler = async () => { throw new Error('nope'); };" });
    await lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: 'fails-once', MaximumRetryAttempts: 0,
      DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:eu-west-1:000000000000:on-failure' } },
    }));
    await lambda.send(new InvokeCommand({ FunctionName: 'fails-once', InvocationType: 'Event', Payload: strToU8('{"k":1}') }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${stack.server.url}/000000000000/on-failure`, WaitTimeSeconds: 5 }));
    expect(JSON.parse(got.Messages?.[0]?.Body ?? '{}')).toMatchObject({
      requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 1 },
      requestPayload: { k: 1 }, responseContext: { functionError: 'Unhandled' }, responsePayload: { errorMessage: 'nope' },
    });
    expect((await logText('fails-once')).match(/^START /gm)).toHaveLength(1);
  });

  it('updates code and configuration, manages permissions, pages and deletes', async () => {
    const { lambda } = stack.clients;
    await create('versioned', { 'index.js': "exports.handler = async () => 'v1';" });
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'versioned', ZipFile: zip({ 'index.js': "exports.handler = async () => 'v2:' + process.env.STAGE;" }) }));
    await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'versioned', Environment: { Variables: { STAGE: 'dev' } }, Timeout: 5 }));
    await waitUntilFunctionUpdatedV2({ client: lambda, maxWaitTime: 10 }, { FunctionName: 'versioned' });
    expect(text((await lambda.send(new InvokeCommand({ FunctionName: 'versioned' }))).Payload)).toBe('"v2:dev"');
    const got = await lambda.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-west-1:000000000000:function:versioned' }));
    expect(got.Configuration?.Timeout).toBe(5);

    await lambda.send(new AddPermissionCommand({ FunctionName: 'versioned', StatementId: 'events', Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: 'arn:aws:events:eu-west-1:000000000000:rule/r' }));
    await expect(lambda.send(new AddPermissionCommand({ FunctionName: 'versioned', StatementId: 'events', Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com' })))
      .rejects.toMatchObject({ name: 'ResourceConflictException' });
    expect(JSON.parse((await lambda.send(new GetPolicyCommand({ FunctionName: 'versioned' }))).Policy ?? '{}').Statement[0].Sid).toBe('events');
    await lambda.send(new RemovePermissionCommand({ FunctionName: 'versioned', StatementId: 'events' }));

    const names: string[] = [];
    for await (const p of paginateListFunctions({ client: lambda, pageSize: 2 }, {})) names.push(...(p.Functions ?? []).map((f) => f.FunctionName ?? ''));
    expect(names).toEqual([...names].sort());
    expect(names).toContain('versioned');
    await lambda.send(new DeleteFunctionCommand({ FunctionName: 'versioned' }));
    await expect(lambda.send(new GetFunctionCommand({ FunctionName: 'versioned' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('answers a deprecated runtime and bad input as Lambda does', async () => {
    const { lambda } = stack.clients;
    await expect(lambda.send(new CreateFunctionCommand({ FunctionName: 'old', Runtime: 'nodejs20.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: zip({ 'index.js': '' }) } })))
      .rejects.toThrow(/The runtime parameter of nodejs20.x is no longer supported/);
    await expect(lambda.send(new CreateFunctionCommand({ FunctionName: 'bad', Runtime: 'nodejs22.x', Role: 'not-a-role', Handler: 'index.handler', Code: { ZipFile: zip({ 'index.js': '' }) } })))
      .rejects.toMatchObject({ name: 'InvalidParameterValueException' });
    await expect(lambda.send(new CreateFunctionCommand({ FunctionName: 'bad', Runtime: 'nodejs22.x', Role: ROLE, Handler: 'index.handler', Code: { ZipFile: strToU8('not a zip') } })))
      .rejects.toMatchObject({ name: 'InvalidParameterValueException' });
  });
});
