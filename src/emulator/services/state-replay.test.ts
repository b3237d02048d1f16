// --state keeps everything: every journaled entry, replayed into fresh endpoints, restores queues and
// their messages, roles, functions with their code, and stacks.
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, waitUntilStackCreateComplete, waitUntilStackDeleteComplete } from '@aws-sdk/client-cloudformation';
import { startServices, type TestStack } from './services.test-support.ts';

describe('journal and replay', () => {
  it('restores every service from its journal', async () => {
    const journal: { endpoint: string; entry: unknown }[] = [];
    const first: TestStack = await startServices({}, {
      // Stored as the state file would store it: JSON, nothing live.
      journal: async (endpoint, entry) => { journal.push({ endpoint, entry: JSON.parse(JSON.stringify(entry)) }); },
    });
    const c = first.clients;
    const { QueueUrl } = await c.sqs.send(new CreateQueueCommand({ QueueName: 'kept' }));
    await c.sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'still here' }));
    await c.iam.send(new CreateRoleCommand({ RoleName: 'kept-role', AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }));
    await c.lambda.send(new CreateFunctionCommand({
      FunctionName: 'kept-fn', Runtime: 'nodejs24.x', Role: 'arn:aws:iam::000000000000:role/kept-role', Handler: 'main.run',
      Code: { ZipFile: zipSync({ 'main.mjs': strToU8("export const run = async (e) => `restored ${e.n}`;") }) },
    }));
    await c.cloudformation.send(new CreateStackCommand({ StackName: 'kept-stack', TemplateBody: '{"Resources":{"Q":{"Type":"AWS::SQS::Queue","Properties":{"QueueName":"kept-by-stack"}}}}' }));
    await waitUntilStackCreateComplete({ client: c.cloudformation, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StackName: 'kept-stack' });
    await first.close();
    expect(new Set(journal.map((j) => j.endpoint))).toEqual(new Set(['sqs', 'iam', 'lambda', 'cloudformation']));

    const second = await startServices();
    try {
      for (const { endpoint, entry } of journal) await second.server.endpoints.find((e) => e.name === endpoint)?.replay?.(entry);
      const s = second.clients;
      const url = `${second.server.url}/000000000000/kept`;
      expect((await s.sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages?.[0]?.Body).toBe('still here');
      expect((await s.iam.send(new GetRoleCommand({ RoleName: 'kept-role' }))).Role?.Arn).toBe('arn:aws:iam::000000000000:role/kept-role');
      const res = await s.lambda.send(new InvokeCommand({ FunctionName: 'kept-fn', Payload: strToU8('{"n":3}') }));
      expect(Buffer.from(res.Payload ?? []).toString()).toBe('"restored 3"');
      expect((await s.cloudformation.send(new DescribeStacksCommand({ StackName: 'kept-stack' }))).Stacks?.[0]?.StackStatus).toBe('CREATE_COMPLETE');
      expect((await s.sqs.send(new ReceiveMessageCommand({ QueueUrl: `${second.server.url}/000000000000/kept-by-stack` }))).Messages ?? []).toEqual([]);
    } finally {
      await second.close();
    }

    // Stopped in the middle of CreateStack: the stack comes back failed, and can be deleted.
    const third = await startServices();
    try {
      const firstStackEntry = journal.find((j) => j.endpoint === 'cloudformation')?.entry;
      await third.server.endpoints.find((e) => e.name === 'cloudformation')?.replay?.(firstStackEntry);
      const cfn = third.clients.cloudformation;
      const stopped = (await cfn.send(new DescribeStacksCommand({ StackName: 'kept-stack' }))).Stacks?.[0];
      expect([stopped?.StackStatus, stopped?.StackStatusReason]).toEqual(['CREATE_FAILED', 'The emulator stopped while this operation was running.']);
      await cfn.send(new DeleteStackCommand({ StackName: 'kept-stack' }));
      await waitUntilStackDeleteComplete({ client: cfn, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StackName: 'kept-stack' });
    } finally {
      await third.close();
    }
  });
});
