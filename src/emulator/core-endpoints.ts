// EventBridge and CloudWatch Logs as two ServiceEndpoints over one CoreRegions, plus a health check.
import { EVENTS_OPERATIONS } from './events-operations.ts';
import { LOGS_OPERATIONS } from './logs-operations.ts';
import { CoreRegions, type CoreOptions, type LogAppendEntry } from './core-services.ts';
import { isCallEntry, jsonEndpoint } from './json-endpoint.ts';
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
    return {
      ...jsonEndpoint(ctx, {
        name: 'events',
        prefix: EVENTS_PREFIX,
        table: EVENTS_OPERATIONS,
        service: (region) => r.events(region),
        validationCode: 'ValidationException',
        settle: async (region) => {
          await r.events(region).whenIdle();
          await r.logsStored(region);
        },
      }),
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
      settle: (region) => r.logsStored(region),
    });
    const seen = new Set<string>();
    return {
      ...base,
      async replay(entry) {
        if (isAppend(entry)) {
          // A compacted journal may hold an event both in its snapshot and in a line written meanwhile.
          const key = `${entry.region}/${entry.append.seq}`;
          if (seen.has(key)) return;
          seen.add(key);
          r.logs(entry.region).restoreEvent(entry.append);
          return;
        }
        if (isCallEntry(entry)) return base.replay?.(entry);
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
