// The AWS Query protocol (IAM, STS, CloudFormation, legacy SQS): form-encoded input with `Action` and
// `Version`, flattened lists (`Tags.member.1.Key`) and maps (`Attributes.entry.1.key`); XML results
// wrapped in <ActionResponse><ActionResult>, errors in <ErrorResponse>.
import type { EmulatorRequest, EmulatorResponse } from '../../service-endpoint.ts';
import { ServiceError } from '../../service-error.ts';

export function formOf(req: EmulatorRequest): URLSearchParams {
  const fromBody = new URLSearchParams(Buffer.from(req.body).toString('utf8'));
  // GET requests (and some clients) put parameters in the query string.
  for (const [k, v] of req.query) if (!fromBody.has(k)) fromBody.set(k, v);
  return fromBody;
}

/** True when a Query request is for the service with this signing name or API version. */
export function claimsQuery(req: EmulatorRequest, signingName: string, version: string): boolean {
  if (req.headers['x-amz-target'] !== undefined) return false;
  if (req.signingService !== undefined) return req.signingService === signingName;
  const form = formOf(req);
  return form.has('Action') && form.get('Version') === version;
}

type Tree = { [k: string]: Tree | string };

/** Unflattens `A.member.1.B=x` into { A: [{ B: 'x' }] } and `M.entry.1.key/value` into { M: { key: value } }. */
export function unflatten(form: URLSearchParams): Record<string, unknown> {
  const root: Tree = {};
  for (const [key, value] of form) {
    if (key === 'Action' || key === 'Version') continue;
    const parts = key.split('.');
    let node = root;
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1) node[part] = value;
      else {
        const next = node[part];
        node = typeof next === 'object' ? next : (node[part] = {});
      }
    }
  }
  return shape(root) as Record<string, unknown>;
}

function shape(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only === 'member') {
    const members = node.member as Tree | string;
    if (typeof members === 'string') return [];
    return Object.keys(members).sort((a, b) => Number(a) - Number(b)).map((k) => shape(members[k] as Tree));
  }
  if (only === 'entry') {
    const entries = node.entry as Tree | string;
    const out: Record<string, unknown> = {};
    if (typeof entries !== 'string') {
      for (const e of Object.values(entries)) {
        if (typeof e === 'object' && typeof e.key === 'string') out[e.key] = shape(e.value ?? '');
      }
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = shape(node[k] as Tree);
  return out;
}

const escapeXml = (s: string): string =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);

/** Serialises a result: arrays as <member>, Dates as ISO 8601, undefined members left out. */
export function toXml(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => `<member>${toXml(v)}</member>`).join('');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${toXml(v)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

export function xmlResult(action: string, namespace: string, result: unknown, requestId: string): EmulatorResponse {
  const inner = result === undefined ? '' : `<${action}Result>${toXml(result)}</${action}Result>`;
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="${namespace}">${inner}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`,
  };
}

export function xmlError(err: ServiceError, namespace: string, requestId: string): EmulatorResponse {
  return {
    status: err.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: `<?xml version="1.0" encoding="UTF-8"?><ErrorResponse xmlns="${namespace}"><Error><Type>${err.fault}</Type><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
  };
}

export interface QueryOperation {
  /** Decodes the unflattened input and answers the result (undefined: no Result element). */
  run(input: Record<string, unknown>, req: EmulatorRequest): Promise<unknown> | unknown;
}

export interface QueryServiceOptions {
  namespace: string;
  operations: Readonly<Record<string, QueryOperation>>;
  log(line: string): void;
  name: string;
}

/** Answers one Query request from an operation table, every failure in the service's XML error format. */
export async function handleQuery(req: EmulatorRequest, opts: QueryServiceOptions): Promise<EmulatorResponse> {
  const requestId = crypto.randomUUID();
  const form = formOf(req);
  const action = form.get('Action') ?? '';
  try {
    const op = Object.hasOwn(opts.operations, action) ? opts.operations[action] : undefined;
    if (op === undefined) {
      throw new ServiceError(action === '' ? 'MissingAction' : 'InvalidAction', action === '' ? 'The request must contain the parameter Action.' : `The action ${action} is not valid for this web service.`);
    }
    const result = await op.run(unflatten(form), req);
    opts.log(`${opts.name}:${action} ${req.region} 200`);
    return xmlResult(action, opts.namespace, result, requestId);
  } catch (e) {
    const err = e instanceof ServiceError ? e : new ServiceError('InternalFailure', `internal error: ${(e as Error).message}`, 500, 'Receiver');
    opts.log(`${opts.name}:${action} ${req.region} ${err.status}`);
    return xmlError(err, opts.namespace, requestId);
  }
}
