// Lambda over REST-JSON, as @aws-sdk/client-lambda speaks it. Functions really run, each invocation in
// a worker thread with the function's own environment (pointed back at this emulator), its timeout and
// its logs in /aws/lambda/<name>. Asynchronous invocations (Invoke Event, EventBridge targets through
// deliver) retry and dead-letter as Lambda does.
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { EmulatorContext, EmulatorRequest, EmulatorResponse, EndpointFactory } from '../../service-endpoint.ts';
import { DEPRECATED_NODE_RUNTIMES, DEFAULT_NODE_RUNTIME, SUPPORTED_NODE_RUNTIMES } from '../../../aws-facts/lambda-runtimes.ts';
import { MAX_EVENT_BYTES } from '../../../eventbridge/limits.ts';
import { decodeInput, parseJsonObject } from '../service-kit/decode.ts';
import { sdkEnvironment } from '../service-kit/emulator-clients.ts';
import { page } from '../service-kit/ids.ts';
import { asServiceError, ServiceError } from '../../service-error.ts';
import { AsyncInvoker } from './async-invoker.ts';
import { readZip, unpack } from './function-code.ts';
import { cloudWatchLogSink, type FunctionLogSink } from './function-logs.ts';
import { FunctionStore, functionNameOf, type FunctionConfiguration, type FunctionRecord, type LambdaJournalEntry } from './function-store.ts';
import {
  addPermissionInput, createFunctionInput, eventInvokeConfigInput, listFunctionsQuery, updateCodeInput, updateConfigurationInput,
} from './lambda-schemas.ts';
import { WorkerPool, type Outcome } from './worker-pool.ts';

const CODES = { missing: 'InvalidParameterValueException', invalid: 'InvalidParameterValueException' };
/** Lambda's limit on a synchronous invocation's payload. */
export const MAX_SYNC_PAYLOAD_BYTES = 6 * 1024 * 1024;
/** Variables Lambda sets itself and refuses in Environment.Variables. */
const RESERVED_VARIABLES = new Set([
  '_HANDLER', '_X_AMZN_TRACE_ID', 'AWS_DEFAULT_REGION', 'AWS_REGION', 'AWS_EXECUTION_ENV', 'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE', 'AWS_LAMBDA_FUNCTION_VERSION', 'AWS_LAMBDA_INITIALIZATION_TYPE', 'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME', 'AWS_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API', 'LAMBDA_TASK_ROOT', 'LAMBDA_RUNTIME_DIR',
]);

export interface LambdaEndpointOptions {
  /** Wait before async retry n (1-based). Lambda waits about a minute, then two; default 1 s, then 2 s. */
  retryDelayMs?: (retry: number) => number;
  /** Function processes running at once (default DEFAULT_MAX_RUNNING). */
  maxRunning?: number;
  /** Where log lines go; default: this emulator's CloudWatch Logs API. */
  logSink?: FunctionLogSink;
}

interface Call {
  req: EmulatorRequest;
  name: string;
  sid: string;
  body: () => Record<string, unknown>;
}

