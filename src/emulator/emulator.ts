// The emulator: one HTTP port (serveEndpoints) serving every endpoint in all-endpoints.ts plus any extra
// factories, with the --state journal: each change is on disk before it is answered, replayed at start.
import type { Clock, EventBridgeService } from '../eventbridge/bus/index.ts';
import type { RetentionCaps } from '../eventbridge/logs/log-retention.ts';
import { allEndpoints } from './all-endpoints.ts';
import type { CoreRegions } from './core-services.ts';
import { isAppendLine } from './core-endpoints.ts';
import { serveEndpoints } from './endpoint-server.ts';
import { JournalFile, type JournalLine } from './journal-file.ts';
import type { EndpointFactory } from './service-endpoint.ts';

export { StateFileError } from './journal-file.ts';

/** The account every ARN the emulator makes carries. */
export const EMULATOR_ACCOUNT = '123456789012';

export interface EmulatorOptions {
  /** 0 picks a free port (read it from the returned url/port). Default 4010. */
  port?: number;
  /** Default 127.0.0.1: the emulator accepts any credentials, so keep it off the network. */
  host?: string;
  /** Region used when a request carries no SigV4 credential scope. Default us-east-1. */
  region?: string;
  /** Journal file keeping every change across restarts (locked while this emulator runs). */
  stateFile?: string;
  /** Journal lines after which the file is compacted (log content rewritten as what is retained). */
  compactAfterLines?: number;
  /** Retained log events per region (count and bytes); past them the oldest are dropped. */
  logCaps?: Partial<RetentionCaps>;
  /** One line per request (operation, region, status, time); never credentials. Default: no logging. */
  log?: (line: string) => void;
  /** Extra endpoints beside those in all-endpoints.ts. */
  endpoints?: readonly EndpointFactory[];
  clock?: Clock;
}

export interface Emulator {
  url: string;
  port: number;
  host: string;
  /** The EventBridge service behind a region (created on first use). */
  service(region: string): EventBridgeService;
  /** Resolves once every change so far is on disk. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export async function createEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => undefined);
  const stateFile = opts.stateFile;
  const compactAfter = opts.compactAfterLines ?? 200_000;
  let regions: CoreRegions | undefined;
  let journal: JournalFile | undefined;
  let compacting: Promise<void> | undefined;
  let lastWrite: Promise<void> = Promise.resolve();

  const compact = (j: JournalFile): void => {
    if (compacting !== undefined || j.linesSinceCompaction < compactAfter) return;
    const snapshot = function* (): Iterable<JournalLine> {
      for (const [region, svc] of regions?.all() ?? []) {
        for (const append of svc.logs.retainedEvents()) yield { e: 'logs', v: { region, append } };
      }
    };
    compacting = j.compact((line) => !isAppendLine(line), snapshot).finally(() => (compacting = undefined));
    compacting.catch(() => undefined);
  };

  const factories = [
    ...allEndpoints({ durable: stateFile !== undefined, ...(opts.logCaps ? { logCaps: opts.logCaps } : {}), ...(opts.clock ? { clock: opts.clock } : {}) }, (r) => (regions = r)),
    ...(opts.endpoints ?? []),
  ];
  const server = await serveEndpoints(factories, {
    port: opts.port ?? 4010,
    host,
    region: opts.region ?? 'us-east-1',
    accountId: EMULATOR_ACCOUNT,
    log,
    journal: (endpoint, entry) => {
      const j = journal;
      if (j === undefined) return Promise.resolve();
      const written = j.append(endpoint, entry).then(() => compact(j));
      lastWrite = written.catch(() => undefined);
      return written;
    },
    prepare: async (endpoints) => {
      if (stateFile === undefined) return;
      if (regions !== undefined) regions.replaying = true;
      journal = await JournalFile.open(stateFile, async (line) => {
        const endpoint = endpoints.find((e) => e.name === line.e);
        if (endpoint?.replay === undefined) throw new Error(`no endpoint named ${JSON.stringify(line.e)} replays entries`);
        await endpoint.replay(line.v);
      }, { log });
      if (regions !== undefined) regions.replaying = false;
    },
  }).catch(async (e: unknown) => {
    await journal?.close();
    throw e;
  });

  let closed: Promise<void> | undefined;
  const core = (): CoreRegions => {
    if (regions === undefined) throw new Error('the EventBridge endpoint is not part of this emulator');
    return regions;
  };
  return {
    url: server.url,
    port: server.port,
    host,
    service: (region) => core().events(region),
    flush: async () => {
      await lastWrite;
      await compacting;
    },
    close() {
      closed ??= (async () => {
        await server.close();
        await compacting?.catch(() => undefined);
        await journal?.close();
      })();
      return closed;
    },
  };
}
