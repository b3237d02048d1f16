import { describe, expect, it } from 'vitest';
import { ManualClock } from '../eventbridge/index.ts';
import { QueueStore } from '../eventbridge/bus/queues.ts';
import type { HandlerContext } from '../eventbridge/bus/types.ts';
import { LambdaAsyncQueue, REDELIVERY_DELAY_MS, type AsyncOutcome } from './lambda-async.ts';
import type { InvokeConfig } from './invoke-config.ts';

const QUEUE = 'arn:aws:sqs:us-east-1:123456789012:failed';

/** A function that fails its first `failures` runs, on a fresh clock and queue store. */
function setup(config: InvokeConfig, failures: number, duplicates = false) {
  const clock = new ManualClock('2026-05-04T08:00:00Z');
  const queues = new QueueStore({ region: 'us-east-1', account: '123456789012' }, () => clock.now());
  queues.createQueue({ QueueName: 'failed' });
  const runs: number[] = [];
  const notes: string[] = [];
  const outcomes: AsyncOutcome[] = [];
  const q = new LambdaAsyncQueue({
    functionName: 'f',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
    clock,
    queues,
    config,
    attempt: async () => {
      runs.push(clock.now() - Date.parse('2026-05-04T08:00:00Z'));
      if (runs.length <= failures) throw Object.assign(new Error('Rate exceeded.'), { name: 'ThrottlingException' });
      return 'ok';
    },
    note: (t) => notes.push(t),
    outcomes,
    duplicates,
    newRequestId: () => 'req-1',
    timeoutMs: 3000,
  });
  const ctx = { eventId: 'e-1' } as HandlerContext;
  const event = { id: 'e-1', detail: { orderId: 'o-1' } };
  const drain = async () => {
    for (let i = 0; i < 20; i++) {
      await q.whenIdle();
      const due = clock.nextDue();
      if (due === undefined) break;
      await clock.advanceTo(due);
    }
    await q.whenIdle();
  };
  return { q, ctx, event, runs, notes, outcomes, queues, drain };
}

describe("Lambda's asynchronous invocation", () => {
  it('retries a failed run after one minute and then two, by default twice', async () => {
    const s = setup({}, 2);
    s.q.accept(s.event, s.ctx);
    await s.drain();
    expect(s.runs).toEqual([0, 60_000, 180_000]);
    expect(s.outcomes).toEqual([{ function: 'f', eventId: 'e-1', delivery: 1, attempts: 3, result: 'succeeded' }]);
    expect(s.notes[0]).toMatch(/retry f for event e-1 in 60 s \(attempt 1 failed: ThrottlingException/);
  });

  it('gives up after MaximumRetryAttempts and sends the invocation record to the OnFailure queue', async () => {
    const s = setup({ MaximumRetryAttempts: 1, DestinationConfig: { OnFailure: { Destination: QUEUE } } }, 5);
    s.q.accept(s.event, s.ctx);
    await s.drain();
    expect(s.runs).toEqual([0, 60_000]);
    expect(s.outcomes[0]).toMatchObject({ result: 'discarded', condition: 'RetriesExhausted', attempts: 2, destination: { arn: QUEUE, sent: true } });
    const [message] = s.queues.peek(QUEUE);
    expect(JSON.parse(message!.Body)).toEqual({
      version: '1.0',
      timestamp: '2026-05-04T08:01:00.000Z',
      requestContext: { requestId: 'req-1', functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST', condition: 'RetriesExhausted', approximateInvokeCount: 2 },
      requestPayload: s.event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'ThrottlingException', errorMessage: 'Rate exceeded.', trace: [] },
    });
  });

  it('gives up when the next retry would come after MaximumEventAgeInSeconds', async () => {
    const s = setup({ MaximumEventAgeInSeconds: 90, DestinationConfig: { OnFailure: { Destination: QUEUE } } }, 5);
    s.q.accept(s.event, s.ctx);
    await s.drain();
    // The first retry (at 60 s) is in time; the second would run at 180 s.
    expect(s.runs).toEqual([0, 60_000]);
    expect(s.outcomes[0]).toMatchObject({ condition: 'EventAgeExceeded', attempts: 2 });
  });

  it('loses the event without a destination, and cannot send to a queue that is not the lab queue', async () => {
    const none = setup({ MaximumRetryAttempts: 0 }, 1);
    none.q.accept(none.event, none.ctx);
    await none.drain();
    expect(none.outcomes[0]).toMatchObject({ result: 'discarded', attempts: 1 });
    expect(none.outcomes[0]!.destination).toBeUndefined();
    expect(none.notes.at(-1)).toMatch(/no OnFailure destination: the event is gone/);

    const elsewhere = setup({ MaximumRetryAttempts: 0, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:eu-west-1:123456789012:failed' } } }, 1);
    elsewhere.q.accept(elsewhere.event, elsewhere.ctx);
    await elsewhere.drain();
    expect(elsewhere.outcomes[0]!.destination).toMatchObject({ sent: false, problem: expect.stringMatching(/no such queue exists/) });
    expect(elsewhere.queues.peek(QUEUE)).toEqual([]);
  });

  it('delivers the same event again later when asked to, as an at-least-once queue may', async () => {
    const s = setup({}, 0, true);
    s.q.accept(s.event, s.ctx);
    await s.drain();
    expect(s.runs).toEqual([0, REDELIVERY_DELAY_MS]);
    expect(s.outcomes.map((o) => [o.eventId, o.delivery, o.result])).toEqual([
      ['e-1', 1, 'succeeded'],
      ['e-1', 2, 'succeeded'],
    ]);
  });

  it('sends a Success record to the OnSuccess destination, with what the function returned', async () => {
    const s = setup({ DestinationConfig: { OnSuccess: { Destination: QUEUE } } }, 1);
    s.q.accept(s.event, s.ctx);
    await s.drain();
    expect(s.outcomes[0]).toMatchObject({ result: 'succeeded', attempts: 2, destination: { arn: QUEUE, sent: true } });
    const record = JSON.parse(s.queues.peek(QUEUE)[0]!.Body) as Record<string, unknown>;
    expect(record).toMatchObject({ requestContext: { condition: 'Success', approximateInvokeCount: 2 }, requestPayload: s.event, responseContext: { statusCode: 200, executedVersion: '$LATEST' }, responsePayload: 'ok' });
    expect(record.responseContext).not.toHaveProperty('functionError');
  });
});
