// Targets owned by other endpoints (Lambda, SQS) are delivered through EmulatorContext.deliver, dead-letter
// queues too; and every answer carries CORS headers, preflight included.
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.ts';
import type { EmulatorContext, EndpointFactory } from './service-endpoint.ts';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { clientsFor } from './test-clients.ts';

const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:fails';
const OK_FN = 'arn:aws:lambda:eu-west-1:123456789012:function:works';
const QUEUE = 'arn:aws:sqs:eu-west-1:123456789012:orders';
const DLQ = 'arn:aws:sqs:eu-west-1:123456789012:dead-letters';

/** A minimal endpoint owning two functions and two queues, as svc's Lambda and SQS endpoints do. */
const received: { arn: string; payload: string }[] = [];
let ownerCtx: EmulatorContext | undefined;
const owner: EndpointFactory = (ctx) => {
  ownerCtx = ctx;
  return {
    name: 'test-owner',
    claims: () => false,
    handle: async () => ({ status: 404 }),
    async deliver(arn, payload) {
      if (![FN, OK_FN, QUEUE, DLQ].includes(arn)) return false;
      if (arn === FN) throw new Error('Handler threw: boom');
      received.push({ arn, payload });
      return true;
    },
  };
};

let em: Emulator;
beforeAll(async () => {
  em = await createEmulator({ port: 0, endpoints: [owner] });
});
afterAll(async () => {
  await em?.close();
});

describe('delivery to other endpoints', () => {
  it('sends Lambda and SQS targets through deliver, and a failed one to its dead-letter queue', async () => {
    const { events } = clientsFor(em.url);
    await events.send(new PutRuleCommand({ Name: 'orders', EventPattern: '{"source":["shop"]}' }));
    await events.send(new PutTargetsCommand({
      Rule: 'orders',
      Targets: [
        { Id: 'fn', Arn: OK_FN, InputPath: '$.detail' },
        { Id: 'q', Arn: QUEUE },
        { Id: 'bad', Arn: FN, RetryPolicy: { MaximumRetryAttempts: 0 }, DeadLetterConfig: { Arn: DLQ } },
      ],
    }));
    const put = await events.send(new PutEventsCommand({ Entries: [{ Source: 'shop', DetailType: 'OrderPlaced', Detail: '{"id":7}' }] }));
    const id = put.Entries?.[0]?.EventId;
    const by = (arn: string) => received.filter((r) => r.arn === arn).map((r) => JSON.parse(r.payload));
    expect(by(OK_FN)).toEqual([{ id: 7 }]);
    expect(by(QUEUE).map((e) => e.id)).toEqual([id]);
    expect(by(DLQ).map((e) => e.id)).toEqual([id]);
    const failed = em.service('eu-west-1').trace.ofKind('delivery.failed');
    expect(failed.map((t) => t.targetArn)).toEqual([FN]);
  });
});

describe('delivery from other endpoints', () => {
  it('writes log lines another endpoint delivers to a log stream ARN, creating group and stream', async () => {
    const ctx = ownerCtx as EmulatorContext;
    await ctx.deliver('arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/works:log-stream:2026/01/01/[$LATEST]abc', JSON.stringify({ timestamp: 1_700_000_000_000, message: 'START RequestId: 1' }));
    await ctx.deliver('arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/works:log-stream:2026/01/01/[$LATEST]abc', 'plain line');
    const got = await clientsFor(em.url).logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/works' }));
    expect(got.events?.map((e) => [e.logStreamName, e.message])).toEqual([
      ['2026/01/01/[$LATEST]abc', 'START RequestId: 1'],
      ['2026/01/01/[$LATEST]abc', 'plain line'],
    ]);
    await expect(ctx.deliver('arn:aws:sns:eu-west-1:123456789012:topic', 'x')).rejects.toThrow(/no service of this emulator owns/);
  });
});

describe('CORS', () => {
  it('answers a preflight naming the headers asked for, and marks every answer', async () => {
    const pre = await fetch(em.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4321', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-amz-target' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-amz-target');
    expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    const ok = await fetch(em.url, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.ListEventBuses' }, body: '{}' });
    const bad = await fetch(em.url, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.Nope' }, body: '{}' });
    const unclaimed = await fetch(`${em.url}/nowhere`);
    for (const r of [ok, bad, unclaimed]) {
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expect(r.headers.get('access-control-expose-headers')).toBe('*');
    }
    expect([ok.status, bad.status, unclaimed.status]).toEqual([200, 400, 400]);
  });
});
