import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateChangeSetCommand, CreateStackCommand, DeleteStackCommand, DescribeChangeSetCommand, DescribeStackEventsCommand,
  DescribeStacksCommand, ExecuteChangeSetCommand, GetTemplateCommand, ListStackResourcesCommand, ListStacksCommand, UpdateStackCommand,
  ValidateTemplateCommand, waitUntilChangeSetCreateComplete, waitUntilStackCreateComplete, waitUntilStackDeleteComplete,
  waitUntilStackUpdateComplete, DescribeStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
import { ListEventBusesCommand, ListRulesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  DeleteFunctionEventInvokeConfigCommand, GetFunctionCommand, GetFunctionEventInvokeConfigCommand, InvokeCommand, ListFunctionsCommand, PutFunctionEventInvokeConfigCommand,
} from '@aws-sdk/client-lambda';
import { GetQueueUrlCommand, ListQueuesCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { ListRolesCommand } from '@aws-sdk/client-iam';
import { startServices, type TestStack } from '../services.test-support.ts';
import { ordersTemplate } from './orders-template.test-support.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startServices(); });
afterAll(async () => { await stack.close(); });

const wait = { maxWaitTime: 60, minDelay: 1, maxDelay: 1 };

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('CloudFormation over the Query protocol with @aws-sdk/client-cloudformation', () => {
  it('deploys bus, rules, function, role, log group and DLQ; an event goes through the function to the log group; delete leaves nothing', async () => {
    const { cloudformation: cfn, events, logs, lambda, sqs, iam } = stack.clients;
    const body = ordersTemplate('1');
    const validated = await cfn.send(new ValidateTemplateCommand({ TemplateBody: body }));
    expect(validated.Parameters?.map((p) => p.ParameterKey)).toEqual(['Stage']);
    expect(validated.Capabilities).toEqual(['CAPABILITY_IAM']);
    await expect(cfn.send(new CreateStackCommand({ StackName: 'orders', TemplateBody: body }))).rejects.toMatchObject({ name: 'InsufficientCapabilitiesException' });

    const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'orders', TemplateBody: body, Capabilities: ['CAPABILITY_IAM'] }));
    expect(StackId).toMatch(/^arn:aws:cloudformation:eu-west-1:000000000000:stack\/orders\//);
    await waitUntilStackCreateComplete({ client: cfn, ...wait }, { StackName: 'orders' });
    const described = (await cfn.send(new DescribeStacksCommand({ StackName: 'orders' }))).Stacks?.[0];
    expect(described?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((described?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.BusArn).toBe('arn:aws:events:eu-west-1:000000000000:event-bus/orders-dev');
    expect(outputs.Region).toBe('eu-west-1/orders');
    const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: 'orders' }))).StackResourceSummaries ?? [];
    expect(resources.map((r) => r.LogicalResourceId).sort()).toEqual(['AuditLog', 'BilledQueue', 'BilledRule', 'Bus', 'Dlq', 'Fn', 'FnRole', 'OrderRule', 'Permission']);
    expect(resources.every((r) => r.ResourceStatus === 'CREATE_COMPLETE')).toBe(true);

    await events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'orders-dev', Source: 'course.orders', DetailType: 'OrderPlaced', Detail: '{"orderId":"o-42"}' }] }));
    const logged = await until('the billed event in the audit log group', async () => {
      const found = await logs.send(new FilterLogEventsCommand({ logGroupName: '/course/orders/audit' }));
      return (found.events ?? []).find((e) => (e.message ?? '').includes('o-42'));
    });
    expect(JSON.parse(logged.message ?? '{}')).toMatchObject({ source: 'course.billing', 'detail-type': 'OrderBilled', detail: { orderId: 'o-42', version: '1' } });
    const queueUrl = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'orders', LogicalResourceId: 'BilledQueue' }))).StackResources?.[0]?.PhysicalResourceId;
    const queued = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 5 }));
    expect(JSON.parse(queued.Messages?.[0]?.Body ?? '{}')).toMatchObject({ source: 'course.billing', detail: { orderId: 'o-42' } });

    await cfn.send(new DeleteStackCommand({ StackName: 'orders' }));
    await waitUntilStackDeleteComplete({ client: cfn, ...wait }, { StackName: 'orders' });
    expect((await events.send(new ListEventBusesCommand({}))).EventBuses?.map((b) => b.Name)).toEqual(['default']);
    expect((await lambda.send(new ListFunctionsCommand({}))).Functions ?? []).toEqual([]);
    expect((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? []).toEqual([]);
    expect((await iam.send(new ListRolesCommand({}))).Roles ?? []).toEqual([]);
    const groups = (await logs.send(new DescribeLogGroupsCommand({}))).logGroups?.map((g) => g.logGroupName) ?? [];
    // The function's own /aws/lambda group stays after the stack, as in AWS (Lambda created it, not the stack).
    expect(groups.filter((g) => !g?.startsWith('/aws/lambda/'))).toEqual([]);
    await expect(cfn.send(new DescribeStacksCommand({ StackName: 'orders' }))).rejects.toMatchObject({ name: 'ValidationError' });
    const listed = (await cfn.send(new ListStacksCommand({ StackStatusFilter: ['DELETE_COMPLETE'] }))).StackSummaries ?? [];
    expect(listed.map((s) => s.StackId)).toContain(StackId);
  });

  it('updates a changed rule pattern and function code in place', async () => {
    const { cloudformation: cfn, lambda, events } = stack.clients;
    await cfn.send(new CreateStackCommand({ StackName: 'upd', TemplateBody: ordersTemplate('1'), Capabilities: ['CAPABILITY_IAM'], Parameters: [{ ParameterKey: 'Stage', ParameterValue: 'prod' }] }));
    await waitUntilStackCreateComplete({ client: cfn, ...wait }, { StackName: 'upd' });
    const fnName = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'upd', LogicalResourceId: 'Fn' }))).StackResources?.[0]?.PhysicalResourceId;
    expect(fnName).toMatch(/^upd-Fn-[A-Z0-9]{12}$/);
    await expect(cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: ordersTemplate('1'), Capabilities: ['CAPABILITY_IAM'], Parameters: [{ ParameterKey: 'Stage', UsePreviousValue: true }] })))
      .rejects.toThrow('No updates are to be performed.');
    await cfn.send(new UpdateStackCommand({ StackName: 'upd', TemplateBody: ordersTemplate('2', 'course.shop'), Capabilities: ['CAPABILITY_IAM'], Parameters: [{ ParameterKey: 'Stage', UsePreviousValue: true }] }));
    await waitUntilStackUpdateComplete({ client: cfn, ...wait }, { StackName: 'upd' });
    const rules = (await events.send(new ListRulesCommand({ EventBusName: 'orders-prod' }))).Rules ?? [];
    expect(rules.map((r) => JSON.parse(r.EventPattern ?? '{}').source?.[0]).sort()).toEqual(['course.billing', 'course.shop']);
    const res = await lambda.send(new InvokeCommand({ FunctionName: fnName, Payload: Buffer.from('{"version":"probe"}') }));
    expect(Buffer.from(res.Payload ?? []).toString()).toBe('"version 2"');
    expect((await cfn.send(new GetTemplateCommand({ StackName: 'upd' }))).TemplateBody).toContain('course.shop');
    expect((await cfn.send(new DescribeStacksCommand({ StackName: 'upd' }))).Stacks?.[0]?.StackStatus).toBe('UPDATE_COMPLETE');
    await cfn.send(new DeleteStackCommand({ StackName: 'upd' }));
    await waitUntilStackDeleteComplete({ client: cfn, ...wait }, { StackName: 'upd' });
  });

  it('rolls back a stack with an unsupported resource type, naming it in the events', async () => {
    const { cloudformation: cfn, sqs } = stack.clients;
    const body = JSON.stringify({
      Resources: {
        First: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'rollback-first' } },
        Table: { Type: 'AWS::DynamoDB::Table', DependsOn: 'First', Properties: {} },
      },
    });
    await cfn.send(new CreateStackCommand({ StackName: 'broken', TemplateBody: body }));
    // The create waiter fails on a rollback, as with AWS.
    await expect(waitUntilStackCreateComplete({ client: cfn, ...wait }, { StackName: 'broken' })).rejects.toThrow();
    await until('ROLLBACK_COMPLETE', async () => {
      const s = (await cfn.send(new DescribeStacksCommand({ StackName: 'broken' }))).Stacks?.[0];
      return s?.StackStatus === 'ROLLBACK_COMPLETE' ? s : undefined;
    });
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: 'broken' }))).StackEvents ?? [];
    const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED');
    expect(failed?.LogicalResourceId).toBe('Table');
    expect(failed?.ResourceStatusReason).toContain('AWS::DynamoDB::Table');
    expect(events[0]?.ResourceStatus).toBe('ROLLBACK_COMPLETE');
    expect(events.some((e) => e.LogicalResourceId === 'First' && e.ResourceStatus === 'DELETE_COMPLETE')).toBe(true);
    expect((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'rollback' }))).QueueUrls ?? []).toEqual([]);
    await cfn.send(new DeleteStackCommand({ StackName: 'broken' }));
    await waitUntilStackDeleteComplete({ client: cfn, ...wait }, { StackName: 'broken' });
  });

  it('creates and executes change sets as aws cloudformation deploy does', async () => {
    const { cloudformation: cfn } = stack.clients;
    const body = 'Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 5\nOutputs:\n  Url:\n    Value: !Ref Q\n';
    const created = await cfn.send(new CreateChangeSetCommand({ StackName: 'cs', ChangeSetName: 'first', ChangeSetType: 'CREATE', TemplateBody: body }));
    await waitUntilChangeSetCreateComplete({ client: cfn, ...wait }, { ChangeSetName: created.Id });
    const cs = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: 'first', StackName: 'cs' }));
    expect(cs.Changes?.map((c) => [c.ResourceChange?.Action, c.ResourceChange?.LogicalResourceId])).toEqual([['Add', 'Q']]);
    expect((await cfn.send(new DescribeStacksCommand({ StackName: 'cs' }))).Stacks?.[0]?.StackStatus).toBe('REVIEW_IN_PROGRESS');
    await cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: 'first', StackName: 'cs' }));
    await waitUntilStackCreateComplete({ client: cfn, ...wait }, { StackName: 'cs' });
    const same = await cfn.send(new CreateChangeSetCommand({ StackName: 'cs', ChangeSetName: 'again', ChangeSetType: 'UPDATE', TemplateBody: body }));
    const again = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: same.Id }));
    expect(again.Status).toBe('FAILED');
    expect(again.StatusReason).toContain("didn't contain changes");
    await expect(cfn.send(new ExecuteChangeSetCommand({ ChangeSetName: same.Id }))).rejects.toMatchObject({ name: 'InvalidChangeSetStatusException' });
    await expect(cfn.send(new DescribeChangeSetCommand({ ChangeSetName: 'missing', StackName: 'cs' }))).rejects.toMatchObject({ name: 'ChangeSetNotFoundException' });
    await expect(cfn.send(new CreateStackCommand({ StackName: 'cs', TemplateBody: body }))).rejects.toMatchObject({ name: 'AlreadyExistsException' });
    await cfn.send(new DeleteStackCommand({ StackName: 'cs' }));
    await waitUntilStackDeleteComplete({ client: cfn, ...wait }, { StackName: 'cs' });
  });

  it('answers template errors with ValidationError', async () => {
    const { cloudformation: cfn } = stack.clients;
    await expect(cfn.send(new ValidateTemplateCommand({ TemplateBody: 'Resources: [' }))).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(cfn.send(new CreateStackCommand({ StackName: 'cyc', TemplateBody: JSON.stringify({ Resources: { A: { Type: 'AWS::SQS::Queue', DependsOn: 'B' }, B: { Type: 'AWS::SQS::Queue', DependsOn: 'A' } } }) })))
      .rejects.toThrow(/Circular dependency/);
    await expect(cfn.send(new CreateStackCommand({ StackName: 'p', TemplateBody: ordersTemplate('1'), Capabilities: ['CAPABILITY_IAM'], Parameters: [{ ParameterKey: 'Nope', ParameterValue: 'x' }] })))
      .rejects.toThrow('Parameters: [Nope] do not exist in the template');
  });
});

