// The lab bus as a lab's functions reach it: what the real SDK client sends (AWS JSON 1.1 over HTTP) is
// answered by the emulator's own EventBridge endpoint code, with one operation: PutEvents, as a function's
// least-privilege role allows. Any other EventBridge call is refused the way IAM refuses it. Pure: it runs
// in the page's worker as well as in Node.
import { JSON_11, jsonEndpoint } from '../emulator/json-endpoint.ts';
import { jsonError, operationName, serviceError } from '../emulator/json-protocol.ts';
import { PUT_EVENTS_INPUT } from '../emulator/events-operations.ts';
import { row } from '../emulator/operation-table.ts';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse } from '../emulator/service-endpoint.ts';
import type { PutEventsRequestEntry, PutEventsResponse } from '../eventbridge/index.ts';
import { LAB_ACCOUNT, LAB_REGION } from './lambda-context.ts';

/** An HTTP request as plain data (it crosses from a child process or a worker). Header names in lower case. */
export interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Wire = (req: WireRequest) => Promise<WireResponse>;

/** What PutEvents reaches: the lab bus as one invocation of one function sees it. */
export interface LabBus {
  putEvents(input: { Entries: PutEventsRequestEntry[] }): PutEventsResponse;
}

const quiet: EmulatorContext = {
  url: '',
  accountId: LAB_ACCOUNT,
  now: () => Date.now(),
  journal: async () => undefined,
  deliver: async () => {
    throw new Error('a lab function delivers nothing itself');
  },
  log: () => undefined,
};

const TABLE = { PutEvents: row<LabBus>()({ input: PUT_EVENTS_INPUT, run: (bus, i) => bus.putEvents(i), persist: false }) };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** A wire request as the emulator's endpoint code takes it, in the lab's Region. */
export function emulatorRequest(w: WireRequest): EmulatorRequest {
  return { method: w.method, path: w.path, query: new URLSearchParams(), headers: w.headers, body: encoder.encode(w.body), region: LAB_REGION };
}

/** An endpoint's answer body as text. */
export function responseText(res: EmulatorResponse): string {
  return res.body === undefined ? '' : typeof res.body === 'string' ? res.body : decoder.decode(res.body);
}

export function labEventsWire(bus: LabBus, functionName: string): Wire {
  const endpoint = jsonEndpoint(quiet, {
    name: 'events',
    prefix: 'AWSEvents',
    table: TABLE,
    service: () => bus,
    validationCode: 'ValidationException',
    settle: async () => undefined,
  });
  return async (req) => {
    const request = emulatorRequest(req);
    const op = operationName(request, 'AWSEvents');
    const res =
      op !== undefined && op !== 'PutEvents'
        ? jsonError(JSON_11, serviceError('AccessDeniedException', `User: arn:aws:sts::${LAB_ACCOUNT}:assumed-role/${functionName}-role/${functionName} is not authorized to perform: events:${op} because no identity-based policy allows the events:${op} action (a lab function's role allows events:PutEvents only)`))
        : await endpoint.handle(request);
    return { status: res.status, headers: res.headers ?? {}, body: responseText(res) };
  };
}
