// A ServiceEndpoint for an AWS JSON 1.1 service built from its operation table: the operation from
// X-Amz-Target, the body decoded against the row's input shape (AWS's own error codes when it does not
// fit, never a 500), the service call, waiting for deliveries, and journaling before the answer.
import { AwsError } from '../eventbridge/aws-error.ts';
import { jsonAnswer, jsonError, operationName, readJsonBody, serviceError, type ServiceError } from './json-protocol.ts';
import { decode, memberName, type DecodeProblem, type OperationTable } from './operation-table.ts';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, ServiceEndpoint } from './service-endpoint.ts';

export const JSON_11 = 'application/x-amz-json-1.1';

/** What an endpoint journals for a call that changed state: the decoded input, known fields only. */
export interface CallEntry {
  region: string;
  op: string;
  input: unknown;
}

export function isCallEntry(v: unknown): v is CallEntry {
  const c = v as Partial<CallEntry>;
  return typeof v === 'object' && v !== null && typeof c.region === 'string' && typeof c.op === 'string' && 'input' in c;
}

export interface JsonEndpointSpec<S> {
  name: string;
  /** X-Amz-Target prefix, e.g. "AWSEvents". */
  prefix: string;
  table: OperationTable<S>;
  service(region: string): S;
  /** The code this service answers a missing required member or a broken constraint with. */
  validationCode: string;
  /** Waits for what a `waits` row started (deliveries, journal writes of log content). */
  settle(region: string): Promise<void>;
}

function decodeError(spec: { validationCode: string }, p: DecodeProblem): ServiceError {
  const member = memberName(p.path);
  if (p.kind === 'missing') {
    return serviceError(spec.validationCode, `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  if (p.kind === 'type') return serviceError('SerializationException', `Value at '${p.path}' is not of the expected type (${p.message}).`);
  return serviceError(spec.validationCode, `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${p.message}`);
}

export function jsonEndpoint<S>(ctx: EmulatorContext, spec: JsonEndpointSpec<S>): Pick<ServiceEndpoint, 'name' | 'claims' | 'handle' | 'replay'> {
  const { table } = spec;
  const rowOf = (name: string) => (Object.hasOwn(table, name) ? table[name] : undefined);

  const answer = async (req: EmulatorRequest, name: string): Promise<EmulatorResponse> => {
    if (req.method !== 'POST') return jsonError(JSON_11, serviceError('UnknownOperationException', `send POST requests with an X-Amz-Target header (AWS JSON 1.1 protocol), not ${req.method}`, 405));
    const row = rowOf(name);
    if (row === undefined) return jsonError(JSON_11, serviceError('UnknownOperationException', `${spec.prefix}.${name} is not an operation this emulator serves; see the README for the supported ones`));
    const body = readJsonBody(req.body);
    if (!body.ok) return jsonError(JSON_11, body.error);
    const decoded = decode(row.input, body.value);
    if (!decoded.ok) return jsonError(JSON_11, decodeError(spec, decoded.problem));
    let result: unknown;
    try {
      result = await row.run(spec.service(req.region), decoded.input);
      if (row.waits) await spec.settle(req.region);
      if (row.persist) await ctx.journal(spec.name, { region: req.region, op: name, input: decoded.input } satisfies CallEntry);
    } catch (e) {
      if (e instanceof AwsError) return jsonError(JSON_11, serviceError(e.code, e.message, e.status));
      ctx.log(`${spec.prefix}.${name} failed inside the emulator: ${(e as Error).stack ?? String(e)}`);
      return jsonError(JSON_11, serviceError('InternalException', `internal error: ${(e as Error).message}`, 500));
    }
    return jsonAnswer(JSON_11, result ?? {});
  };

  return {
    name: spec.name,
    claims: (req) => operationName(req, spec.prefix) !== undefined,
    async handle(req) {
      const started = performance.now();
      const name = operationName(req, spec.prefix) ?? '';
      const res = await answer(req, name);
      // Only the operation, region and outcome: never the Authorization header or credentials.
      ctx.log(`${spec.prefix}.${name} ${req.region} ${res.status} ${(performance.now() - started).toFixed(1)}ms`);
      return res;
    },
    async replay(entry) {
      if (!isCallEntry(entry)) throw new Error('not a journaled call');
      const row = rowOf(entry.op);
      if (row === undefined) throw new Error(`unknown operation ${entry.op}`);
      const decoded = decode(row.input, entry.input);
      if (!decoded.ok) throw new Error(`${entry.op}: ${decoded.problem.path}: ${decoded.problem.message}`);
      await row.run(spec.service(entry.region), decoded.input);
    },
  };
}
