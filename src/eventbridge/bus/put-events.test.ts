import { describe, expect, it } from 'vitest';
import { entry, errorOf, setup } from './test-support.ts';
import { entrySize } from './put-events-validation.ts';

// AWS raised the limit from 256 KB to 1 MB on 2026-01-29.
const ONE_MB = 1024 * 1024;

describe('PutEvents request validation', () => {
  it('needs 1 to 10 entries', () => {
    const { svc } = setup();
    const none = errorOf(() => svc.putEvents({ Entries: [] }));
    expect(none.code).toBe('ValidationException');
    expect(none.message).toMatch(/at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1/);
    const many = errorOf(() => svc.putEvents({ Entries: Array.from({ length: 11 }, () => entry()) }));
    expect(many.code).toBe('ValidationException');
    expect(many.message).toMatch(/Member must have length less than or equal to 10/);
    expect(errorOf(() => svc.putEvents({} as never)).message).toMatch(/Member must not be null/);
    expect(svc.putEvents({ Entries: Array.from({ length: 10 }, () => entry()) }).FailedEntryCount).toBe(0);
  });

  it('limits the request to 1 MB counted the AWS way', () => {
    const { svc } = setup();
    const overhead = entrySize(entry({ p: '' }));
    const fits = entry({ p: 'x'.repeat(ONE_MB - overhead) });
    expect(entrySize(fits)).toBe(ONE_MB);
    expect(svc.putEvents({ Entries: [fits] }).FailedEntryCount).toBe(0);
    const over = entry({ p: 'x'.repeat(ONE_MB - overhead + 1) });
    const err = errorOf(() => svc.putEvents({ Entries: [over] }));
    expect(err.code).toBe('ValidationException');
    expect(err.message).toBe('Total size of the entries in the request is over the limit.');
  });

  it('sizes entries by UTF-8 bytes, 14 for Time and each resource', () => {
    expect(entrySize({ Source: 'ab', DetailType: 'é', Detail: '{}' })).toBe(2 + 2 + 2);
    expect(entrySize({ Source: 'a', DetailType: 'b', Detail: '{}', Time: new Date(), Resources: ['xyz', 'q'] })).toBe(14 + 1 + 1 + 2 + 3 + 1);
  });
});

describe('PutEvents entry validation', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['Source missing', { DetailType: 'd', Detail: '{}' }, 'InvalidArgument', 'Parameter Source is not valid. Reason: Source is a required argument.'],
    ['DetailType missing', { Source: 's', Detail: '{}' }, 'InvalidArgument', 'Parameter DetailType is not valid. Reason: DetailType is a required argument.'],
    ['Detail missing', { Source: 's', DetailType: 'd' }, 'InvalidArgument', 'Parameter Detail is not valid. Reason: Detail is a required argument.'],
    ['Detail not JSON', { Source: 's', DetailType: 'd', Detail: '{nope' }, 'MalformedDetail', 'Detail is malformed.'],
    ['Detail an array', { Source: 's', DetailType: 'd', Detail: '[1]' }, 'MalformedDetail', 'Detail is malformed.'],
    ['Detail a number', { Source: 's', DetailType: 'd', Detail: '42' }, 'MalformedDetail', 'Detail is malformed.'],
    ['reserved source', { Source: 'aws.ec2', DetailType: 'd', Detail: '{}' }, 'NotAuthorizedForSourceException', 'Not authorized for the source.'],
  ];
  it.each(cases)('%s', (_name, bad, code, message) => {
    const { svc } = setup();
    const res = svc.putEvents({ Entries: [entry(), bad as never, entry()] });
    expect(res.FailedEntryCount).toBe(1);
    expect(res.Entries[0]!.EventId).toBeDefined();
    expect(res.Entries[1]).toEqual({ ErrorCode: code, ErrorMessage: message });
    expect(res.Entries[2]!.EventId).toBeDefined();
    expect(svc.trace.ofKind('event.rejected')).toHaveLength(1);
  });
});

describe('the event envelope', () => {
  it('wraps the entry the way EventBridge does', async () => {
    const { svc, clock } = setup({ region: 'eu-west-2', account: '111122223333' });
    await clock.advance(1234); // a time with milliseconds
    const seen: unknown[] = [];
    svc.registerFunction('f', (e) => void seen.push(e));
    svc.putRule({ Name: 'all', EventPattern: '{"source":["shop.orders"]}' });
    svc.putTargets({ Rule: 'all', Targets: [{ Id: 'f', Arn: svc.functionArn('f') }] });
    const res = svc.putEvents({ Entries: [entry({ total: 5 })] });
    await svc.whenIdle();
    expect(seen).toEqual([
      {
        version: '0',
        id: res.Entries[0]!.EventId,
        'detail-type': 'OrderPlaced',
        source: 'shop.orders',
        account: '111122223333',
        time: '2025-01-01T00:00:01Z',
        region: 'eu-west-2',
        resources: [],
        detail: { total: 5 },
      },
    ]);
  });

  it('uses the entry Time (Date, epoch seconds or ISO) and Resources', () => {
    const { svc } = setup();
    const times = [new Date('2024-05-06T07:08:09.500Z'), 1714979289, '2024-05-06T07:08:09Z'];
    for (const Time of times) svc.putEvents({ Entries: [entry({}, { Time, Resources: ['r1'] })] });
    const put = svc.trace.ofKind('event.put').map((t) => t.data as { time: string; resources: string[] });
    expect(put.map((e) => e.time)).toEqual(['2024-05-06T07:08:09Z', '2024-05-06T07:08:09Z', '2024-05-06T07:08:09Z']);
    expect(put[0]!.resources).toEqual(['r1']);
  });

  it('generates a UUID when no id generator is given', async () => {
    const { EventBridgeService } = await import('./event-bridge-service.ts');
    const id = new EventBridgeService().putEvents({ Entries: [entry()] }).Entries[0]!.EventId;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('EventBusName', () => {
  it('resolves a bus by name or ARN', async () => {
    const { svc } = setup();
    const { EventBusArn } = svc.createEventBus({ Name: 'orders' });
    const got: string[] = [];
    svc.registerFunction('f', (e) => void got.push((e as { id: string }).id));
    svc.putRule({ Name: 'r', EventBusName: 'orders', EventPattern: '{"source":["shop.orders"]}' });
    svc.putTargets({ Rule: 'r', EventBusName: EventBusArn, Targets: [{ Id: 'f', Arn: svc.functionArn('f') }] });
    const a = svc.putEvents({ Entries: [entry({}, { EventBusName: 'orders' }), entry({}, { EventBusName: EventBusArn }), entry()] });
    await svc.whenIdle();
    expect(got).toEqual([a.Entries[0]!.EventId, a.Entries[1]!.EventId]);
  });

  it('accepts events for a bus that does not exist but drops them, as AWS does', () => {
    const { svc } = setup();
    const res = svc.putEvents({ Entries: [entry({}, { EventBusName: 'ghost' })] });
    expect(res.FailedEntryCount).toBe(0);
    expect(res.Entries[0]!.EventId).toBeDefined();
    expect(svc.trace.ofKind('event.dropped')[0]!.message).toMatch(/ghost does not exist/);
  });
});
