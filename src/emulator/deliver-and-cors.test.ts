// Targets owned by other endpoints (Lambda, SQS) are delivered through EmulatorContext.deliver, dead-letter
// queues too; and every answer carries CORS headers, preflight included.
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.ts';
import type { EndpointFactory } from './service-endpoint.ts';
import { clientsFor } from './test-clients.ts';

const FN = 'arn:aws:lambda:eu-west-1:123456789012:function:fails';
const OK_FN = 'arn:aws:lambda:eu-west-1:123456789012:function:works';
const QUEUE = 'arn:aws:sqs:eu-west-1:123456789012:orders';
const DLQ = 'arn:aws:sqs:eu-west-1:123456789012:dead-letters';

/** A minimal endpoint owning two functions and two queues, as svc's Lambda and SQS endpoints do. */
const received: { arn: string; payload: string }[] = [];
const owner: EndpointFactory = () => ({
  name: 'test-owner',
  claims: () => false,
  handle: async () => ({ status: 404 }),
  async deliver(arn, payload) {
    if (![FN, OK_FN, QUEUE, DLQ].includes(arn)) return false;
    if (arn === FN) throw new Error('Handler threw: boom');
    received.push({ arn, payload });
    return true;
  },
});

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
