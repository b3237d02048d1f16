import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateQueueCommand, DeleteMessageCommand, DeleteQueueCommand, GetQueueAttributesCommand, GetQueueUrlCommand,
  paginateListQueues, PurgeQueueCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand,
} from '@aws-sdk/client-sqs';
import { MAX_EVENT_BYTES } from '../../../eventbridge/limits.ts';
import { startServices, type TestStack } from '../services.test-support.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startServices(); });
afterAll(async () => { await stack.close(); });

describe('SQS over JSON 1.0 with @aws-sdk/client-sqs', () => {
  it('sends, receives with a visibility timeout, deletes', async () => {
    const { sqs } = stack.clients;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '1' } }));
    expect(QueueUrl).toBe(`${stack.server.url}/000000000000/orders`);
    expect((await sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }))).QueueUrl).toBe(QueueUrl);
    const sent = await sqs.send(new SendMessageCommand({
      QueueUrl, MessageBody: '{"n":1}', MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
    }));
    expect(sent.MessageId).toBeTruthy();
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(got.Messages?.[0]?.Body).toBe('{"n":1}');
    expect(got.Messages?.[0]?.MessageAttributes?.kind?.StringValue).toBe('order');
    expect(got.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('1');
    // Hidden for the visibility timeout, then visible again with a higher receive count.
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages ?? []).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 1100));
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageSystemAttributeNames: ['All'] }));
    expect(again.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: again.Messages?.[0]?.ReceiptHandle }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    expect(attrs.Attributes?.ApproximateNumberOfMessages).toBe('0');
    expect(attrs.Attributes?.QueueArn).toBe('arn:aws:sqs:eu-west-1:000000000000:orders');
  });

  it('long polls until a message arrives, bounded by WaitTimeSeconds', async () => {
    const { sqs } = stack.clients;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'poll' }));
    const started = Date.now();
    const empty = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    expect(empty.Messages ?? []).toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    const pending = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 5 }));
    setTimeout(() => void sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'late' })), 200);
    expect((await pending).Messages?.[0]?.Body).toBe('late');
  });

  it('accepts 1 MB, rejects more, purges, pages ListQueues, deletes', async () => {
    const { sqs } = stack.clients;
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'big' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(MAX_EVENT_BYTES) }));
    await expect(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(MAX_EVENT_BYTES + 1) }))).rejects.toMatchObject({ name: 'InvalidParameterValue' });
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { DelaySeconds: '2' } }));
    expect((await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['DelaySeconds', 'ApproximateNumberOfMessages'] }))).Attributes)
      .toEqual({ DelaySeconds: '2', ApproximateNumberOfMessages: '0' });
    for (const n of ['p1', 'p2', 'p3']) await sqs.send(new CreateQueueCommand({ QueueName: n }));
    const urls: string[] = [];
    for await (const p of paginateListQueues({ client: sqs, pageSize: 2 }, { QueueNamePrefix: 'p', MaxResults: 2 })) urls.push(...(p.QueueUrls ?? []));
    expect(urls.map((u) => u.split('/').pop())).toEqual(['p1', 'p2', 'p3', 'poll']);
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'big' }))).rejects.toMatchObject({ name: 'QueueDoesNotExist' });
  });

  it('moves a message received maxReceiveCount times to the RedrivePolicy dead-letter queue', async () => {
    const { sqs } = stack.clients;
    const dlq = await sqs.send(new CreateQueueCommand({ QueueName: 'redrive-dlq' }));
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({
      QueueName: 'redrive-src',
      Attributes: { VisibilityTimeout: '0', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:000000000000:redrive-dlq', maxReceiveCount: 2 }) },
    }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'poison' }));
    for (let n = 0; n < 2; n += 1) expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages?.[0]?.Body).toBe('poison');
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages ?? []).toHaveLength(0);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq.QueueUrl }))).Messages?.[0]?.Body).toBe('poison');
  });

  it('answers a queue that exists with other attributes with QueueNameExists', async () => {
    const { sqs } = stack.clients;
    await sqs.send(new CreateQueueCommand({ QueueName: 'same', Attributes: { DelaySeconds: '1' } }));
    await expect(sqs.send(new CreateQueueCommand({ QueueName: 'same', Attributes: { DelaySeconds: '3' } }))).rejects.toMatchObject({ name: 'QueueNameExists' });
  });
});