describe('AWS::Lambda::EventInvokeConfig', () => {
  const template = (retries: number) => JSON.stringify({
    Resources: {
      Failed: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'eic-failed' } },
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } },
      Fn: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'eic-fn', Runtime: 'nodejs22.x', Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Code: { ZipFile: 'exports.handler = async () => { throw new Error("always"); };' } } },
      Settings: {
        Type: 'AWS::Lambda::EventInvokeConfig',
        Properties: { FunctionName: { Ref: 'Fn' }, Qualifier: '$LATEST', MaximumRetryAttempts: retries, MaximumEventAgeInSeconds: 600, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['Failed', 'Arn'] } } } },
      },
    },
  });

  it('puts the settings on create and update, Lambda follows them, and delete removes them', async () => {
    const { cloudformation: cfn, lambda, sqs } = stack.clients;
    await cfn.send(new CreateStackCommand({ StackName: 'eic', TemplateBody: template(0), Capabilities: ['CAPABILITY_IAM'] }));
    await waitUntilStackCreateComplete({ client: cfn, ...wait }, { StackName: 'eic' });
    const put = await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn', Qualifier: '$LATEST' }));
    expect(put).toMatchObject({ MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 600, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:eu-west-1:000000000000:eic-failed' } } });

    // No retries: the first failure sends Lambda's invocation record to the OnFailure queue.
    await lambda.send(new InvokeCommand({ FunctionName: 'eic-fn', InvocationType: 'Event', Payload: Buffer.from('{"id":"e-1"}') }));
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'eic-failed' }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    const record = JSON.parse(got.Messages?.[0]?.Body ?? '{}');
    expect(record).toMatchObject({ requestPayload: { id: 'e-1' }, requestContext: { condition: 'RetriesExhausted', approximateInvokeCount: 1 } });

    await cfn.send(new UpdateStackCommand({ StackName: 'eic', TemplateBody: template(2), Capabilities: ['CAPABILITY_IAM'] }));
    await waitUntilStackUpdateComplete({ client: cfn, ...wait }, { StackName: 'eic' });
    expect((await lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn' }))).MaximumRetryAttempts).toBe(2);

    const resources = (await cfn.send(new ListStackResourcesCommand({ StackName: 'eic' }))).StackResourceSummaries ?? [];
    expect(resources.find((r) => r.LogicalResourceId === 'Settings')?.PhysicalResourceId).toBe('eic-fn|$LATEST');
    await cfn.send(new DeleteStackCommand({ StackName: 'eic' }));
    await waitUntilStackDeleteComplete({ client: cfn, ...wait }, { StackName: 'eic' });
    await expect(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'eic' }))).QueueUrls ?? []).toEqual([]);
  });

  it('DeleteFunctionEventInvokeConfig removes only the settings', async () => {
    const { cloudformation: cfn, lambda } = stack.clients;
    await cfn.send(new CreateStackCommand({ StackName: 'eic2', TemplateBody: template(1), Capabilities: ['CAPABILITY_IAM'] }));
    await waitUntilStackCreateComplete({ client: cfn, ...wait }, { StackName: 'eic2' });
    await lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn' }));
    await expect(lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn' }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await lambda.send(new GetFunctionCommand({ FunctionName: 'eic-fn' }))).Configuration?.FunctionName).toBe('eic-fn');
    // The stack's delete of settings already gone fails the resource, as on AWS; put them back so the stack deletes cleanly.
    await lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'eic-fn', MaximumRetryAttempts: 1 }));
    await cfn.send(new DeleteStackCommand({ StackName: 'eic2' }));
    await waitUntilStackDeleteComplete({ client: cfn, ...wait }, { StackName: 'eic2' });
  });
});