type Route = { method: string; path: RegExp; op: string };
const FN = '/2015-03-31/functions';
const ROUTES: Route[] = [
  { method: 'POST', path: /^\/2015-03-31\/functions\/?$/, op: 'CreateFunction' },
  { method: 'GET', path: /^\/2015-03-31\/functions\/?$/, op: 'ListFunctions' },
  { method: 'GET', path: /^\/2015-03-31\/functions\/([^/]+)\/?$/, op: 'GetFunction' },
  { method: 'DELETE', path: /^\/2015-03-31\/functions\/([^/]+)\/?$/, op: 'DeleteFunction' },
  { method: 'GET', path: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/, op: 'GetFunctionConfiguration' },
  { method: 'PUT', path: /^\/2015-03-31\/functions\/([^/]+)\/configuration$/, op: 'UpdateFunctionConfiguration' },
  { method: 'PUT', path: /^\/2015-03-31\/functions\/([^/]+)\/code$/, op: 'UpdateFunctionCode' },
  { method: 'GET', path: /^\/2015-03-31\/functions\/([^/]+)\/code-download$/, op: 'DownloadCode' },
  { method: 'POST', path: /^\/2015-03-31\/functions\/([^/]+)\/invocations$/, op: 'Invoke' },
  { method: 'POST', path: /^\/2015-03-31\/functions\/([^/]+)\/policy$/, op: 'AddPermission' },
  { method: 'GET', path: /^\/2015-03-31\/functions\/([^/]+)\/policy$/, op: 'GetPolicy' },
  { method: 'DELETE', path: /^\/2015-03-31\/functions\/([^/]+)\/policy\/([^/]+)$/, op: 'RemovePermission' },
  { method: 'PUT', path: /^\/2019-09-25\/functions\/([^/]+)\/event-invoke-config$/, op: 'PutFunctionEventInvokeConfig' },
  { method: 'GET', path: /^\/2019-09-25\/functions\/([^/]+)\/event-invoke-config$/, op: 'GetFunctionEventInvokeConfig' },
  { method: 'DELETE', path: /^\/2019-09-25\/functions\/([^/]+)\/event-invoke-config$/, op: 'DeleteFunctionEventInvokeConfig' },
];
/** Operations served, for the README and the fuzz test. */
export const LAMBDA_OPERATIONS = ROUTES.map((r) => r.op).filter((op) => op !== 'DownloadCode');

const json = (status: number, value: unknown, headers: Record<string, string> = {}): EmulatorResponse => ({
  status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value),
});

function checkRuntime(runtime: string): void {
  if ((SUPPORTED_NODE_RUNTIMES as readonly string[]).includes(runtime)) return;
  if (Object.hasOwn(DEPRECATED_NODE_RUNTIMES, runtime)) {
    throw new ServiceError('InvalidParameterValueException', `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (${DEFAULT_NODE_RUNTIME}) while creating or updating functions.`);
  }
  throw new ServiceError('InvalidParameterValueException', `Value ${runtime} at 'runtime' failed to satisfy constraint: this emulator runs the Node.js runtimes ${SUPPORTED_NODE_RUNTIMES.join(', ')}`);
}

function checkVariables(vars: Record<string, string> | undefined): void {
  const reserved = Object.keys(vars ?? {}).filter((k) => RESERVED_VARIABLES.has(k));
  if (reserved.length > 0) {
    throw new ServiceError('InvalidParameterValueException', `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`);
  }
}

function zipOf(base64: string | undefined, s3: string | undefined): Uint8Array {
  if (base64 === undefined) {
    throw new ServiceError('InvalidParameterValueException', s3 !== undefined ? 'This emulator takes function code as Code.ZipFile only (no S3).' : 'Please provide a source for function code.');
  }
  const zip = Buffer.from(base64, 'base64');
  readZip(zip);
  return zip;
}

const lastModified = (now: number): string => new Date(now).toISOString().replace('Z', '+0000');
const sha256 = (zip: Uint8Array): string => createHash('sha256').update(zip).digest('base64');

function configView(c: FunctionConfiguration): FunctionConfiguration {
  return c;
}

