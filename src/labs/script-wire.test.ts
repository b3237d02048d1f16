// The local AWS of a script lab, driven with the real SDK clients as a learner's script drives it: both services
// answer, every call is recorded, and each bent world does what a check needs, and only that.
import { CloudWatchLogsClient, CreateLogGroupCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateEventBusCommand, EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import type { ScriptWorld } from './lab-definition.ts';
import { labClientConfig } from './lab-client-config.ts';
import { scriptEnvironment } from './script-scenario.ts';
import { logLineId, scriptAws } from './script-wire.ts';
import { logPolicyProblem } from './script-call-judges.ts';

const GROUP = '/aws/events/wire-test';
const WHERE = { region: 'us-east-1', account: '123456789012' };

async function route(world: ScriptWorld = {}) {
  const aws = scriptAws(world);
  const env = scriptEnvironment({ file: 'x.ts' });
  const events = new EventBridgeClient(labClientConfig(env, aws.wire) as never);
  const logs = new CloudWatchLogsClient(labClientConfig(env, aws.wire) as never);
  await events.send(new CreateEventBusCommand({ Name: 'wire-test' }));
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'wire-test', EventPattern: JSON.stringify({ source: ['t'] }) }));
  await events.send(new PutTargetsCommand({ Rule: 'r', EventBusName: 'wire-test', Targets: [{ Id: 'log', Arn: `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}` }] }));
  const put = () => events.send(new PutEventsCommand({ Entries: [1, 2, 3].map((n) => ({ EventBusName: 'wire-test', Source: 't', DetailType: 'T', Detail: JSON.stringify({ n }) })) }));
  const read = async () => ((await logs.send(new FilterLogEventsCommand({ logGroupName: GROUP }))).events ?? []).map((e) => logLineId(e.message));
  return { aws, events, logs, put, read };
}

describe("a script's local AWS", () => {
  it('serves EventBridge and CloudWatch Logs over the SDK, records each call, and answers as AWS does', async () => {
    const { aws, events, put, read } = await route();
    const res = await put();
    expect(res.FailedEntryCount).toBe(0);
    expect((await read()).sort()).toEqual(res.Entries!.map((e) => e.EventId).sort());
    await expect(events.send(new CreateEventBusCommand({ Name: 'wire-test' }))).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException' });
    expect(aws.calls.map((c) => `${c.service}:${c.operation}${c.errorCode ? `:${c.errorCode}` : ''}`)).toEqual([
      'events:CreateEventBus', 'logs:CreateLogGroup', 'events:PutRule', 'events:PutTargets', 'events:PutEvents', 'logs:FilterLogEvents', 'events:CreateEventBus:ResourceAlreadyExistsException',
    ]);
    expect(aws.calls.find((c) => c.operation === 'PutRule')?.input).toMatchObject({ Name: 'r', EventBusName: 'wire-test' });
  });

  it('with failEntry, answers the second entry of the first PutEvents as failed and puts the others; later calls are untouched', async () => {
    const { aws, put, read } = await route({ failEntry: 'ThrottlingException' });
    const first = await put();
    expect(first.FailedEntryCount).toBe(1);
    expect(first.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual(['ok', 'ThrottlingException', 'ok']);
    expect(await read()).toHaveLength(2);
    expect(aws.bent.failedEntry).toMatchObject({ Detail: JSON.stringify({ n: 2 }) });
    expect((await put()).FailedEntryCount).toBe(0);
  });

  it('with logDelayMs, a read right after PutEvents finds nothing and a read after the delay finds every event', async () => {
    const { put, read } = await route({ logDelayMs: 300 });
    await put();
    expect(await read()).toEqual([]);
    await new Promise((r) => setTimeout(r, 350));
    expect(await read()).toHaveLength(3);
  });

  it('with lose, one event never arrives and another arrives twice, so the count of lines is right', async () => {
    const { aws, put, read } = await route({ lose: true });
    const ids = (await put()).Entries!.map((e) => e.EventId!);
    const got = await read();
    expect(got).toHaveLength(3);
    expect(got).not.toContain(aws.bent.lostId);
    expect(aws.bent.lostId).toBe(ids[2]);
    expect(got.filter((id) => id === ids[0])).toHaveLength(2);
  });

  it('with leftovers, the bus and the log group exist before the script starts', async () => {
    const aws = scriptAws({ leftovers: { buses: ['left'], logGroups: [GROUP] } });
    const logs = new CloudWatchLogsClient(labClientConfig(scriptEnvironment({ file: 'x.ts' }), aws.wire) as never);
    await expect(logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }))).rejects.toMatchObject({ name: 'ResourceAlreadyExistsException' });
    expect(aws.regions.events('us-east-1').listEventBuses({}).EventBuses.map((b) => b.Name)).toContain('left');
  });
});

describe('the log group resource policy EventBridge needs', () => {
  const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
  const good = { Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] }, Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}:*` };

  it('accepts the group\'s ARN with :*, or a wildcard over /aws/events/', () => {
    expect(logPolicyProblem(policy(good), GROUP, WHERE)).toBeUndefined();
    expect(logPolicyProblem(policy({ ...good, Resource: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/*:*', Action: 'logs:*' }), GROUP, WHERE)).toBeUndefined();
  });

  it('names what is missing: the principal, an action, or a resource that covers the streams', () => {
    expect(logPolicyProblem(policy({ ...good, Principal: { Service: 'logs.amazonaws.com' } }), GROUP, WHERE)).toMatch(/events\.amazonaws\.com/);
    expect(logPolicyProblem(policy({ ...good, Action: 'logs:PutLogEvents' }), GROUP, WHERE)).toMatch(/logs:CreateLogStream/);
    expect(logPolicyProblem(policy({ ...good, Resource: `arn:aws:logs:us-east-1:123456789012:log-group:${GROUP}` }), GROUP, WHERE)).toMatch(/does not cover the log streams/);
    expect(logPolicyProblem(policy({ ...good, Effect: 'Deny' }), GROUP, WHERE)).toMatch(/no statement with "Effect": "Allow"/);
    expect(logPolicyProblem('{', GROUP, WHERE)).toMatch(/not JSON/);
  });
});
