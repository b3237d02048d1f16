// An SQS-like queue store: targets and dead-letter queues write here, tests and labs read from here.
import { EventBridgeError } from './errors.ts';
import type { AccountScope } from './arns.ts';

export interface MessageAttributeValue {
  DataType: 'String' | 'Number';
  StringValue: string;
}

export interface QueueMessage {
  MessageId: string;
  Body: string;
  MessageAttributes: Record<string, MessageAttributeValue>;
  /** Milliseconds since the epoch on the service clock. */
  SentTimestamp: number;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}(\.fifo)?$/;

export class QueueStore {
  private readonly queues = new Map<string, QueueMessage[]>();
  private counter = 0;
  private readonly scope: AccountScope;
  private readonly now: () => number;

  constructor(scope: AccountScope, now: () => number) {
    this.scope = scope;
    this.now = now;
  }

  queueArn(name: string): string {
    return `arn:aws:sqs:${this.scope.region}:${this.scope.account}:${name}`;
  }

  createQueue(i: { QueueName: string }): { QueueUrl: string; QueueArn: string } {
    const name = i?.QueueName;
    if (typeof name !== 'string' || !QUEUE_NAME.test(name)) {
      throw new EventBridgeError(
        'InvalidParameterValue',
        `Queue name '${String(name)}' is not valid: use 1-80 letters, digits, hyphens or underscores.`,
      );
    }
    if (!this.queues.has(name)) this.queues.set(name, []);
    return {
      QueueUrl: `https://sqs.${this.scope.region}.amazonaws.com/${this.scope.account}/${name}`,
      QueueArn: this.queueArn(name),
    };
  }

  deleteQueue(nameOrArn: string): void {
    this.queues.delete(this.nameOf(nameOrArn));
  }

  hasQueue(nameOrArn: string): boolean {
    return this.queues.has(this.nameOf(nameOrArn));
  }

  listQueues(): string[] {
    return [...this.queues.keys()].sort();
  }

  /** Appends a message; throws a NO_RESOURCE-style error when the queue does not exist. */
  sendMessage(nameOrArn: string, body: string, attributes: Record<string, MessageAttributeValue> = {}): QueueMessage {
    const name = this.nameOf(nameOrArn);
    const queue = this.queues.get(name);
    if (!queue) throw new EventBridgeError('AWS.SimpleQueueService.NonExistentQueue', `Queue ${name} does not exist.`);
    const message: QueueMessage = {
      MessageId: `msg-${++this.counter}`,
      Body: body,
      MessageAttributes: { ...attributes },
      SentTimestamp: this.now(),
    };
    queue.push(message);
    return message;
  }

  /** All messages in the queue, oldest first, without removing them. */
  peek(nameOrArn: string): QueueMessage[] {
    return (this.queues.get(this.nameOf(nameOrArn)) ?? []).map((m) => ({ ...m, MessageAttributes: { ...m.MessageAttributes } }));
  }

  /** Removes and returns up to `max` messages (no visibility timeout is modelled). */
  receive(nameOrArn: string, max = 10): QueueMessage[] {
    const queue = this.queues.get(this.nameOf(nameOrArn));
    if (!queue) return [];
    return queue.splice(0, Math.max(0, max));
  }

  private nameOf(nameOrArn: string): string {
    if (nameOrArn.startsWith('arn:')) return nameOrArn.split(':').slice(5).join(':');
    if (nameOrArn.startsWith('https://')) return nameOrArn.split('/').pop() ?? nameOrArn;
    return nameOrArn;
  }
}
