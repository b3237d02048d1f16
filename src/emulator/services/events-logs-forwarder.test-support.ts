// Test-only bridge until EventBridge and CloudWatch Logs are endpoints themselves: an endpoint that claims
// AWSEvents.* and Logs_20140328.* requests and forwards them over HTTP to today's createEmulator. Rule
// targets that are Lambda functions or SQS queues are handed to ctx.deliver, so they reach the new
// Lambda and SQS endpoints as they will after the merge.
import { createEmulator, type Emulator } from '../emulator.ts';
import { EventBridgeService } from '../../eventbridge/bus/index.ts';
import { QueueStore } from '../../eventbridge/bus/queues.ts';
import type { EmulatorContext, EndpointFactory } from '../service-endpoint.ts';

export const TEST_ACCOUNT = '000000000000';

class DeliveringQueues extends QueueStore {
  private readonly deliver: (arn: string, body: string) => void;
  constructor(region: string, deliver: (arn: string, body: string) => void) {
    super({ region, account: TEST_ACCOUNT }, Date.now);
    this.deliver = deliver;
  }
  override hasQueue(nameOrArn: string): boolean {
    return nameOrArn.startsWith('arn:aws:sqs:') || super.hasQueue(nameOrArn);
  }
  override sendMessage(...args: Parameters<QueueStore['sendMessage']>): ReturnType<QueueStore['sendMessage']> {
    const [arn, body] = args;
    if (!arn.startsWith('arn:aws:sqs:') || super.hasQueue(arn)) return super.sendMessage(...args);
    this.deliver(arn, body);
    return { MessageId: crypto.randomUUID(), Body: body, MessageAttributes: {}, SentTimestamp: Date.now() };
  }
}

export interface Forwarder {
  factory: EndpointFactory;
  emulator: Emulator;
}

export async function startEventsLogsForwarder(): Promise<Forwarder> {
  let context: EmulatorContext | undefined;
  const deliver = (arn: string, payload: string): void => {
    void context?.deliver(arn, payload).catch((e: unknown) => context?.log(`delivery to ${arn} failed: ${(e as Error).message}`));
  };
  // wt-bus dropped createService from EmulatorOptions (merge of wt-svc with wt-bus, in wt-aws): kept, typed, until they agree.
  const emulator = await createEmulator({
    port: 0,
    createService: (region: string) => new EventBridgeService({ region, account: TEST_ACCOUNT, queues: new DeliveringQueues(region, deliver), backoff: () => 50 }),
  } as Parameters<typeof createEmulator>[0]);
  const factory: EndpointFactory = (ctx) => {
    context = ctx;
    return {
      name: 'events-logs-forwarder',
      claims: (req) => /^(AWSEvents|Logs_20140328)\./.test(req.headers['x-amz-target'] ?? ''),
      async handle(req) {
        const target = req.headers['x-amz-target'] ?? '';
        if (target === 'AWSEvents.PutTargets') {
          try {
            const input = JSON.parse(Buffer.from(req.body).toString('utf8')) as { Targets?: { Arn?: unknown }[] };
            for (const t of input.Targets ?? []) {
              const arn = t.Arn;
              if (typeof arn === 'string' && arn.startsWith('arn:aws:lambda:')) {
                (emulator.service(req.region) as unknown as EventBridgeService).registerFunction(arn, (event: unknown) => ctx.deliver(arn, JSON.stringify(event)));
              }
            }
          } catch {
            // A malformed body is the forwarded emulator's to answer.
          }
        }
        const res = await fetch(emulator.url, {
          method: req.method,
          headers: Object.fromEntries(Object.entries(req.headers).filter(([k]) => ['x-amz-target', 'content-type', 'authorization'].includes(k))),
          body: req.method === 'GET' ? null : Buffer.from(req.body),
        });
        const headers: Record<string, string> = {};
        res.headers.forEach((v, k) => { if (k === 'content-type' || k === 'x-amzn-errortype') headers[k] = v; });
        return { status: res.status, headers, body: new Uint8Array(await res.arrayBuffer()) };
      },
      close: () => emulator.close(),
    };
  };
  return { factory, emulator };
}
