// The emulator: a Node HTTP server speaking the AWS JSON 1.1 protocol for EventBridge (AWSEvents.*) and
// CloudWatch Logs (Logs_20140328.*), a thin wire layer over one EventBridgeService per region.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveTarget, type ResolvedOperation } from './operations.ts';
import type { ServiceFactory, ServiceLike } from './service-types.ts';
import { defaultServiceFactory } from './default-service.ts';
import {
  loadStateFile, restoreLogs, snapshotLogs, STATE_FORMAT, STATE_VERSION, StateFileError, writeStateFile,
  type JournalEntry, type StateFile,
} from './state-file.ts';
import {
  parseRequestBody, readBody, regionFromAuthorization, sendError, sendJson, toWireError, WireError,
} from './wire.ts';

export interface EmulatorOptions {
  /** 0 picks a free port (read it from the returned url/port). Default 4010. */
  port?: number;
  /** Default 127.0.0.1: the emulator accepts any credentials, so keep it off the network. */
  host?: string;
  /** Region used when a request carries no SigV4 credential scope. Default us-east-1. */
  region?: string;
  /** JSON file holding buses, rules, targets, log groups and log events across restarts. */
  stateFile?: string;
  /** Delay before a change is written to the state file (writes are batched). Default 250 ms. */
  saveDelayMs?: number;
  /** One line per request (operation, region, status, time); never credentials. Default: no logging. */
  log?: (line: string) => void;
  /** Builds the service for a region (tests may inject one). */
  createService?: ServiceFactory;
}

export interface Emulator {
  url: string;
  port: number;
  host: string;
  /** The service behind a region (created on first use). */
  service(region: string): ServiceLike;
  /** Writes pending state now. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

interface RegionEntry {
  service: ServiceLike;
  journal: JournalEntry[];
}

/** Calls the service method behind an operation; `undefined` results become `{}` on the wire. */
async function invoke(service: ServiceLike, op: ResolvedOperation, input: Record<string, unknown>): Promise<unknown> {
  const holder = (op.service === 'events' ? service : service.logs) as unknown as Record<string, unknown>;
  const fn = holder[op.spec.method];
  if (typeof fn !== 'function') {
    throw new WireError('UnknownOperationException', `${op.name} is not supported by this emulator`);
  }
  const result: unknown = await fn.call(holder, input);
  return result ?? {};
}

const epochSecondsToDate = (v: unknown): unknown => (typeof v === 'number' ? new Date(v * 1000) : v);

/** JSON 1.1 sends timestamps (PutEvents' Time, StartReplay's window) as epoch seconds; the service takes Dates. */
function normaliseInput(op: ResolvedOperation, input: Record<string, unknown>): Record<string, unknown> {
  if (op.service === 'events' && op.name === 'StartReplay') {
    return { ...input, EventStartTime: epochSecondsToDate(input.EventStartTime), EventEndTime: epochSecondsToDate(input.EventEndTime) };
  }
  if (op.service === 'events' && op.name === 'PutEvents' && Array.isArray(input.Entries)) {
    const entries = input.Entries.map((e: unknown) => {
      if (typeof e === 'object' && e !== null && typeof (e as { Time?: unknown }).Time === 'number') {
        return { ...e, Time: new Date((e as { Time: number }).Time * 1000) };
      }
      return e;
    });
    return { ...input, Entries: entries };
  }
  return input;
}

export async function createEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const host = opts.host ?? '127.0.0.1';
  const defaultRegion = opts.region ?? 'us-east-1';
  const factory = opts.createService ?? defaultServiceFactory;
  const log = opts.log ?? (() => undefined);
  const regions = new Map<string, RegionEntry>();

  const regionEntry = (region: string): RegionEntry => {
    let entry = regions.get(region);
    if (entry === undefined) {
      entry = { service: factory(region), journal: [] };
      regions.set(region, entry);
    }
    return entry;
  };

