import { describe, expect, it } from 'vitest';
import { entry, setup } from './test-support.ts';
import { logStreamName } from './target-invokers.ts';

const shop = '{"source":["shop.orders"]}';

describe('routing by rules', () => {
  it('delivers to every target of every enabled matching rule, and nothing else', async () => {
    const { svc } = setup();
    const got: string[] = [];
    for (const name of ['a', 'b', 'c']) svc.registerFunction(name, () => void got.push(name));
    svc.putRule({ Name: 'orders', EventPattern: shop });
    svc.putRule({ Name: 'big', EventPattern: '{"detail":{"total":[{"numeric":[">",100]}]}}' });
    svc.putRule({ Name: 'other', EventPattern: '{"source":["billing"]}' });
    svc.putTargets({ Rule: 'orders', Targets: [{ Id: 'a', Arn: svc.functionArn('a') }, { Id: 'b', Arn: svc.functionArn('b') }] });
    svc.putTargets({ Rule: 'big', Targets: [{ Id: 'c', Arn: svc.functionArn('c') }] });
    svc.putTargets({ Rule: 'other', Targets: [{ Id: 'c', Arn: svc.functionArn('c') }] });
    svc.putEvents({ Entries: [entry({ total: 5 })] });
    await svc.whenIdle();
    expect(got.sort()).toEqual(['a', 'b']);
    got.length = 0;
    svc.putEvents({ Entries: [entry({ total: 500 })] });
    await svc.whenIdle();
    expect(got.sort()).toEqual(['a', 'b', 'c']);
  });

  it('skips disabled rules and resumes when they are enabled', async () => {
    const { svc } = setup();
    let calls = 0;
    svc.registerFunction('f', () => void calls++);
    svc.putRule({ Name: 'r', EventPattern: shop, State: 'DISABLED' });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'f', Arn: svc.functionArn('f') }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(calls).toBe(0);
    expect(svc.trace.ofKind('rules.matched')[0]!.data).toEqual({ rules: [], disabled: ['r'] });
    svc.enableRule({ Name: 'r' });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(calls).toBe(1);
  });

  it('gives handlers the transformed input and a context', async () => {
    const { svc } = setup();
    const seen: unknown[] = [];
    svc.registerFunction('f', (e, ctx) => void seen.push({ e, rule: ctx.ruleName, target: ctx.targetId, attempt: ctx.attempt }));
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({
      Rule: 'r',
      Targets: [{ Id: 't', Arn: svc.functionArn('f'), InputTransformer: { InputPathsMap: { id: '$.detail.id' }, InputTemplate: '{"order": <id>, "rule": <aws.events.rule-name>}' } }],
    });
    svc.putEvents({ Entries: [entry({ id: 'o-9' })] });
    await svc.whenIdle();
    expect(seen).toEqual([{ e: { order: 'o-9', rule: 'r' }, rule: 'r', target: 't', attempt: 1 }]);
  });
});

describe('bus-to-bus targets', () => {
  it('forwards the event to another bus once, but not on to a third bus', async () => {
    const { svc } = setup();
    const b = svc.createEventBus({ Name: 'b' }).EventBusArn;
    const c = svc.createEventBus({ Name: 'c' }).EventBusArn;
    const got: string[] = [];
    svc.registerFunction('onB', (e) => void got.push(`b:${(e as { id: string }).id}`));
    svc.registerFunction('onC', () => void got.push('c'));
    svc.putRule({ Name: 'toB', EventPattern: shop });
    svc.putTargets({ Rule: 'toB', Targets: [{ Id: 'bus', Arn: b }] });
    svc.putRule({ Name: 'onB', EventBusName: 'b', EventPattern: shop });
    svc.putTargets({ Rule: 'onB', EventBusName: 'b', Targets: [{ Id: 'f', Arn: svc.functionArn('onB') }, { Id: 'bus', Arn: c }] });
    svc.putRule({ Name: 'onC', EventBusName: 'c', EventPattern: shop });
    svc.putTargets({ Rule: 'onC', EventBusName: 'c', Targets: [{ Id: 'f', Arn: svc.functionArn('onC') }] });
    const id = svc.putEvents({ Entries: [entry()] }).Entries[0]!.EventId;
    await svc.whenIdle();
    expect(got).toEqual([`b:${id}`]);
    expect(svc.trace.ofKind('event.forwarded').map((t) => t.message)).toEqual(['forwarded from bus default to bus b']);
    expect(svc.trace.ofKind('event.dropped')[0]!.message).toMatch(/does not route an event from a sender bus on to a third bus/);
  });

  it('fails delivery to a missing bus without retrying', async () => {
    const { svc } = setup();
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'bus', Arn: 'arn:aws:events:us-east-1:123456789012:event-bus/gone' }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(svc.trace.ofKind('attempt.failed')[0]!.message).toMatch(/NO_RESOURCE: Event bus gone does not exist/);
    expect(svc.trace.ofKind('retry.scheduled')).toHaveLength(0);
  });
});

