// SQS queues and their messages: visibility timeouts, receive counts, delays and long-poll waiters.
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../service-error.ts';
import { md5Hex, md5OfAttributes, type MessageAttribute } from './message-md5.ts';

export interface QueueRecord {
  key: string;
  name: string;
  region: string;
  arn: string;
  created: number;
  modified: number;
  attributes: Record<string, string>;
  tags: Record<string, string>;
}

export interface StoredMessage {
  id: string;
  body: string;
  attributes?: Record<string, MessageAttribute>;
  sent: number;
  visibleAt: number;
  receiveCount: number;
  firstReceive?: number;
  receipt?: string;
}

export type SqsJournalEntry =
  | { kind: 'put-queue'; queue: QueueRecord }
  | { kind: 'delete-queue'; key: string }
  | { kind: 'send'; key: string; message: StoredMessage }
  | { kind: 'delete-message'; key: string; id: string }
  | { kind: 'purge'; key: string };

export const DEFAULT_QUEUE_ATTRIBUTES: Readonly<Record<string, string>> = {
  VisibilityTimeout: '30', MaximumMessageSize: '1048576', MessageRetentionPeriod: '345600', DelaySeconds: '0',
  ReceiveMessageWaitTimeSeconds: '0', SqsManagedSseEnabled: 'true',
};

/** Attributes a caller may set (others are read-only or unknown: InvalidAttributeName). */
export const SETTABLE_ATTRIBUTES = new Set([
  ...Object.keys(DEFAULT_QUEUE_ATTRIBUTES), 'Policy', 'RedrivePolicy', 'RedriveAllowPolicy', 'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds', 'FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit',
]);

interface QueueState {
  record: QueueRecord;
  messages: StoredMessage[];
  waiters: Set<() => void>;
}

export class QueueStore {
  private readonly queues = new Map<string, QueueState>();

  static key(region: string, name: string): string {
    return `${region}/${name}`;
  }

  has(key: string): boolean {
    return this.queues.has(key);
  }

  get(key: string): QueueState {
    const q = this.queues.get(key);
    if (q === undefined) throw new ServiceError('QueueDoesNotExist', 'The specified queue does not exist.');
    return q;
  }

  list(region: string): QueueRecord[] {
    return [...this.queues.values()].map((q) => q.record).filter((r) => r.region === region).sort((a, b) => a.name.localeCompare(b.name));
  }

  apply(entry: SqsJournalEntry): void {
    switch (entry.kind) {
      case 'put-queue': {
        const existing = this.queues.get(entry.queue.key);
        if (existing) existing.record = entry.queue;
        else this.queues.set(entry.queue.key, { record: entry.queue, messages: [], waiters: new Set() });
        return;
      }
      case 'delete-queue': {
        const q = this.queues.get(entry.key);
        this.queues.delete(entry.key);
        q?.waiters.forEach((w) => w());
        return;
      }
      case 'send': {
        const q = this.get(entry.key);
        q.messages.push({ ...entry.message });
        q.waiters.forEach((w) => w());
        return;
      }
      case 'delete-message': {
        const q = this.queues.get(entry.key);
        if (q) q.messages = q.messages.filter((m) => m.id !== entry.id);
        return;
      }
      case 'purge':
        this.get(entry.key).messages = [];
    }
  }

  newMessage(body: string, attributes: Record<string, MessageAttribute> | undefined, now: number, delaySeconds: number): StoredMessage {
    return { id: randomUUID(), body, ...(attributes ? { attributes } : {}), sent: now, visibleAt: now + delaySeconds * 1000, receiveCount: 0 };
  }

  /** Takes up to `max` visible messages, hiding each for `visibility` seconds under a new receipt handle. */
  receive(key: string, max: number, visibility: number, now: number): StoredMessage[] {
    const q = this.get(key);
    const out: StoredMessage[] = [];
    for (const m of q.messages) {
      if (out.length >= max) break;
      if (m.visibleAt > now) continue;
      m.receiveCount += 1;
      m.firstReceive ??= now;
      m.visibleAt = now + visibility * 1000;
      m.receipt = Buffer.from(`${m.id}:${randomUUID()}`).toString('base64url');
      out.push(m);
    }
    return out;
  }

  /** Resolves when a message may have arrived, or after `ms` (long polling, bounded). */
  waitForMessage(key: string, ms: number): Promise<void> {
    const q = this.get(key);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        q.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      q.waiters.add(done);
    });
  }

  findByReceipt(key: string, receipt: string): StoredMessage | undefined {
    return this.get(key).messages.find((m) => m.receipt === receipt);
  }

  counts(key: string, now: number): { visible: number; inFlight: number; delayed: number } {
    const q = this.get(key);
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const m of q.messages) {
      if (m.visibleAt <= now) visible += 1;
      else if (m.receiveCount > 0) inFlight += 1;
      else delayed += 1;
    }
    return { visible, inFlight, delayed };
  }

  /** Wakes every long poll (at close). */
  wakeAll(): void {
    for (const q of this.queues.values()) q.waiters.forEach((w) => w());
  }
}

export function bodyDigests(m: StoredMessage): { MD5OfBody: string; MD5OfMessageAttributes?: string } {
  return {
    MD5OfBody: md5Hex(m.body),
    ...(m.attributes && Object.keys(m.attributes).length > 0 ? { MD5OfMessageAttributes: md5OfAttributes(m.attributes) } : {}),
  };
}
