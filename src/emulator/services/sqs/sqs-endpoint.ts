// SQS over AWS JSON 1.0 (X-Amz-Target: AmazonSQS.*), as current SDKs and the AWS CLI v2 send it, and over
// the legacy Query protocol the AWS CLI v1 still sends. Queues
// are real: EventBridge targets and dead-letter queues deliver into them through deliver(arn).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, EndpointFactory } from '../../service-endpoint.ts';
import { MAX_EVENT_BYTES } from '../../../eventbridge/limits.ts';
import { decodeInput, parseJsonObject } from '../service-kit/decode.ts';
import { jsonAnswer, jsonError } from '../../json-protocol.ts';
import { page } from '../service-kit/ids.ts';
import { claimsQuery, formOf, xmlError } from '../service-kit/query-protocol.ts';
import { queryInput, queryResultXml, SQS_QUERY_NAMESPACE } from './sqs-query.ts';
import { asServiceError, ServiceError } from '../../service-error.ts';
import { md5Hex, md5OfAttributes } from './message-md5.ts';
import { bodyDigests, DEFAULT_QUEUE_ATTRIBUTES, QueueStore, SETTABLE_ATTRIBUTES, type QueueRecord, type SqsJournalEntry } from './queue-store.ts';

const CONTENT_TYPE = 'application/x-amz-json-1.0';
const CODES = { missing: 'MissingParameter', invalid: 'InvalidParameterValue' };
/** The legacy Query codes SQS still sends in x-amzn-query-error for its renamed errors. */
const QUERY_CODES: Readonly<Record<string, string>> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  QueueNameExists: 'QueueAlreadyExists',
  PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
};
/** The longest a long poll may wait (WaitTimeSeconds is at most 20). */
export const MAX_WAIT_SECONDS = 20;