describe('log group targets', () => {
  it('writes each matched event to one stream per rule and target', async () => {
    const { svc } = setup();
    svc.logs.createLogGroup({ logGroupName: '/aws/events/orders' });
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'logs', Arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/orders:*' }] });
    const ids = svc.putEvents({ Entries: [entry({ n: 1 }, { Time: new Date('2024-12-31T23:00:00Z') }), entry({ n: 2 })] }).Entries.map((e) => e.EventId);
    await svc.whenIdle();
    expect(logStreamName('r', 'logs')).toBe('r-logs');
    const { events } = svc.logs.getLogEvents({ logGroupName: '/aws/events/orders', logStreamName: 'r-logs', startFromHead: true });
    expect(events.map((e) => JSON.parse(e.message).id)).toEqual(ids);
    expect(events[0]!.timestamp).toBe(Date.parse('2024-12-31T23:00:00Z'));
  });

  it('uses a {timestamp, message} transformed input as the log record', async () => {
    const { svc } = setup();
    svc.logs.createLogGroup({ logGroupName: 'audit' });
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({
      Rule: 'r',
      Targets: [
        {
          Id: 'l',
          Arn: 'arn:aws:logs:us-east-1:123456789012:log-group:audit',
          InputTransformer: { InputPathsMap: { t: '$.time', id: '$.detail.id' }, InputTemplate: '{"timestamp": <t>, "message": "order <id> placed"}' },
        },
      ],
    });
    svc.putEvents({ Entries: [entry({ id: 'o-7' }, { Time: '2024-06-01T10:00:00Z' })] });
    await svc.whenIdle();
    const out = svc.logs.filterLogEvents({ logGroupName: 'audit', filterPattern: 'o-7' }).events;
    expect(out).toMatchObject([{ message: 'order o-7 placed', timestamp: Date.parse('2024-06-01T10:00:00Z'), logStreamName: 'r-l' }]);
  });

  it('sends to the dead-letter queue when the log group is missing', async () => {
    const { svc } = setup();
    const dlq = svc.queues.createQueue({ QueueName: 'dlq' }).QueueArn;
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'l', Arn: 'arn:aws:logs:us-east-1:123456789012:log-group:none', DeadLetterConfig: { Arn: dlq } }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(svc.queues.peek(dlq)[0]!.MessageAttributes['ERROR_CODE']!.StringValue).toBe('NO_RESOURCE');
  });
});

describe('queue and other targets', () => {
  it('puts the payload on an SQS-like queue', async () => {
    const { svc } = setup();
    const q = svc.queues.createQueue({ QueueName: 'work' }).QueueArn;
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'q', Arn: q, InputPath: '$.detail' }] });
    svc.putEvents({ Entries: [entry({ id: 3 })] });
    await svc.whenIdle();
    expect(svc.queues.receive(q).map((m) => m.Body)).toEqual(['{"id":3}']);
    expect(svc.queues.peek(q)).toEqual([]);
  });
  it('accepts targets of services it does not model and records what they were sent', async () => {
    const { svc } = setup();
    svc.putRule({ Name: 'r', EventPattern: shop });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'sns', Arn: 'arn:aws:sns:us-east-1:123456789012:topic', Input: '{"hi":1}' }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(svc.trace.ofKind('target.input')[0]!.message).toBe('{"hi":1}');
    expect(svc.trace.ofKind('attempt.succeeded')).toHaveLength(1);
  });
});

describe('scheduled rules', () => {
  it('fire on the clock with the Scheduled Event envelope', async () => {
    const { svc, clock } = setup();
    const seen: Record<string, unknown>[] = [];
    svc.registerFunction('tick', (e) => void seen.push(e as Record<string, unknown>));
    const { RuleArn } = svc.putRule({ Name: 'every5', ScheduleExpression: 'rate(5 minutes)' });
    svc.putTargets({ Rule: 'every5', Targets: [{ Id: 't', Arn: svc.functionArn('tick') }] });
    await clock.advance(4 * 60_000);
    expect(seen).toHaveLength(0);
    await clock.advance(60_000);
    await svc.whenIdle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '123456789012',
      region: 'us-east-1',
      time: '2025-01-01T00:05:00Z',
      resources: [RuleArn],
      detail: {},
    });
    await clock.advance(10 * 60_000);
    await svc.whenIdle();
    expect(seen.map((e) => e['time'])).toEqual(['2025-01-01T00:05:00Z', '2025-01-01T00:10:00Z', '2025-01-01T00:15:00Z']);
  });

  it('stop while disabled and after deletion', async () => {
    const { svc, clock } = setup();
    let n = 0;
    svc.registerFunction('tick', () => void n++);
    svc.putRule({ Name: 'noon', ScheduleExpression: 'cron(0 12 * * ? *)' });
    svc.putTargets({ Rule: 'noon', Targets: [{ Id: 't', Arn: svc.functionArn('tick') }] });
    await clock.advance(12 * 3600_000);
    await svc.whenIdle();
    expect(n).toBe(1);
    svc.disableRule({ Name: 'noon' });
    await clock.advance(24 * 3600_000);
    expect(n).toBe(1);
    svc.enableRule({ Name: 'noon' });
    await clock.advance(24 * 3600_000);
    await svc.whenIdle();
    expect(n).toBe(2);
    svc.removeTargets({ Rule: 'noon', Ids: svc.listTargetsByRule({ Rule: 'noon' }).Targets.map((t) => t.Id) });
    svc.deleteRule({ Name: 'noon' });
    await clock.advance(48 * 3600_000);
    expect(n).toBe(2);
    expect(clock.pending()).toBe(0);
  });
});
