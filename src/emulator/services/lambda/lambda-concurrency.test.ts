import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { startServices, type TestStack } from '../services.test-support.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startServices({ lambda: { maxRunning: 1 } }); });
afterAll(async () => { await stack.close(); });

describe('Lambda concurrency, bounded', () => {
  it('throttles a synchronous Invoke when every process is busy, and queues asynchronous ones', async () => {
    const { lambda } = stack.clients;
    await lambda.send(new CreateFunctionCommand({
      FunctionName: 'busy', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::000000000000:role/r', Handler: 'index.handler', Timeout: 5,
      Code: { ZipFile: zipSync({ 'index.js': strToU8("exports.handler = (e) => new Promise((r) => setTimeout(() => r(e), e.ms));") }) },
    }));
    const slow = lambda.send(new InvokeCommand({ FunctionName: 'busy', Payload: strToU8('{"ms":1500}') }));
    await new Promise((r) => setTimeout(r, 500));
    await expect(lambda.send(new InvokeCommand({ FunctionName: 'busy', Payload: strToU8('{"ms":1}') }))).rejects.toMatchObject({ name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
    const queued = await lambda.send(new InvokeCommand({ FunctionName: 'busy', InvocationType: 'Event', Payload: strToU8('{"ms":1}') }));
    expect(queued.StatusCode).toBe(202);
    expect(Buffer.from((await slow).Payload ?? []).toString()).toBe('{"ms":1500}');
    // The queued invocation runs once the slot is free: two START lines, the throttled call never started.
    let starts = 0;
    for (let i = 0; i < 50 && starts < 2; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      const found = await stack.clients.logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/busy' }));
      starts = (found.events ?? []).filter((e) => e.message?.startsWith('START ')).length;
    }
    expect(starts).toBe(2);
  });
});
