import {
  CreateEventBusCommand, DeleteEventBusCommand, DeleteRuleCommand, DescribeEventBusCommand, DescribeRuleCommand,
  DisableRuleCommand, EnableRuleCommand, ListEventBusesCommand, ListRulesCommand, ListTargetsByRuleCommand,
  PutEventsCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand, TestEventPatternCommand,
  CreateArchiveCommand, StartReplayCommand, DescribeReplayCommand,
} from '@aws-sdk/client-eventbridge';
import {
  CreateLogGroupCommand, DeleteLogGroupCommand, DescribeLogGroupsCommand, DescribeLogStreamsCommand,
  FilterLogEventsCommand, GetLogEventsCommand, PutResourcePolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.ts';
import { clientsFor, DUMMY_CREDENTIALS } from './test-clients.ts';

const logArn = (region: string, name: string) => `arn:aws:logs:${region}:123456789012:log-group:${name}`;

async function rejection(p: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

let em: Emulator;
const logLines: string[] = [];

beforeAll(async () => {
  em = await createEmulator({ port: 0, log: (l) => logLines.push(l) });
});
afterAll(async () => {
  await em.close();
});

describe('EventBridge and CloudWatch Logs through the real AWS SDK', () => {
  it('routes matched events to a log-group target and FilterLogEvents finds exactly those', async () => {
    const { events, logs } = clientsFor(em.url);
    const created = await events.send(new CreateEventBusCommand({ Name: 'orders' }));
    expect(created.EventBusArn).toBe('arn:aws:events:eu-west-1:123456789012:event-bus/orders');
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/aws/events/big-orders' }));
    await logs.send(new PutResourcePolicyCommand({ policyName: 'events-to-logs', policyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
    await events.send(new PutRuleCommand({
      Name: 'big-orders', EventBusName: 'orders',
      EventPattern: JSON.stringify({ source: ['com.shop'], detail: { total: [{ numeric: ['>=', 100] }] } }),
    }));
    await events.send(new PutTargetsCommand({ Rule: 'big-orders', EventBusName: 'orders', Targets: [{ Id: 'log', Arn: logArn('eu-west-1', '/aws/events/big-orders') }] }));

    const entry = (total: number) => ({ EventBusName: 'orders', Source: 'com.shop', DetailType: 'OrderPlaced', Detail: JSON.stringify({ total }), Time: new Date('2024-05-01T10:00:00Z') });
    const put = await events.send(new PutEventsCommand({
      Entries: [entry(150), entry(20), { EventBusName: 'orders', Source: 'com.shop', DetailType: 'OrderPlaced', Detail: '{not json' }, entry(100)],
    }));
    expect(put.FailedEntryCount).toBe(1);
    expect(put.Entries?.[2]?.ErrorCode).toBe('MalformedDetail');
    const ids = [put.Entries?.[0]?.EventId, put.Entries?.[3]?.EventId];
    expect(ids.every((id) => typeof id === 'string')).toBe(true);

    const found = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/events/big-orders' }));
    const delivered = (found.events ?? []).map((e) => JSON.parse(e.message ?? '{}'));
    expect(delivered.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(delivered.map((e) => e.detail.total).sort()).toEqual([100, 150]);
    expect(delivered[0].time).toBe('2024-05-01T10:00:00Z');

    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/events/big-orders' }));
    expect(streams.logStreams).toHaveLength(1);
    const got = await logs.send(new GetLogEventsCommand({ logGroupName: '/aws/events/big-orders', logStreamName: streams.logStreams?.[0]?.logStreamName, startFromHead: true }));
    expect(got.events).toHaveLength(2);
    const filtered = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/events/big-orders', filterPattern: '"150"' }));
    expect(filtered.events).toHaveLength(1);
  });

  it('serves the rule and bus read operations with AWS shapes', async () => {
    const { events, logs } = clientsFor(em.url);
    await events.send(new CreateEventBusCommand({ Name: 'reads' }));
    await events.send(new PutRuleCommand({ Name: 'r1', EventBusName: 'reads', EventPattern: '{"source":["a"]}', Description: 'first' }));
    await events.send(new DisableRuleCommand({ Name: 'r1', EventBusName: 'reads' }));
    expect((await events.send(new DescribeRuleCommand({ Name: 'r1', EventBusName: 'reads' }))).State).toBe('DISABLED');
    await events.send(new EnableRuleCommand({ Name: 'r1', EventBusName: 'reads' }));
    const rules = await events.send(new ListRulesCommand({ EventBusName: 'reads' }));
    expect(rules.Rules?.map((r) => [r.Name, r.State, r.Description])).toEqual([['r1', 'ENABLED', 'first']]);
    const bus = await events.send(new DescribeEventBusCommand({ Name: 'reads' }));
    expect(bus.Arn).toMatch(/event-bus\/reads$/);
    expect(bus.CreationTime).toBeInstanceOf(Date);
    expect(Math.abs((bus.CreationTime as Date).getTime() - Date.now())).toBeLessThan(60_000);
    const buses = await events.send(new ListEventBusesCommand({ NamePrefix: 'rea' }));
    expect(buses.EventBuses?.map((b) => b.Name)).toEqual(['reads']);
    await events.send(new PutTargetsCommand({ Rule: 'r1', EventBusName: 'reads', Targets: [{ Id: 'a', Arn: logArn('eu-west-1', 'x') }, { Id: 'b', Arn: logArn('eu-west-1', 'y') }] }));
    await events.send(new RemoveTargetsCommand({ Rule: 'r1', EventBusName: 'reads', Ids: ['a'] }));
    expect((await events.send(new ListTargetsByRuleCommand({ Rule: 'r1', EventBusName: 'reads' }))).Targets?.map((t) => t.Id)).toEqual(['b']);
    const test = await events.send(new TestEventPatternCommand({
      EventPattern: '{"detail":{"n":[{"numeric":[">",1]}]}}',
      Event: JSON.stringify({ id: '1', account: '123456789012', source: 's', time: '2024-01-01T00:00:00Z', region: 'eu-west-1', resources: [], 'detail-type': 'd', detail: { n: 2 } }),
    }));
    expect(test.Result).toBe(true);
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'temp-group' }));
    await logs.send(new DeleteLogGroupCommand({ logGroupName: 'temp-group' }));
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'temp' }));
    expect(groups.logGroups).toEqual([]);
  });

  it('keeps one service per region, taken from the SigV4 credential scope', async () => {
    const west = clientsFor(em.url, 'eu-west-1').events;
    const east = clientsFor(em.url, 'us-east-2').events;
    await west.send(new CreateEventBusCommand({ Name: 'only-in-west' }));
    const inEast = await east.send(new ListEventBusesCommand({}));
    expect(inEast.EventBuses?.map((b) => b.Name)).toEqual(['default']);
    expect(inEast.EventBuses?.[0]?.Arn).toBe('arn:aws:events:us-east-2:123456789012:event-bus/default');
  });

  it('never logs credentials or the Authorization header', () => {
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(5);
    expect(all).not.toContain(DUMMY_CREDENTIALS.accessKeyId);
    expect(all).not.toMatch(/Credential=|Signature=|AWS4-HMAC/);
    expect(all).toContain('AWSEvents.PutEvents eu-west-1 200');
  });
});