  // Load and replay state before listening, so a bad file stops the start and is never overwritten.
  const stateFile = opts.stateFile;
  if (stateFile !== undefined) {
    const saved = await loadStateFile(stateFile);
    for (const [region, r] of Object.entries(saved?.regions ?? {})) {
      const entry = regionEntry(region);
      for (const [i, step] of r.journal.entries()) {
        const op = resolveTarget(step.target);
        try {
          if (op === undefined) throw new Error(`unknown operation ${step.target}`);
          await invoke(entry.service, op, normaliseInput(op, step.input));
        } catch (e) {
          throw new StateFileError(stateFile, `replaying regions.${region}.journal[${i}] (${step.target}) failed: ${(e as Error).message}`);
        }
        entry.journal.push(step);
      }
      restoreLogs(entry.service.logs, r.logs);
    }
  }

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  const save = (): Promise<void> => {
    if (stateFile === undefined || !dirty) return saving;
    dirty = false;
    const state: StateFile = { format: STATE_FORMAT, version: STATE_VERSION, savedAt: new Date().toISOString(), regions: {} };
    for (const [region, entry] of regions) {
      state.regions[region] = { journal: entry.journal, logs: snapshotLogs(entry.service.logs) };
    }
    // Writes are chained so two saves never race on the rename.
    saving = saving.then(() => writeStateFile(stateFile, state)).catch((e: unknown) => log(`could not save state: ${(e as Error).message}`));
    return saving;
  };
  const scheduleSave = (): void => {
    if (stateFile === undefined) return;
    dirty = true;
    if (saveTimer === undefined) {
      saveTimer = setTimeout(() => {
        saveTimer = undefined;
        void save();
      }, opts.saveDelayMs ?? 250);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const target = req.headers['x-amz-target'];
    const targetText = Array.isArray(target) ? target[0] : target;
    const region = regionFromAuthorization(req.headers.authorization) ?? defaultRegion;
    let status = 200;
    try {
      if (req.method === 'GET' && (req.url === '/' || req.url === '/health')) {
        sendJson(res, 200, { status: 'ok', service: 'eventbridge-emulator', regions: [...regions.keys()] });
        return;
      }
      if (req.method !== 'POST') {
        throw new WireError('UnknownOperationException', 'send POST requests with an X-Amz-Target header (AWS JSON 1.1 protocol)', 405);
      }
      const text = await readBody(req);
      const op = resolveTarget(targetText);
      if (op === undefined) {
        throw new WireError('UnknownOperationException', targetText === undefined
          ? 'the X-Amz-Target header is missing'
          : `unknown operation ${JSON.stringify(targetText)}; see the emulator README for the supported ones`);
      }
      const input = parseRequestBody(text);
      const entry = regionEntry(region);
      const result = await invoke(entry.service, op, normaliseInput(op, input));
      if (op.service === 'events' && (op.name === 'PutEvents' || op.name === 'StartReplay')) {
        // Deliveries run asynchronously; wait for them so a script can read its log group right away.
        await entry.service.whenIdle?.();
      }
      if (op.spec.mutates) entry.journal.push({ target: targetText as string, input });
      if (op.spec.mutates || ['PutEvents', 'StartReplay', 'PutLogEvents'].includes(op.name)) scheduleSave();
      sendJson(res, 200, result);
    } catch (e) {
      const err = toWireError(e);
      status = err.status;
      if (!res.headersSent) sendError(res, err);
    } finally {
      // Only the operation, region and outcome: never the Authorization header or credentials.
      log(`${targetText ?? `${req.method} ${req.url}`} ${region} ${status} ${(performance.now() - started).toFixed(1)}ms`);
    }
  };

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 4010, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    host,
    service: (region: string) => regionEntry(region).service,
    flush: async () => {
      if (saveTimer !== undefined) {
        clearTimeout(saveTimer);
        saveTimer = undefined;
      }
      await save();
    },
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        if (saveTimer !== undefined) {
          clearTimeout(saveTimer);
          saveTimer = undefined;
        }
        await save();
      })();
      return closed;
    },
  };
}
