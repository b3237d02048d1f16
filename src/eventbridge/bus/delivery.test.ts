import { describe, expect, it } from 'vitest';
import { entry, setup } from './test-support.ts';
import { backoffDelayMs, DEFAULT_MAX_RETRY_ATTEMPTS } from './retry-policy.ts';
import type { Target } from './types.ts';

const shop = '{"source":["shop.orders"]}';

function failingSetup(target: Partial<Target>, handler: () => unknown = () => {
  throw new Error('boom');
}) {
  const s = setup();
  const dlq = s.svc.queues.createQueue({ QueueName: 'dlq' }).QueueArn;
  const times: number[] = [];
  s.svc.registerFunction('f', () => {
    times.push(s.clock.now());
    return handler();
  });
  s.svc.putRule({ Name: 'r', EventPattern: shop });
  s.svc.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: s.svc.functionArn('f'), DeadLetterConfig: { Arn: dlq }, ...target }] });
  return { ...s, dlq, times };
}

describe('back-off', () => {
  it('doubles from one second up to an eight-minute cap', () => {
    expect([1, 2, 3, 4, 9, 10, 50].map((n) => backoffDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 256_000, 480_000, 480_000]);
    let total = 0;
    for (let n = 1; n <= DEFAULT_MAX_RETRY_ATTEMPTS; n++) total += backoffDelayMs(n);
    // The default 185 retries fit inside the default 24-hour event age.
    expect(total).toBeLessThan(86_400_000);
    expect(total).toBeGreaterThan(80_000_000);
  });
});

describe('retries and dead-letter queue', () => {
  it('retries with exponential back-off, then sends to the DLQ with the AWS attributes', async () => {
    const { svc, clock, dlq, times } = failingSetup({ RetryPolicy: { MaximumRetryAttempts: 3 } });
    const start = clock.now();
    const id = svc.putEvents({ Entries: [entry({ id: 1 })] }).Entries[0]!.EventId;
    await svc.whenIdle();
    await clock.advance(60_000);
    expect(times.map((t) => t - start)).toEqual([0, 1000, 3000, 7000]);
    const [msg, ...rest] = svc.queues.peek(dlq);
    expect(rest).toEqual([]);
    expect(JSON.parse(msg!.Body).id).toBe(id);
    const attr = Object.fromEntries(Object.entries(msg!.MessageAttributes).map(([k, v]) => [k, v.StringValue]));
    expect(attr).toEqual({
      RULE_ARN: 'arn:aws:events:us-east-1:123456789012:rule/r',
      TARGET_ARN: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      ERROR_CODE: 'ERROR_FROM_TARGET',
      ERROR_MESSAGE: 'boom',
      EXHAUSTED_RETRY_CONDITION: 'MaximumRetryAttempts',
      RETRY_ATTEMPTS: '3',
    });
  });

  it('sends straight to the DLQ when MaximumRetryAttempts is 0', async () => {
    const { svc, dlq, times } = failingSetup({ RetryPolicy: { MaximumRetryAttempts: 0 } });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(times).toHaveLength(1);
    expect(svc.queues.peek(dlq)).toHaveLength(1);
  });

  it('stops when the next retry would be older than MaximumEventAgeInSeconds', async () => {
    const { svc, clock, dlq, times } = failingSetup({ RetryPolicy: { MaximumEventAgeInSeconds: 60 } });
    svc.putEvents({ Entries: [entry()] });
    await clock.advance(3600_000);
    // attempts at 0, 1, 3, 7, 15, 31 s; the next (63 s) would be past 60 s.
    expect(times).toHaveLength(6);
    const attrs = svc.queues.peek(dlq)[0]!.MessageAttributes;
    expect(attrs['EXHAUSTED_RETRY_CONDITION']!.StringValue).toBe('MaximumEventAgeInSeconds');
    expect(attrs['RETRY_ATTEMPTS']!.StringValue).toBe('5');
  });

  it('uses 185 retries and a day by default', async () => {
    const { svc, clock, dlq, times } = failingSetup({});
    svc.putEvents({ Entries: [entry()] });
    await clock.advance(25 * 3600_000);
    expect(times).toHaveLength(186);
    expect(svc.queues.peek(dlq)[0]!.MessageAttributes['EXHAUSTED_RETRY_CONDITION']!.StringValue).toBe('MaximumRetryAttempts');
  });

  it('delivers once a retry succeeds, without touching the DLQ', async () => {
    let calls = 0;
    const { svc, clock, dlq } = failingSetup({}, () => {
      calls++;
      if (calls < 3) throw new Error('not yet');
    });
    svc.putEvents({ Entries: [entry()] });
    await clock.advance(10_000);
    expect(calls).toBe(3);
    expect(svc.queues.peek(dlq)).toEqual([]);
    expect(svc.trace.ofKind('attempt.succeeded')[0]!.attempt).toBe(3);
  });

  it('counts a rejected promise as a failure', async () => {
    const { svc, clock, dlq } = failingSetup({ RetryPolicy: { MaximumRetryAttempts: 1 } }, () => Promise.reject(new Error('async boom')));
    svc.putEvents({ Entries: [entry()] });
    await clock.advance(5000);
    expect(svc.queues.peek(dlq)[0]!.MessageAttributes['ERROR_MESSAGE']!.StringValue).toBe('async boom');
  });

  it('does not retry a missing function and sends it to the DLQ at once', async () => {
    const s = setup();
    const dlq = s.svc.queues.createQueue({ QueueName: 'dlq' }).QueueArn;
    s.svc.putRule({ Name: 'r', EventPattern: shop });
    s.svc.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: s.svc.functionArn('missing'), DeadLetterConfig: { Arn: dlq } }] });
    s.svc.putEvents({ Entries: [entry()] });
    await s.svc.whenIdle();
    const attrs = s.svc.queues.peek(dlq)[0]!.MessageAttributes;
    expect(attrs['ERROR_CODE']!.StringValue).toBe('NO_RESOURCE');
    expect(attrs['EXHAUSTED_RETRY_CONDITION']).toBeUndefined();
    expect(s.svc.trace.ofKind('attempt.start')).toHaveLength(1);
  });

  it('times out a slow handler when the function has a timeout', async () => {
    const { svc, clock, dlq, times } = failingSetup({ RetryPolicy: { MaximumRetryAttempts: 1 } }, () => new Promise(() => undefined));
    svc.registerFunction('f', () => {
      times.push(clock.now());
      return new Promise(() => undefined);
    }, { timeoutMs: 3000 });
    svc.putEvents({ Entries: [entry()] });
    await clock.advance(20_000);
    expect(times).toHaveLength(2);
    const attrs = svc.queues.peek(dlq)[0]!.MessageAttributes;
    expect(attrs['ERROR_CODE']!.StringValue).toBe('TIMEOUT');
  });

  it('records a failure to write to a missing DLQ', async () => {
    const { svc, dlq } = failingSetup({ RetryPolicy: { MaximumRetryAttempts: 0 } });
    svc.queues.deleteQueue(dlq);
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(svc.trace.ofKind('delivery.failed').at(-1)!.message).toMatch(/could not write to dead-letter queue/);
  });
});
