// EventBridge and CloudWatch Logs as two ServiceEndpoints over one CoreRegions, plus a health check.
import { EVENTS_OPERATIONS } from './events-operations.ts';
import { LOGS_OPERATIONS } from './logs-operations.ts';
import { CoreRegions, isArchiveEntry, type CoreOptions, type LogAppendEntry } from './core-services.ts';
import { AwsError } from '../eventbridge/aws-error.ts';
import { isCallEntry, jsonEndpoint, type CallEntry } from './json-endpoint.ts';
import type { JournalLine } from './journal-file.ts';
import type { EmulatorContext, EndpointFactory, ServiceEndpoint } from './service-endpoint.ts';

export const EVENTS_PREFIX = 'AWSEvents';
export const LOGS_PREFIX = 'Logs_20140328';

function isAppend(v: unknown): v is LogAppendEntry {
  return typeof v === 'object' && v !== null && typeof (v as LogAppendEntry).region === 'string' && typeof (v as LogAppendEntry).append === 'object';
}

/** A journal line holding one stored log event (compaction replaces these with what is retained). */
export function isAppendLine(line: JournalLine): boolean {
  return line.e === 'logs' && isAppend(line.v);
}

/** `{"timestamp": ms, "message": "..."}` sets both; any other payload is the message, timed now. */
function logLine(payload: string, now: number): { timestamp: number; message: string } {
  try {
    const v = JSON.parse(payload) as { timestamp?: unknown; message?: unknown };
    if (typeof v === 'object' && v !== null && typeof v.message === 'string' && typeof v.timestamp === 'number' && Object.keys(v).length === 2) {
      return { timestamp: v.timestamp, message: v.message };
    }
  } catch {
    // not JSON: the whole payload is the message
  }
  return { timestamp: now, message: payload };
}

/** The factories, sharing one set of regions; `onRegions` hands the regions to the emulator (state, tests). */
export function coreEndpoints(opts: CoreOptions = {}, onRegions?: (r: CoreRegions) => void): EndpointFactory[] {
  let regions: CoreRegions | undefined;
  const shared = (ctx: EmulatorContext): CoreRegions => {
    if (regions === undefined) {
      regions = new CoreRegions(ctx, opts);
      onRegions?.(regions);
    }
    return regions;
  };
  const events: EndpointFactory = (ctx): ServiceEndpoint => {
    const r = shared(ctx);
    const base = jsonEndpoint(ctx, {
      name: 'events',
      prefix: EVENTS_PREFIX,
      table: EVENTS_OPERATIONS,
      service: (region) => r.events(region),
      validationCode: 'ValidationException',
      settle: async (region) => {
        await r.events(region).whenIdle();
        await r.stored(region);
      },
    });
    return {
      ...base,
      async replay(entry) {
        if (!isArchiveEntry(entry)) return base.replay?.(entry);
        if ('archived' in entry) r.events(entry.region).restoreArchived(entry.archived.archive, entry.archived.stored);
        else r.events(entry.region).restoreReplay(entry.replay);
      },
      async close() {
        for (const [, svc] of r.all()) await svc.whenIdle();
      },
    };
  };
  const logs: EndpointFactory = (ctx): ServiceEndpoint => {
    const r = shared(ctx);
    const base = jsonEndpoint(ctx, {
      name: 'logs',
      prefix: LOGS_PREFIX,
      table: LOGS_OPERATIONS,
      service: (region) => r.logs(region),
      validationCode: 'InvalidParameterException',
      settle: (region) => r.stored(region),
    });
    const seen = new Set<string>();
    return {
      ...base,
      async deliver(arn, payload) {
        // Other endpoints write log lines here (a function's console output to /aws/lambda/<name>): a log
        // stream ARN, or a log group ARN (stream "emulator"); group and stream are created when missing.
        const m = /^arn:aws[\w-]*:logs:([a-z0-9-]+):\d{12}:log-group:([^:]+)(?::\*|:log-stream:(.+))?$/.exec(arn);
        if (m === null) return false;
        const [, region, group, stream] = m as unknown as [string, string, string, string | undefined];
        const svc = r.logs(region);
        let created: Promise<void> | undefined;
        if (!svc.hasLogGroup(group)) {
          svc.createLogGroup({ logGroupName: group });
          // Journaled as the call it stands for, queued before the event it holds.
          created = ctx.journal('logs', { region, op: 'CreateLogGroup', input: { logGroupName: group } } satisfies CallEntry);
        }
        const line = logLine(payload, ctx.now());
        svc.appendMessage(group, stream ?? 'emulator', line.message, line.timestamp);
        await created;
        await r.stored(region);
        return true;
      },
      async replay(entry) {
        if (isAppend(entry)) {
          // A compacted journal may hold an event both in its snapshot and in a line written meanwhile.
          const key = `${entry.region}/${entry.append.seq}`;
          if (seen.has(key)) return;
          seen.add(key);
          r.logs(entry.region).restoreEvent(entry.append);
          return;
        }
        if (isCallEntry(entry)) {
          try {
            return await base.replay?.(entry);
          } catch (e) {
            // A compacted journal keeps the events of streams that deliveries created at its end, so a
            // DeleteLogStream of such a stream can find nothing to delete: that is its outcome anyway.
            if (entry.op === 'DeleteLogStream' && e instanceof AwsError && e.code === 'ResourceNotFoundException') return;
            throw e;
          }
        }
        throw new Error('not a journaled Logs entry');
      },
    };
  };
  const health: EndpointFactory = (): ServiceEndpoint => ({
    name: 'health',
    claims: (req) => req.method === 'GET' && (req.path === '/' || req.path === '/health'),
    handle: async () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'ok', service: 'aws-emulator', regions: regions === undefined ? [] : [...regions.all()].map(([name]) => name) }),
    }),
  });
  return [events, logs, health];
}