describe('AWS errors reach the SDK with their exception name', () => {
  it('maps every service error to its __type and HTTP 400', async () => {
    const { events, logs } = clientsFor(em.url);
    await events.send(new CreateEventBusCommand({ Name: 'errs' }));
    await events.send(new PutRuleCommand({ Name: 'with-target', EventBusName: 'errs', EventPattern: '{"source":["x"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'with-target', EventBusName: 'errs', Targets: [{ Id: 't', Arn: logArn('eu-west-1', 'g') }] }));

    const cases = await Promise.all([
      rejection(events.send(new DeleteRuleCommand({ Name: 'with-target', EventBusName: 'errs' }))),
      rejection(events.send(new PutTargetsCommand({
        Rule: 'with-target', EventBusName: 'errs',
        Targets: [1, 2, 3, 4, 5, 6].map((n) => ({ Id: `t${n}`, Arn: logArn('eu-west-1', `g${n}`) })),
      }))),
      rejection(events.send(new PutRuleCommand({ Name: 'bad', EventBusName: 'errs', EventPattern: '{"source":"not-an-array"}' }))),
      rejection(events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'no-such-bus', EventPattern: '{"source":["x"]}' }))),
      rejection(events.send(new DescribeEventBusCommand({ Name: 'no-such-bus' }))),
      rejection(events.send(new CreateEventBusCommand({ Name: 'errs' }))),
      rejection(logs.send(new FilterLogEventsCommand({ logGroupName: 'no-such-group' }))),
      rejection(logs.send(new CreateLogGroupCommand({ logGroupName: 'dup' })).then(() => logs.send(new CreateLogGroupCommand({ logGroupName: 'dup' })))),
    ]);
    expect(cases.map((c) => [c.name, c.status])).toEqual([
      ['ValidationException', 400],
      ['LimitExceededException', 400],
      ['InvalidEventPatternException', 400],
      ['ResourceNotFoundException', 400],
      ['ResourceNotFoundException', 400],
      ['ResourceAlreadyExistsException', 400],
      ['ResourceNotFoundException', 400],
      ['ResourceAlreadyExistsException', 400],
    ]);
    expect(cases.every((c) => c.message.length > 10)).toBe(true);
    // the rule still has its target after the refused deletion
    expect((await events.send(new ListTargetsByRuleCommand({ Rule: 'with-target', EventBusName: 'errs' }))).Targets).toHaveLength(1);
    expect((await rejection(events.send(new DeleteEventBusCommand({ Name: 'default' })))).name).toBe('ValidationException');
  });

  it('answers unknown operations and malformed bodies with clear JSON errors', async () => {
    const post = (target: string | undefined, body: string) => fetch(em.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', ...(target ? { 'x-amz-target': target } : {}) },
      body,
    });
    const unknown = await post('AWSEvents.LaunchRocket', '{}');
    expect(unknown.status).toBe(400);
    expect(unknown.headers.get('x-amzn-errortype')).toBe('UnknownOperationException');
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException', message: expect.stringContaining('AWSEvents.LaunchRocket') });
    const missing = await post(undefined, '{}');
    expect((await missing.json()).message).toMatch(/the X-Amz-Target header is missing/);
    const malformed = await post('AWSEvents.ListEventBuses', '{"Name": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ __type: 'SerializationException', message: expect.stringMatching(/not valid JSON/) });
    const notObject = await post('AWSEvents.ListEventBuses', '[1]');
    expect((await notObject.json()).message).toMatch(/must be a JSON object/);
    const wrongShape = await post('AWSEvents.PutEvents', '{"Entries": "nope"}');
    expect(wrongShape.status).toBe(400);
    expect((await wrongShape.json()).__type).toBe('SerializationException');
    const tooBig = await post('AWSEvents.PutEvents', `{"Entries":[],"pad":"${'x'.repeat(17 * 1024 * 1024)}"}`);
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).__type).toBe('RequestEntityTooLargeException');
    const get = await fetch(`${em.url}/anything`);
    expect(get.status).toBe(400);
    expect((await get.json()).message).toMatch(/POST requests with one/);
    const health = await fetch(`${em.url}/health`);
    expect(await health.json()).toMatchObject({ status: 'ok' });
  });
});

