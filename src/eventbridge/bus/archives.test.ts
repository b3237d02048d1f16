import { describe, expect, it } from 'vitest';
import { entry, errorOf, setup } from './test-support.ts';

const busArn = 'arn:aws:events:us-east-1:123456789012:event-bus/default';

describe('archives and replay', () => {
  it('archives matching events and replays a time window onto the bus with replay-name', async () => {
    const { svc, clock } = setup();
    const created = svc.createArchive({ ArchiveName: 'orders', EventSourceArn: busArn, EventPattern: '{"source":["shop.orders"]}' });
    expect(created.ArchiveArn).toBe('arn:aws:events:us-east-1:123456789012:archive/orders');
    svc.putEvents({ Entries: [entry({ n: 1 }), entry({ n: 9 }, { Source: 'other' })] });
    await clock.advance(3600_000);
    svc.putEvents({ Entries: [entry({ n: 2 })] });
    expect(svc.describeArchive({ ArchiveName: 'orders' }).EventCount).toBe(2);

    const seen: Record<string, unknown>[] = [];
    svc.registerFunction('f', (e) => void seen.push(e as Record<string, unknown>));
    svc.putRule({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'f', Arn: svc.functionArn('f') }] });
    const res = svc.startReplay({
      ReplayName: 'first-hour',
      EventSourceArn: created.ArchiveArn,
      EventStartTime: new Date('2025-01-01T00:00:00Z'),
      EventEndTime: new Date('2025-01-01T00:30:00Z'),
      Destination: { Arn: busArn },
    });
    expect(res.State).toBe('STARTING');
    await svc.whenIdle();
    expect(seen.map((e) => [(e['detail'] as { n: number }).n, e['replay-name']])).toEqual([[1, 'first-hour']]);
    expect(svc.describeReplay({ ReplayName: 'first-hour' }).State).toBe('COMPLETED');
    // Replayed events are not archived again.
    expect(svc.describeArchive({ ArchiveName: 'orders' }).EventCount).toBe(2);
  });

  it('limits a replay to the rules listed in FilterArns', async () => {
    const { svc } = setup();
    const { ArchiveArn } = svc.createArchive({ ArchiveName: 'all', EventSourceArn: busArn });
    svc.putEvents({ Entries: [entry()] });
    const got: string[] = [];
    for (const n of ['a', 'b']) {
      svc.registerFunction(n, () => void got.push(n));
      svc.putRule({ Name: n, EventPattern: '{"source":["shop.orders"]}' });
      svc.putTargets({ Rule: n, Targets: [{ Id: n, Arn: svc.functionArn(n) }] });
    }
    svc.startReplay({
      ReplayName: 'only-b',
      EventSourceArn: ArchiveArn,
      EventStartTime: 0,
      EventEndTime: new Date('2030-01-01T00:00:00Z'),
      Destination: { Arn: busArn, FilterArns: ['arn:aws:events:us-east-1:123456789012:rule/b'] },
    });
    await svc.whenIdle();
    expect(got).toEqual(['b']);
  });

  it('validates archives and replays with AWS messages', () => {
    const { svc } = setup();
    svc.createEventBus({ Name: 'other' });
    const { ArchiveArn } = svc.createArchive({ ArchiveName: 'a', EventSourceArn: busArn });
    expect(errorOf(() => svc.createArchive({ ArchiveName: 'a', EventSourceArn: busArn }))).toMatchObject({ code: 'ResourceAlreadyExistsException', message: 'Archive a already exists.' });
    expect(errorOf(() => svc.createArchive({ ArchiveName: 'b', EventSourceArn: busArn.replace('default', 'nope') })).message).toBe('Event bus nope does not exist.');
    expect(errorOf(() => svc.createArchive({ ArchiveName: 'c', EventSourceArn: busArn, EventPattern: '{"source":"x"}' })).code).toBe('InvalidEventPatternException');
    const base = { EventSourceArn: ArchiveArn, Destination: { Arn: busArn } };
    expect(errorOf(() => svc.startReplay({ ...base, ReplayName: 'r', EventStartTime: 10, EventEndTime: 5 })).message).toBe(
      'Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.',
    );
    expect(errorOf(() => svc.startReplay({ ...base, ReplayName: 'r', EventSourceArn: ArchiveArn + 'x', EventStartTime: 0, EventEndTime: 5 })).message).toBe(
      'Parameter EventSourceArn is not valid. Reason: Archive ax does not exist.',
    );
    expect(
      errorOf(() => svc.startReplay({ ...base, ReplayName: 'r', EventStartTime: 0, EventEndTime: 5, Destination: { Arn: busArn.replace('default', 'other') } })).message,
    ).toBe('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
    svc.startReplay({ ...base, ReplayName: 'r', EventStartTime: 0, EventEndTime: 5 });
    expect(errorOf(() => svc.startReplay({ ...base, ReplayName: 'r', EventStartTime: 0, EventEndTime: 5 })).code).toBe('ResourceAlreadyExistsException');
    svc.deleteArchive({ ArchiveName: 'a' });
    expect(errorOf(() => svc.describeArchive({ ArchiveName: 'a' })).message).toBe('Archive a does not exist.');
  });

  it('drops archived events older than RetentionDays', async () => {
    const { svc, clock } = setup();
    const { ArchiveArn } = svc.createArchive({ ArchiveName: 'week', EventSourceArn: busArn, RetentionDays: 7 });
    svc.putEvents({ Entries: [entry({ n: 1 })] });
    await clock.advance(6 * 86_400_000);
    svc.putEvents({ Entries: [entry({ n: 2 })] });
    expect(svc.describeArchive({ ArchiveName: 'week' }).EventCount).toBe(2);
    await clock.advance(2 * 86_400_000);
    expect(svc.describeArchive({ ArchiveName: 'week' }).EventCount).toBe(1);
    const got: number[] = [];
    svc.registerFunction('f', (e) => void got.push((e as { detail: { n: number } }).detail.n));
    svc.putRule({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'f', Arn: svc.functionArn('f') }] });
    svc.startReplay({ ReplayName: 'all', EventSourceArn: ArchiveArn, EventStartTime: 0, EventEndTime: clock.now(), Destination: { Arn: busArn } });
    await svc.whenIdle();
    expect(got).toEqual([2]);
  });
});