const queueName = z.string().regex(/^[\w-]{1,80}(\.fifo)?$/, 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
const attributeMap = z.record(z.string(), z.string());
const messageAttribute = z.object({
  DataType: z.string().min(1), StringValue: z.string().optional(), BinaryValue: z.string().optional(),
});
const queueUrl = z.string().min(1);

/** Every operation served; the table below must implement exactly these (the fuzz test walks them). */
export const SQS_OPERATIONS = [
  'CreateQueue', 'GetQueueUrl', 'ListQueues', 'GetQueueAttributes', 'SetQueueAttributes', 'SendMessage',
  'ReceiveMessage', 'DeleteMessage', 'PurgeQueue', 'DeleteQueue',
] as const;
type SqsOperation = (typeof SQS_OPERATIONS)[number];

export interface SqsEndpointOptions {
  /** Test hook: cap long polls below WaitTimeSeconds. */
  maxWaitMs?: number;
}

type Handler = (input: Record<string, unknown>, req: EmulatorRequest) => Promise<unknown> | unknown;

function op<S extends z.ZodType>(schema: S, run: (i: z.infer<S>, req: EmulatorRequest) => unknown): Handler {
  return (input, req) => run(decodeInput(schema, input, CODES), req);
}

export function createSqsEndpoint(opts: SqsEndpointOptions = {}): EndpointFactory {
  return (ctx: EmulatorContext) => {
    const store = new QueueStore();
    const commit = async (entry: SqsJournalEntry): Promise<void> => {
      await ctx.journal('sqs', entry);
      store.apply(entry);
    };
    const urlOf = (q: QueueRecord): string => `${ctx.url}/${ctx.accountId}/${q.name}`;
    const keyOf = (url: string, region: string): string => {
      const name = url.split('/').filter((s) => s !== '').pop() ?? '';
      return QueueStore.key(region, name);
    };
    const checkAttributes = (attrs: Record<string, string>): void => {
      for (const [k, v] of Object.entries(attrs)) {
        if (!SETTABLE_ATTRIBUTES.has(k)) throw new ServiceError('InvalidAttributeName', `Unknown Attribute ${k}.`);
        if (['VisibilityTimeout', 'DelaySeconds', 'ReceiveMessageWaitTimeSeconds', 'MaximumMessageSize', 'MessageRetentionPeriod'].includes(k) && !/^\d+$/.test(v)) {
          throw new ServiceError('InvalidAttributeValue', `Invalid value for the parameter ${k}.`);
        }
      }
    };
    const attributesOf = (key: string, names: readonly string[] | undefined): Record<string, string> => {
      const q = store.get(key).record;
      const c = store.counts(key, ctx.now());
      const all: Record<string, string> = {
        ...DEFAULT_QUEUE_ATTRIBUTES, ...q.attributes, QueueArn: q.arn,
        ApproximateNumberOfMessages: String(c.visible), ApproximateNumberOfMessagesNotVisible: String(c.inFlight),
        ApproximateNumberOfMessagesDelayed: String(c.delayed),
        CreatedTimestamp: String(Math.floor(q.created / 1000)), LastModifiedTimestamp: String(Math.floor(q.modified / 1000)),
      };
      if (names === undefined || names.length === 0) return {};
      if (names.includes('All')) return all;
      const out: Record<string, string> = {};
      for (const n of names) {
        if (!(n in all) && !SETTABLE_ATTRIBUTES.has(n)) throw new ServiceError('InvalidAttributeName', `Unknown Attribute ${n}.`);
        if (all[n] !== undefined) out[n] = all[n];
      }
      return out;
    };
    const send = async (key: string, body: string, attributes: Record<string, z.infer<typeof messageAttribute>> | undefined, delay: number | undefined) => {
      const q = store.get(key);
      // Attribute names, types and values count toward the limit too.
      const size = Object.entries(attributes ?? {}).reduce((n, [k, a]) => n + Buffer.byteLength(k + a.DataType + (a.StringValue ?? a.BinaryValue ?? '')), Buffer.byteLength(body));
      if (size > MAX_EVENT_BYTES) throw new ServiceError('InvalidParameterValue', `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_EVENT_BYTES} bytes.`);
      if (body === '') throw new ServiceError('InvalidParameterValue', 'The request must contain the parameter MessageBody.');
      const message = store.newMessage(body, attributes, ctx.now(), delay ?? Number(q.record.attributes.DelaySeconds ?? 0));
      await commit({ kind: 'send', key, message });
      return message;
    };

    /** Moves messages received maxReceiveCount times to the RedrivePolicy's dead-letter queue, as SQS does. */
    const redrive = async (key: string): Promise<void> => {
      const q = store.get(key);
      let policy: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
      try { policy = JSON.parse(q.record.attributes.RedrivePolicy ?? 'null') ?? {}; } catch { return; }
      const m = /^arn:aws[\w-]*:sqs:([^:]+):[^:]*:(.+)$/.exec(String(policy.deadLetterTargetArn ?? ''));
      const max = Number(policy.maxReceiveCount);
      if (m === null || !Number.isInteger(max) || max < 1) return;
      const dlq = QueueStore.key(m[1] as string, m[2] as string);
      if (!store.has(dlq) || dlq === key) return;
      const now = ctx.now();
      for (const msg of q.messages.filter((x) => x.visibleAt <= now && x.receiveCount >= max)) {
        await commit({ kind: 'delete-message', key, id: msg.id });
        const moved = { id: msg.id, body: msg.body, sent: msg.sent, visibleAt: now, receiveCount: 0, ...(msg.attributes ? { attributes: msg.attributes } : {}) };
        await commit({ kind: 'send', key: dlq, message: moved });
      }
    };

    const operations: Record<SqsOperation, Handler> = {
      CreateQueue: op(z.object({ QueueName: queueName, Attributes: attributeMap.optional(), tags: z.record(z.string(), z.string()).optional() }), async (i, req) => {
        const attrs = i.Attributes ?? {};
        checkAttributes(attrs);
        const key = QueueStore.key(req.region, i.QueueName);
        if (store.has(key)) {
          const existing = store.get(key).record;
          const differs = Object.entries(attrs).some(([k, v]) => (existing.attributes[k] ?? DEFAULT_QUEUE_ATTRIBUTES[k]) !== v);
          if (differs) throw new ServiceError('QueueNameExists', `A queue already exists with the same name and a different value for attribute(s) ${Object.keys(attrs).join(', ')}`);
          return { QueueUrl: urlOf(existing) };
        }
        const now = ctx.now();
        const queue: QueueRecord = {
          key, name: i.QueueName, region: req.region, arn: `arn:aws:sqs:${req.region}:${ctx.accountId}:${i.QueueName}`,
          created: now, modified: now, attributes: attrs, tags: i.tags ?? {},
        };
        await commit({ kind: 'put-queue', queue });
        return { QueueUrl: urlOf(queue) };
      }),
      GetQueueUrl: op(z.object({ QueueName: z.string(), QueueOwnerAWSAccountId: z.string().optional() }), (i, req) => ({
        QueueUrl: urlOf(store.get(QueueStore.key(req.region, i.QueueName)).record),
      })),
      ListQueues: op(z.object({ QueueNamePrefix: z.string().optional(), NextToken: z.string().optional(), MaxResults: z.number().int().min(1).max(1000).optional() }), (i, req) => {
        const all = store.list(req.region).filter((q) => q.name.startsWith(i.QueueNamePrefix ?? ''));
        // Without MaxResults AWS returns up to 1,000 URLs and no token.
        const p = page(all, i.NextToken, i.MaxResults ?? 1000);
        return { QueueUrls: p.items.map(urlOf), ...(i.MaxResults !== undefined && p.next ? { NextToken: p.next } : {}) };
      }),
      GetQueueAttributes: op(z.object({ QueueUrl: queueUrl, AttributeNames: z.array(z.string()).optional() }), (i, req) => ({
        Attributes: attributesOf(keyOf(i.QueueUrl, req.region), i.AttributeNames),
      })),
      SetQueueAttributes: op(z.object({ QueueUrl: queueUrl, Attributes: attributeMap }), async (i, req) => {
        checkAttributes(i.Attributes);
        const record = store.get(keyOf(i.QueueUrl, req.region)).record;
        await commit({ kind: 'put-queue', queue: { ...record, modified: ctx.now(), attributes: { ...record.attributes, ...i.Attributes } } });
        return {};
      }),
      SendMessage: op(z.object({
        QueueUrl: queueUrl, MessageBody: z.string(), DelaySeconds: z.number().int().min(0).max(900).optional(),
        MessageAttributes: z.record(z.string(), messageAttribute).optional(),
      }), async (i, req) => {
        const m = await send(keyOf(i.QueueUrl, req.region), i.MessageBody, i.MessageAttributes, i.DelaySeconds);
        return { MessageId: m.id, MD5OfMessageBody: md5Hex(m.body), ...(m.attributes && Object.keys(m.attributes).length > 0 ? { MD5OfMessageAttributes: md5OfAttributes(m.attributes) } : {}) };
      }),
      ReceiveMessage: op(z.object({
        QueueUrl: queueUrl, MaxNumberOfMessages: z.number().int().min(1).max(10).optional(), VisibilityTimeout: z.number().int().min(0).max(43200).optional(),
        WaitTimeSeconds: z.number().int().min(0).max(MAX_WAIT_SECONDS).optional(), AttributeNames: z.array(z.string()).optional(),
        MessageSystemAttributeNames: z.array(z.string()).optional(), MessageAttributeNames: z.array(z.string()).optional(), ReceiveRequestAttemptId: z.string().optional(),
      }), async (i, req) => {
        const key = keyOf(i.QueueUrl, req.region);
        const q = store.get(key).record;
        const visibility = i.VisibilityTimeout ?? Number(q.attributes.VisibilityTimeout ?? DEFAULT_QUEUE_ATTRIBUTES.VisibilityTimeout);
        const waitMs = Math.min((i.WaitTimeSeconds ?? Number(q.attributes.ReceiveMessageWaitTimeSeconds ?? 0)) * 1000, opts.maxWaitMs ?? Infinity);
        const deadline = Date.now() + waitMs;
        await redrive(key);
        let got = store.receive(key, i.MaxNumberOfMessages ?? 1, visibility, ctx.now());
        while (got.length === 0 && Date.now() < deadline && store.has(key)) {
          await store.waitForMessage(key, Math.min(deadline - Date.now(), 1000));
          if (!store.has(key)) break;
          await redrive(key);
          got = store.receive(key, i.MaxNumberOfMessages ?? 1, visibility, ctx.now());
        }
        const system = [...(i.AttributeNames ?? []), ...(i.MessageSystemAttributeNames ?? [])];
        const wanted = i.MessageAttributeNames ?? [];
        return {
          Messages: got.map((m) => {
            const sysAll: Record<string, string> = {
              SenderId: 'AIDAEMULATOREMULATOR', SentTimestamp: String(m.sent), ApproximateReceiveCount: String(m.receiveCount),
              ApproximateFirstReceiveTimestamp: String(m.firstReceive ?? m.sent),
            };
            const attrs = system.includes('All') ? sysAll : Object.fromEntries(Object.entries(sysAll).filter(([k]) => system.includes(k)));
            const userAttrs = Object.fromEntries(Object.entries(m.attributes ?? {}).filter(([k]) => wanted.includes('All') || wanted.includes('.*') || wanted.includes(k)));
            const hasUser = Object.keys(userAttrs).length > 0;
            return {
              MessageId: m.id, ReceiptHandle: m.receipt, MD5OfBody: bodyDigests(m).MD5OfBody, Body: m.body,
              ...(Object.keys(attrs).length > 0 ? { Attributes: attrs } : {}),
              ...(hasUser ? { MessageAttributes: userAttrs, MD5OfMessageAttributes: md5OfAttributes(userAttrs) } : {}),
            };
          }),
        };
      }),
      DeleteMessage: op(z.object({ QueueUrl: queueUrl, ReceiptHandle: z.string().min(1) }), async (i, req) => {
        const key = keyOf(i.QueueUrl, req.region);
        const m = store.findByReceipt(key, i.ReceiptHandle);
        if (m === undefined) {
          // A handle of a message already deleted is accepted, as AWS does; a malformed one is not.
          if (!/^[\w-]+$/.test(i.ReceiptHandle)) throw new ServiceError('ReceiptHandleIsInvalid', `The input receipt handle "${i.ReceiptHandle}" is not a valid receipt handle.`);
          return {};
        }
        await commit({ kind: 'delete-message', key, id: m.id });
        return {};
      }),
      PurgeQueue: op(z.object({ QueueUrl: queueUrl }), async (i, req) => {
        const key = keyOf(i.QueueUrl, req.region);
        store.get(key);
        await commit({ kind: 'purge', key });
        return {};
      }),
      DeleteQueue: op(z.object({ QueueUrl: queueUrl }), async (i, req) => {
        const key = keyOf(i.QueueUrl, req.region);
        store.get(key);
        await commit({ kind: 'delete-queue', key });
        return {};
      }),
    };

    const run = async (action: string, input: () => Record<string, unknown>, req: EmulatorRequest): Promise<Record<string, unknown>> => {
      const handler = Object.hasOwn(operations, action) ? operations[action as SqsOperation] : undefined;
      if (handler === undefined) throw new ServiceError('InvalidAction', `The action ${action} is not valid for this endpoint.`);
      return (await handler(input(), req)) as Record<string, unknown>;
    };

    const handleJson = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
      const action = (req.headers['x-amz-target'] ?? '').slice('AmazonSQS.'.length);
      try {
        const result = await run(action, () => parseJsonObject(req.body, 'SerializationException'), req);
        ctx.log(`sqs:${action} ${req.region} 200`);
        return jsonAnswer(CONTENT_TYPE, result);
      } catch (e) {
        const err = asServiceError(e, 'InternalError');
        ctx.log(`sqs:${action} ${req.region} ${err.status}`);
        return jsonError(CONTENT_TYPE, err, { typePrefix: 'com.amazonaws.sqs#', queryCode: QUERY_CODES[err.code] ?? err.code });
      }
    };

    const handleQueryRequest = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
      const form = formOf(req);
      const action = form.get('Action') ?? '';
      const requestId = randomUUID();
      try {
        // Older clients put the queue URL in the path instead of a QueueUrl member.
        if (!form.has('QueueUrl') && /^\/\d{12}\/[\w.-]+$/.test(req.path)) form.set('QueueUrl', req.path);
        const result = await run(action, () => queryInput(form), req);
        ctx.log(`sqs:${action} ${req.region} 200`);
        const inner = Object.keys(result).length > 0 ? `<${action}Result>${queryResultXml(result)}</${action}Result>` : '';
        return {
          status: 200, headers: { 'content-type': 'text/xml' },
          body: `<?xml version="1.0"?><${action}Response xmlns="${SQS_QUERY_NAMESPACE}">${inner}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
        };
      } catch (e) {
        const err = asServiceError(e, 'InternalError');
        ctx.log(`sqs:${action} ${req.region} ${err.status}`);
        const code = QUERY_CODES[err.code] ?? err.code;
        return xmlError(new ServiceError(code, err.message, err.status, err.fault), SQS_QUERY_NAMESPACE, requestId);
      }
    };

    return {
      name: 'sqs',
      claims: (req) => (req.headers['x-amz-target'] ?? '').startsWith('AmazonSQS.') || claimsQuery(req, 'sqs', '2012-11-05'),
      handle: (req) => (req.headers['x-amz-target'] !== undefined ? handleJson(req) : handleQueryRequest(req)),
      async deliver(arn, payload) {
        const m = /^arn:aws[\w-]*:sqs:([^:]+):[^:]*:(.+)$/.exec(arn);
        if (m === null) return false;
        const key = QueueStore.key(m[1] as string, m[2] as string);
        if (!store.has(key)) throw new Error(`queue ${arn} does not exist`);
        await send(key, payload, undefined, undefined);
        return true;
      },
      replay: async (entry) => store.apply(entry as SqsJournalEntry),
      close: async () => store.wakeAll(),
    };
  };
}