describe('archives and replay (served when the service has them)', () => {
  it('archives events and replays them into the rule targets with replay-name set', async () => {
    const { events, logs } = clientsFor(em.url);
    const bus = await events.send(new CreateEventBusCommand({ Name: 'replayed' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/replayed' }));
    const archive = await events.send(new CreateArchiveCommand({ ArchiveName: 'keep-all', EventSourceArn: bus.EventBusArn }));
    expect(archive.ArchiveArn).toMatch(/archive\/keep-all$/);
    await events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'replayed', EventPattern: '{"source":["s"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'r', EventBusName: 'replayed', Targets: [{ Id: 'l', Arn: logArn('eu-west-1', '/replayed') }] }));
    const t = new Date('2024-03-01T12:00:00Z');
    await events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'replayed', Source: 's', DetailType: 'd', Detail: '{"k":1}', Time: t }] }));
    const replay = await events.send(new StartReplayCommand({
      ReplayName: 'again', EventSourceArn: archive.ArchiveArn,
      EventStartTime: new Date('2024-03-01T00:00:00Z'), EventEndTime: new Date('2024-03-02T00:00:00Z'),
      Destination: { Arn: bus.EventBusArn },
    }));
    expect(replay.ReplayArn).toMatch(/replay\/again$/);
    const found = await logs.send(new FilterLogEventsCommand({ logGroupName: '/replayed' }));
    const delivered = (found.events ?? []).map((e) => JSON.parse(e.message ?? '{}'));
    expect(delivered.map((e) => e['replay-name'])).toEqual([undefined, 'again']);
    expect((await events.send(new DescribeReplayCommand({ ReplayName: 'again' }))).State).toBe('COMPLETED');
  });
});
