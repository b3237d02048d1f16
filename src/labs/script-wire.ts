// The local AWS a lab's script talks to: every EventBridge and CloudWatch Logs operation, answered by the
// emulator's own endpoints (core-endpoints.ts) over a fresh CoreRegions, as `npm run emulator` answers them.
// Every call is recorded for the checks, and the world is bent as a check asks: one entry of the first
// PutEvents answered as failed, delivery to the log slower than a single read, one event lost and another
// delivered twice. Pure: it runs in the page's worker as well as in Node.
import { coreEndpoints, EVENTS_PREFIX, LOGS_PREFIX } from '../emulator/core-endpoints.ts';
import type { CoreRegions } from '../emulator/core-services.ts';
import { JSON_11 } from '../emulator/json-endpoint.ts';
import { jsonAnswer, operationName } from '../emulator/json-protocol.ts';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ServiceEndpoint } from '../emulator/service-endpoint.ts';
import type { ScriptWorld } from './lab-definition.ts';
import { emulatorRequest, responseText, type Wire, type WireRequest } from './lab-wire.ts';
import { LAB_ACCOUNT, LAB_REGION } from './lambda-context.ts';

/** One SDK call the script made, as the local AWS saw and answered it. */
export interface SdkCall {
  service: 'events' | 'logs';
  operation: string;
  /** The request's JSON body. */
  input: Record<string, unknown>;
  /** The error code the answer carried (absent on success). */
  errorCode?: string;
  errorMessage?: string;
  /** Milliseconds since the script started. */
  at: number;
  /** PutEvents: each entry's outcome, in the order of the request. */
  entries?: { EventId?: string; ErrorCode?: string }[];
  /** FilterLogEvents and GetLogEvents: the ids of the events the answer held. */
  readIds?: string[];
}

/** What the world did to the script's events, for messages. */
export interface Bent {
  /** The entry the first PutEvents answered as failed. */
  failedEntry?: Record<string, unknown>;
  lostId?: string;
  doubledId?: string;
}

export interface ScriptAws {
  wire: Wire;
  calls: SdkCall[];
  bent: Bent;
  regions: CoreRegions;
}

const encoder = new TextEncoder();