export function createLambdaEndpoint(opts: LambdaEndpointOptions = {}): EndpointFactory {
  return (ctx: EmulatorContext) => {
    const store = new FunctionStore();
    const pool = new WorkerPool(opts.maxRunning);
    const codeRoot = mkdtempSync(join(tmpdir(), 'emulator-lambda-'));
    const logs = opts.logSink ?? cloudWatchLogSink(() => ctx.url, (e) => ctx.log(`lambda: could not write function logs: ${e.message}`));
    const commit = async (entry: LambdaJournalEntry): Promise<void> => {
      await ctx.journal('lambda', entry);
      store.apply(entry);
      if (entry.kind === 'put-code') return;
      const name = entry.kind === 'put-function' ? entry.fn.config.FunctionName : entry.name;
      pool.retire(`${entry.kind === 'put-function' ? entry.fn.region : entry.region}/${name}/`);
    };
    /** Journals a package once and pins it (in `pins`) until the caller has stored the function using it. */
    const commitCode = async (zip: Uint8Array, pins: (() => void)[]): Promise<string> => {
      const sha = sha256(zip);
      pins.push(store.pin(sha));
      if (!store.hasCode(sha)) await commit({ kind: 'put-code', sha, zipBase64: Buffer.from(zip).toString('base64') });
      return sha;
    };
    const getFn = (region: string, name: string): FunctionRecord => store.get(region, functionNameOf(name), ctx.accountId);

    const run = async (fn: FunctionRecord, event: string, requestId: string): Promise<Outcome> => {
      const c = fn.config;
      const codeDir = unpack(codeRoot, c.FunctionName, c.CodeSha256, store.code(c.CodeSha256));
      const env: Record<string, string> = {
        LANG: 'en_US.UTF-8', TZ: ':UTC', ...c.Environment?.Variables, ...sdkEnvironment(ctx.url, fn.region),
        AWS_LAMBDA_FUNCTION_NAME: c.FunctionName, AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(c.MemorySize),
        AWS_LAMBDA_FUNCTION_VERSION: '$LATEST', AWS_LAMBDA_LOG_GROUP_NAME: c.LoggingConfig.LogGroup,
        AWS_EXECUTION_ENV: `AWS_Lambda_${c.Runtime}`, LAMBDA_TASK_ROOT: codeDir, _HANDLER: c.Handler,
      };
      const outcome = await pool.invoke({
        key: `${fn.region}/${c.FunctionName}/${c.RevisionId}`, codeDir, handler: c.Handler, env, timeoutSeconds: c.Timeout,
        memoryMb: c.MemorySize, functionName: c.FunctionName, functionArn: c.FunctionArn, logGroupName: c.LoggingConfig.LogGroup,
      }, event, requestId);
      await logs.write(fn.region, c.LoggingConfig.LogGroup, outcome.logStreamName, outcome.logLines, ctx.now());
      return outcome;
    };
    const invoker = new AsyncInvoker({
      run, deliver: (arn, payload) => ctx.deliver(arn, payload), now: () => ctx.now(), log: (l) => ctx.log(l),
      current: (fn) => store.find(fn.region, fn.config.FunctionName),
      retryDelayMs: opts.retryDelayMs ?? ((n) => n * 1000),
    });

    const putConfig = async (fn: FunctionRecord, changes: Partial<FunctionConfiguration>, zip?: Uint8Array): Promise<FunctionRecord> => {
      const next: FunctionRecord = { ...fn, config: { ...fn.config, ...changes, LastModified: lastModified(ctx.now()), RevisionId: randomUUID() } };
      const pins: (() => void)[] = [];
      try {
        if (zip) next.config = { ...next.config, CodeSha256: await commitCode(zip, pins), CodeSize: zip.byteLength };
        await commit({ kind: 'put-function', fn: next });
      } finally {
        pins.forEach((release) => release());
      }
      return next;
    };

    const ops: Record<string, (call: Call) => Promise<EmulatorResponse> | EmulatorResponse> = {
      async CreateFunction({ req, body }) {
        const i = decodeInput(createFunctionInput, body(), CODES);
        checkRuntime(i.Runtime);
        checkVariables(i.Environment?.Variables);
        if (i.PackageType === 'Image') throw new ServiceError('InvalidParameterValueException', 'This emulator runs Zip functions only.');
        const name = functionNameOf(i.FunctionName);
        if (store.find(req.region, name)) {
          throw new ServiceError('ResourceConflictException', `Function already exist: ${name}`, 409);
        }
        const zip = zipOf(i.Code.ZipFile, i.Code.S3Bucket);
        const now = ctx.now();
        const pins: (() => void)[] = [];
        let sha: string;
        try {
          sha = await commitCode(zip, pins);
        } catch (e) {
          pins.forEach((release) => release());
          throw e;
        }
        const fn: FunctionRecord = {
          region: req.region, statements: [], ...(i.Tags ? { tags: i.Tags } : {}),
          config: {
            FunctionName: name, FunctionArn: `arn:aws:lambda:${req.region}:${ctx.accountId}:function:${name}`, Runtime: i.Runtime,
            Role: i.Role, Handler: i.Handler, CodeSize: zip.byteLength, Description: i.Description ?? '', Timeout: i.Timeout ?? 3,
            MemorySize: i.MemorySize ?? 128, LastModified: lastModified(now), CodeSha256: sha, Version: '$LATEST',
            ...(i.Environment ? { Environment: { Variables: i.Environment.Variables ?? {} } } : {}),
            ...(i.DeadLetterConfig?.TargetArn ? { DeadLetterConfig: { TargetArn: i.DeadLetterConfig.TargetArn } } : {}),
            RevisionId: randomUUID(), State: 'Active', LastUpdateStatus: 'Successful', PackageType: 'Zip',
            Architectures: i.Architectures ?? ['x86_64'], EphemeralStorage: { Size: 512 },
            LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
          },
        };
        try {
          // Another CreateFunction of this name may have finished while the package was journaled.
          if (store.find(req.region, name)) throw new ServiceError('ResourceConflictException', `Function already exist: ${name}`, 409);
          await commit({ kind: 'put-function', fn });
        } finally {
          pins.forEach((release) => release());
        }
        return json(201, configView(fn.config));
      },
      ListFunctions({ req }) {
        const q = decodeInput(listFunctionsQuery, Object.fromEntries(req.query), CODES);
        const p = page(store.list(req.region), q.Marker, Math.min(q.MaxItems ?? 50, 50));
        return json(200, { Functions: p.items.map((f) => configView(f.config)), ...(p.next ? { NextMarker: p.next } : {}) });
      },
      GetFunction({ req, name }) {
        const fn = getFn(req.region, name);
        return json(200, {
          Configuration: configView(fn.config),
          Code: { RepositoryType: 'S3', Location: `${ctx.url}${FN}/${fn.config.FunctionName}/code-download` },
          ...(fn.tags ? { Tags: fn.tags } : {}),
        });
      },
      DownloadCode({ req, name }) {
        const fn = getFn(req.region, name);
        return { status: 200, headers: { 'content-type': 'application/zip' }, body: store.code(fn.config.CodeSha256) };
      },
      GetFunctionConfiguration: ({ req, name }) => json(200, configView(getFn(req.region, name).config)),
      async DeleteFunction({ req, name }) {
        const fn = getFn(req.region, name);
        await commit({ kind: 'delete-function', region: req.region, name: fn.config.FunctionName });
        return { status: 204 };
      },
      async UpdateFunctionCode({ req, name, body }) {
        const fn = getFn(req.region, name);
        const i = decodeInput(updateCodeInput, body(), CODES);
        const zip = zipOf(i.ZipFile, i.S3Bucket);
        if (i.DryRun) return json(200, configView(fn.config));
        return json(200, configView((await putConfig(fn, {}, zip)).config));
      },
      async UpdateFunctionConfiguration({ req, name, body }) {
        const fn = getFn(req.region, name);
        const i = decodeInput(updateConfigurationInput, body(), CODES);
        if (i.Runtime !== undefined) checkRuntime(i.Runtime);
        checkVariables(i.Environment?.Variables);
        if (i.RevisionId !== undefined && i.RevisionId !== fn.config.RevisionId) {
          throw new ServiceError('PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id', 412);
        }
        const changes: Partial<FunctionConfiguration> = {
          ...(i.Role !== undefined ? { Role: i.Role } : {}), ...(i.Handler !== undefined ? { Handler: i.Handler } : {}),
          ...(i.Description !== undefined ? { Description: i.Description } : {}), ...(i.Timeout !== undefined ? { Timeout: i.Timeout } : {}),
          ...(i.MemorySize !== undefined ? { MemorySize: i.MemorySize } : {}), ...(i.Runtime !== undefined ? { Runtime: i.Runtime } : {}),
          ...(i.Environment !== undefined ? { Environment: { Variables: i.Environment.Variables ?? {} } } : {}),
        };
        const next = await putConfig(fn, changes);
        if (i.DeadLetterConfig !== undefined) {
          const { DeadLetterConfig: _old, ...rest } = next.config;
          const config = i.DeadLetterConfig.TargetArn ? { ...rest, DeadLetterConfig: { TargetArn: i.DeadLetterConfig.TargetArn } } : rest;
          await commit({ kind: 'put-function', fn: { ...next, config } });
          return json(200, configView(config));
        }
        return json(200, configView(next.config));
      },
      async Invoke({ req, name }) {
        const fn = getFn(req.region, name);
        const type = req.headers['x-amz-invocation-type'] ?? 'RequestResponse';
        const text = Buffer.from(req.body).toString('utf8');
        const payload = text.trim() === '' ? '{}' : text;
        try { JSON.parse(payload); } catch { throw new ServiceError('InvalidRequestContentException', 'Could not parse request body into json: Unexpected character', 400); }
        const requestId = randomUUID();
        const limit = type === 'Event' ? MAX_EVENT_BYTES : MAX_SYNC_PAYLOAD_BYTES;
        if (Buffer.byteLength(payload) > limit) {
          throw new ServiceError('RequestEntityTooLargeException', `Request must be smaller than ${limit} bytes for the ${type === 'Event' ? 'InvokeAsync' : 'Invoke'} operation`, 413);
        }
        if (type === 'DryRun') return { status: 204, headers: { 'x-amzn-requestid': requestId } };
        if (type === 'Event') {
          try { invoker.enqueue(fn, payload, requestId); } catch (e) { throw new ServiceError('TooManyRequestsException', `Rate Exceeded. (${(e as Error).message})`, 429); }
          return { status: 202, headers: { 'x-amzn-requestid': requestId } };
        }
        if (type !== 'RequestResponse') throw new ServiceError('InvalidParameterValueException', `Value ${type} at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]`);
        if (!pool.hasCapacity()) throw new ServiceError('TooManyRequestsException', 'Rate Exceeded. (every function process of this emulator is busy)', 429);
        const outcome = await run(fn, payload, requestId);
        const headers: Record<string, string> = { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amz-executed-version': '$LATEST' };
        // LogType Tail answers the last 4 KB of the invocation's log, base64-encoded.
        if (req.headers['x-amz-log-type'] === 'Tail') headers['x-amz-log-result'] = Buffer.from(outcome.logLines.join('\n') + '\n').subarray(-4096).toString('base64');
        if (outcome.functionError) headers['x-amz-function-error'] = outcome.functionError;
        return { status: 200, headers, body: outcome.payload };
      },
      async AddPermission({ req, name, body }) {
        const fn = getFn(req.region, name);
        const i = decodeInput(addPermissionInput, body(), CODES);
        if (fn.statements.some((s) => s.Sid === i.StatementId)) {
          throw new ServiceError('ResourceConflictException', `The statement id (${i.StatementId}) provided already exists. Please provide a new statement id, or remove the existing statement.`, 409);
        }
        const principal = i.Principal.endsWith('.amazonaws.com') ? { Service: i.Principal } : { AWS: i.Principal };
        const condition: Record<string, unknown> = {};
        if (i.SourceArn) condition.ArnLike = { 'AWS:SourceArn': i.SourceArn };
        if (i.SourceAccount) condition.StringEquals = { 'AWS:SourceAccount': i.SourceAccount };
        const statement = {
          Sid: i.StatementId, Effect: 'Allow', Principal: principal, Action: i.Action, Resource: fn.config.FunctionArn,
          ...(Object.keys(condition).length > 0 ? { Condition: condition } : {}),
        };
        await commit({ kind: 'put-function', fn: { ...fn, statements: [...fn.statements, statement] } });
        return json(201, { Statement: JSON.stringify(statement) });
      },
      GetPolicy({ req, name }) {
        const fn = getFn(req.region, name);
        if (fn.statements.length === 0) throw new ServiceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
        return json(200, { Policy: JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: fn.statements }), RevisionId: fn.config.RevisionId });
      },
      async RemovePermission({ req, name, sid }) {
        const fn = getFn(req.region, name);
        if (!fn.statements.some((s) => s.Sid === sid)) {
          throw new ServiceError('ResourceNotFoundException', 'The resource you requested does not exist.', 404);
        }
        await commit({ kind: 'put-function', fn: { ...fn, statements: fn.statements.filter((s) => s.Sid !== sid) } });
        return { status: 204 };
      },
      async PutFunctionEventInvokeConfig({ req, name, body }) {
        const fn = getFn(req.region, name);
        const i: z.infer<typeof eventInvokeConfigInput> = decodeInput(eventInvokeConfigInput, body(), CODES);
        await commit({ kind: 'put-function', fn: { ...fn, invokeConfig: i } });
        return json(200, { FunctionArn: fn.config.FunctionArn, LastModified: ctx.now() / 1000, ...i });
      },
      GetFunctionEventInvokeConfig({ req, name }) {
        const fn = getFn(req.region, name);
        if (!fn.invokeConfig) throw new ServiceError('ResourceNotFoundException', `The function ${fn.config.FunctionArn} doesn't have an EventInvokeConfig`, 404);
        return json(200, { FunctionArn: fn.config.FunctionArn, ...fn.invokeConfig });
      },
      async DeleteFunctionEventInvokeConfig({ req, name }) {
        const fn = getFn(req.region, name);
        if (!fn.invokeConfig) throw new ServiceError('ResourceNotFoundException', `The function ${fn.config.FunctionArn} doesn't have an EventInvokeConfig`, 404);
        const { invokeConfig: _gone, ...rest } = fn;
        await commit({ kind: 'put-function', fn: rest });
        return { status: 204 };
      },
    };

    const handle = async (req: EmulatorRequest): Promise<EmulatorResponse> => {
      let opName = 'unknown';
      try {
        const route = ROUTES.find((r) => r.method === req.method && r.path.test(req.path));
        if (route === undefined) throw new ServiceError('UnknownOperationException', `No Lambda operation at ${req.method} ${req.path}`, 404);
        opName = route.op;
        const m = route.path.exec(req.path) as RegExpExecArray;
        const call: Call = {
          req, name: decodeURIComponent(m[1] ?? ''), sid: decodeURIComponent(m[2] ?? ''),
          body: () => parseJsonObject(req.body, 'InvalidRequestContentException'),
        };
        const res = await (ops[route.op] as (c: Call) => Promise<EmulatorResponse> | EmulatorResponse)(call);
        ctx.log(`lambda:${opName} ${req.region} ${res.status}`);
        return res;
      } catch (e) {
        const err = asServiceError(e, 'ServiceException');
        ctx.log(`lambda:${opName} ${req.region} ${err.status}`);
        return json(err.status, { Type: err.fault === 'Sender' ? 'User' : 'Service', message: err.message }, { 'x-amzn-errortype': err.code });
      }
    };

    return {
      name: 'lambda',
      claims: (req) => req.signingService === 'lambda' || /^\/(2015-03-31|2019-09-25)\/functions(\/|$)/.test(req.path),
      handle,
      async deliver(arn, payload) {
        const m = /^arn:aws[\w-]*:lambda:([^:]+):[^:]*:function:([^:]+)/.exec(arn);
        if (m === null) return false;
        const fn = store.get(m[1] as string, m[2] as string, ctx.accountId);
        if (Buffer.byteLength(payload) > MAX_EVENT_BYTES) throw new Error(`payload larger than ${MAX_EVENT_BYTES} bytes`);
        invoker.enqueue(fn, payload, randomUUID());
        return true;
      },
      replay: async (entry) => store.apply(entry as LambdaJournalEntry),
      async close() {
        invoker.close();
        await pool.close();
        rmSync(codeRoot, { recursive: true, force: true });
      },
    };
  };
}
