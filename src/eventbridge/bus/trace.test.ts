import { describe, expect, it } from 'vitest';
import { entry, setup } from './test-support.ts';
import type { TraceEntry } from './trace.ts';

describe('the trace', () => {
  it('records each step in order with increasing ids, live to subscribers', async () => {
    const { svc, clock } = setup();
    const live: TraceEntry[] = [];
    const stop = svc.trace.subscribe((e) => live.push(e));
    const dlq = svc.queues.createQueue({ QueueName: 'dlq' }).QueueArn;
    svc.registerFunction('f', () => {
      throw new Error('nope');
    });
    svc.putRule({ Name: 'r', EventPattern: '{"source":["shop.orders"]}' });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: svc.functionArn('f'), Input: '{"x":1}', RetryPolicy: { MaximumRetryAttempts: 1 }, DeadLetterConfig: { Arn: dlq } }] });
    svc.putEvents({ Entries: [entry()] });
    await clock.advance(5000);
    expect(live.map((e) => e.kind)).toEqual([
      'event.put',
      'rules.matched',
      'target.input',
      'attempt.start',
      'attempt.failed',
      'retry.scheduled',
      'attempt.start',
      'attempt.failed',
      'delivery.failed',
      'dlq.sent',
    ]);
    expect(live.map((e) => e.id)).toEqual(live.map((_, n) => n + 1));
    expect(live[2]!.message).toBe('{"x":1}');
    expect(new Set(live.map((e) => e.eventId)).size).toBe(1);
    expect(svc.trace.forEvent(live[0]!.eventId!)).toHaveLength(10);
    stop();
    svc.putEvents({ Entries: [entry()] });
    expect(live).toHaveLength(10);
    const json = JSON.parse(JSON.stringify(svc.trace));
    expect(json).toHaveLength(13);
    expect(json[0]).toMatchObject({ id: 1, kind: 'event.put', time: '2025-01-01T00:00:00.000Z' });
  });

  it('survives a throwing listener', () => {
    const { svc } = setup();
    svc.trace.subscribe(() => {
      throw new Error('listener bug');
    });
    expect(svc.putEvents({ Entries: [entry()] }).FailedEntryCount).toBe(0);
  });
});

describe('TraceStore limit', () => {
  it('drops the oldest entries in chunks once past the limit', async () => {
    const { TraceStore } = await import('./trace.ts');
    const store = new TraceStore(() => 0, 10);
    for (let n = 0; n < 11; n++) store.record({ kind: 'event.dropped', message: `m${n}` });
    expect(store.all()).toHaveLength(11);
    store.record({ kind: 'event.dropped', message: 'm11' });
    expect(store.all().map((e) => e.id)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('trace entries are a union on kind', () => {
  it('gives each kind its own data shape', async () => {
    const { EventBridgeService } = await import('./event-bridge-service.ts');
    const svc = new EventBridgeService();
    svc.putRule({ Name: 'r', EventPattern: '{"source":["s"]}' });
    svc.putEvents({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] });
    const [matched] = svc.trace.ofKind('rules.matched');
    // Typed access, no cast: data of a rules.matched entry lists rule names.
    expect(matched?.data.rules).toEqual(['r']);
    const [put] = svc.trace.ofKind('event.put');
    expect(put?.data['detail-type']).toBe('d');
  });
});