function parse(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The event id in a log line EventBridge wrote (the whole event as JSON), if it is one. */
export function logLineId(message: unknown): string | undefined {
  if (typeof message !== 'string') return undefined;
  const id = parse(message)['id'];
  return typeof id === 'string' ? id : undefined;
}

/** A fresh local AWS for one run of the script; `leftovers` exist before it starts; `onCall` hears each call once answered. */
export function scriptAws(world: ScriptWorld = {}, started: () => number = () => Date.now(), onCall?: (call: SdkCall) => void): ScriptAws {
  const ctx: EmulatorContext = {
    url: '',
    accountId: LAB_ACCOUNT,
    now: () => Date.now(),
    journal: async () => undefined,
    // Only log groups are targets in a script lab; a Lambda or SQS ARN reaches nothing.
    deliver: async (arn) => {
      throw new Error(`${arn} does not exist in this local AWS.`);
    },
    log: () => undefined,
  };
  const shared: { regions?: CoreRegions } = {};
  const [events, logs] = coreEndpoints({}, (r) => (shared.regions = r)).map((f) => f(ctx)) as [ServiceEndpoint, ServiceEndpoint];
  const core = shared.regions;
  if (!core) throw new Error('coreEndpoints did not share its regions');
  const calls: SdkCall[] = [];
  const bent: Bent = {};
  /** Event id -> when (real time) its log line may be read. */
  const visibleAt = new Map<string, number>();
  let putCalls = 0;

  const left = world.leftovers;
  if (left) {
    const svc = core.events(LAB_REGION);
    for (const name of left.buses ?? []) svc.createEventBus({ Name: name });
    for (const name of left.logGroups ?? []) svc.logs.createLogGroup({ logGroupName: name });
  }

  const answer = (value: unknown): EmulatorResponse => jsonAnswer(JSON_11, value);

  const putEvents = async (req: EmulatorRequest, input: Record<string, unknown>): Promise<EmulatorResponse> => {
    const first = putCalls++ === 0;
    const entries = Array.isArray(input['Entries']) ? (input['Entries'] as Record<string, unknown>[]) : [];
    if (!first || !world.failEntry || entries.length === 0) return events.handle(req);
    // One entry answered as failed, the others put as sent: what PutEvents does under throttling.
    const index = entries.length > 1 ? 1 : 0;
    bent.failedEntry = entries[index];
    const failed = { ErrorCode: world.failEntry, ErrorMessage: world.failEntry === 'ThrottlingException' ? 'Rate exceeded.' : 'Internal service error.' };
    if (entries.length === 1) return answer({ FailedEntryCount: 1, Entries: [failed] });
    const rest = entries.filter((_, i) => i !== index);
    const res = await events.handle({ ...req, body: encoder.encode(JSON.stringify({ ...input, Entries: rest })) });
    if (res.status !== 200) return res;
    const out = parse(responseText(res));
    const got = Array.isArray(out['Entries']) ? [...(out['Entries'] as unknown[])] : [];
    got.splice(index, 0, failed);
    return answer({ ...out, FailedEntryCount: (typeof out['FailedEntryCount'] === 'number' ? out['FailedEntryCount'] : 0) + 1, Entries: got });
  };

  /** A log read as the bent world shows it: events not yet delivered, or lost, are left out; the doubled one comes twice. */
  const readLog = (out: Record<string, unknown>): Record<string, unknown> => {
    if (!Array.isArray(out['events'])) return out;
    const now = Date.now();
    const shown: unknown[] = [];
    for (const e of out['events'] as Record<string, unknown>[]) {
      const id = logLineId(e['message']);
      if (id !== undefined && (id === bent.lostId || (visibleAt.get(id) ?? 0) > now)) continue;
      shown.push(e);
      if (id !== undefined && id === bent.doubledId) shown.push({ ...e, ...(typeof e['eventId'] === 'string' ? { eventId: `${e['eventId']}0` } : {}) });
    }
    return { ...out, events: shown };
  };

  const wire: Wire = async (w: WireRequest) => {
    const req = emulatorRequest(w);
    const endpoint = [events, logs].find((e) => e.claims(req));
    const input = parse(w.body);
    const service = endpoint === logs ? 'logs' : 'events';
    const operation = operationName(req, service === 'logs' ? LOGS_PREFIX : EVENTS_PREFIX) ?? (w.headers['x-amz-target'] ?? `${w.method} ${w.path}`);
    const call: SdkCall = { service, operation, input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>, at: Math.round(Date.now() - started()) };
    calls.push(call);
    let res: EmulatorResponse;
    if (!endpoint) {
      res = { status: 400, headers: { 'content-type': JSON_11 }, body: JSON.stringify({ __type: 'UnknownOperationException', message: 'This local AWS serves EventBridge and CloudWatch Logs only.' }) };
    } else if (service === 'events' && operation === 'PutEvents') {
      res = await putEvents(req, input);
    } else {
      res = await endpoint.handle(req);
    }
    let text = responseText(res);
    const out = parse(text);
    if (res.status >= 400) {
      const type = typeof out['__type'] === 'string' ? out['__type'] : 'UnknownError';
      call.errorCode = type.includes('#') ? type.slice(type.indexOf('#') + 1) : type;
      if (typeof out['message'] === 'string') call.errorMessage = out['message'];
    } else if (operation === 'PutEvents') {
      const entries = Array.isArray(out['Entries']) ? (out['Entries'] as { EventId?: string; ErrorCode?: string }[]) : [];
      call.entries = entries.map((e) => ({ ...(e.EventId ? { EventId: e.EventId } : {}), ...(e.ErrorCode ? { ErrorCode: e.ErrorCode } : {}) }));
      const ids = entries.flatMap((e) => (e.EventId ? [e.EventId] : []));
      for (const id of ids) visibleAt.set(id, Date.now() + (world.logDelayMs ?? 0));
      if (world.lose && bent.lostId === undefined && ids.length) {
        bent.lostId = ids.at(-1);
        if (ids.length > 1) bent.doubledId = ids[0];
      }
    } else if (service === 'logs' && (operation === 'FilterLogEvents' || operation === 'GetLogEvents')) {
      const shown = readLog(out);
      call.readIds = ((shown['events'] as Record<string, unknown>[] | undefined) ?? []).flatMap((e) => logLineId(e['message']) ?? []);
      text = JSON.stringify(shown);
    }
    onCall?.(call);
    return { status: res.status, headers: res.headers ?? {}, body: text };
  };
  return { wire, calls, bent, regions: core };
}
