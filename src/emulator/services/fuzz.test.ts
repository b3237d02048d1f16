// Bad input at the edge: for every operation of every service here, random members of the wrong type,
// missing members and bodies that are not JSON/form get the service's own error format, never a 500,
// and the server keeps serving.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startServices, type TestStack } from './services.test-support.ts';
import { SQS_OPERATIONS } from './sqs/sqs-endpoint.ts';
import { LAMBDA_OPERATIONS } from './lambda/lambda-endpoint.ts';
import { CFN_OPERATIONS } from './cloudformation/cfn-endpoint.ts';
import { IAM_OPERATIONS } from './iam/iam-endpoint.ts';

let stack: TestStack;
beforeAll(async () => { stack = await startServices(); });
afterAll(async () => { await stack.close(); });

/** Member names the operations read, so random inputs hit real fields. */
const MEMBERS = [
  'QueueName', 'QueueUrl', 'Attributes', 'AttributeNames', 'MessageBody', 'MaxNumberOfMessages', 'WaitTimeSeconds', 'ReceiptHandle',
  'MessageAttributes', 'MaxResults', 'NextToken', 'FunctionName', 'Runtime', 'Role', 'Handler', 'Code', 'Timeout', 'MemorySize',
  'Environment', 'StatementId', 'Action', 'Principal', 'ZipFile', 'RoleName', 'AssumeRolePolicyDocument', 'PolicyName',
  'PolicyDocument', 'PolicyArn', 'MaxItems', 'Marker', 'StackName', 'TemplateBody', 'Parameters', 'Capabilities', 'ChangeSetName',
  'ChangeSetType', 'LogicalResourceId', 'StackStatusFilter',
];
const jsonInput = fc.dictionary(fc.constantFrom(...MEMBERS), fc.oneof(fc.anything(), fc.integer(), fc.array(fc.string())), { maxKeys: 5 });
const formInput = fc.array(fc.tuple(
  fc.constantFrom(...MEMBERS).chain((m) => fc.constantFrom(m, `${m}.member.1`, `${m}.member.x.Key`, `${m}.entry.1.key`)),
  fc.oneof(fc.string(), fc.constantFrom('-1', 'true', '99999999999', '{"a":', '')),
), { maxLength: 5 });
const garbage = fc.uint8Array({ maxLength: 64 });

async function post(path: string, headers: Record<string, string>, body: Uint8Array | string, method = 'POST'): Promise<Response> {
  return fetch(`${stack.server.url}${path}`, { method, headers, body: method === 'GET' || method === 'DELETE' ? null : typeof body === 'string' ? body : new Uint8Array(body) });
}

function expectQueryError(status: number, text: string): void {
  expect(status, text).toBeLessThan(500);
  if (status >= 400) expect(text).toMatch(/<ErrorResponse[^>]*><Error><Type>Sender<\/Type><Code>\w+<\/Code>/);
}

const QUERY_SERVICES = [
  { version: '2010-05-08', operations: IAM_OPERATIONS },
  { version: '2010-05-15', operations: CFN_OPERATIONS },
  { version: '2011-06-15', operations: ['GetCallerIdentity'] },
];

describe('fuzzing every operation table', () => {
  it('SQS (JSON 1.0): wrong types, missing members and bad bodies are SQS errors', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...SQS_OPERATIONS), fc.oneof(jsonInput.map((o) => JSON.stringify(o)), garbage), async (op, body) => {
      const res = await post('/', { 'x-amz-target': `AmazonSQS.${op}`, 'content-type': 'application/x-amz-json-1.0' }, body);
      const text = await res.text();
      expect(res.status, text).toBeLessThan(500);
      if (res.status >= 400) {
        expect(JSON.parse(text).__type).toMatch(/^com\.amazonaws\.sqs#\w+$/);
        expect(res.headers.get('x-amzn-query-error')).toMatch(/;Sender$/);
      }
    }), { numRuns: 150 });
  });

  it('Lambda (REST-JSON): every route answers Lambda errors', async () => {
    const routes: [string, string][] = [
      ['POST', '/2015-03-31/functions'], ['GET', '/2015-03-31/functions/f'], ['DELETE', '/2015-03-31/functions/f'],
      ['PUT', '/2015-03-31/functions/f/code'], ['PUT', '/2015-03-31/functions/f/configuration'], ['POST', '/2015-03-31/functions/f/invocations'],
      ['POST', '/2015-03-31/functions/f/policy'], ['DELETE', '/2015-03-31/functions/f/policy/s'], ['GET', '/2015-03-31/functions/f/policy'],
      ['PUT', '/2019-09-25/functions/f/event-invoke-config'], ['GET', '/2015-03-31/functions/f/configuration'], ['GET', '/2015-03-31/functions/?MaxItems=x'],
      ['GET', '/2019-09-25/functions/f/event-invoke-config'], ['DELETE', '/2019-09-25/functions/f/event-invoke-config'],
    ];
    expect(routes.length).toBeGreaterThanOrEqual(LAMBDA_OPERATIONS.length - 1);
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(jsonInput.map((o) => JSON.stringify(o)), garbage), async ([method, path], body) => {
      const res = await post(path, { 'content-type': 'application/json' }, body, method);
      const text = await res.text();
      expect(res.status, text).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.headers.get('x-amzn-errortype')).toMatch(/^\w+$/);
        expect(JSON.parse(text)).toHaveProperty('message');
      }
    }), { numRuns: 150 });
  });

  it('IAM, STS, CloudFormation (Query): every action answers XML errors', async () => {
    const cases = QUERY_SERVICES.flatMap((s) => s.operations.map((op) => [s.version, op] as const));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...cases), fc.oneof(formInput, garbage), async ([version, op], input) => {
      const body = input instanceof Uint8Array
        ? Buffer.concat([Buffer.from(`Action=${op}&Version=${version}&`), input])
        : new URLSearchParams([['Action', op], ['Version', version], ...input]).toString();
      const res = await post('/', { 'content-type': 'application/x-www-form-urlencoded' }, body);
      expectQueryError(res.status, await res.text());
    }), { numRuns: 200 });
    // Missing members: each action with no input at all.
    for (const [version, op] of cases) {
      const res = await post('/', { 'content-type': 'application/x-www-form-urlencoded' }, `Action=${op}&Version=${version}`);
      expectQueryError(res.status, await res.text());
    }
  });

  it('keeps serving afterwards', async () => {
    expect((await stack.clients.sts.send(new GetCallerIdentityCommand({}))).Account).toBe('000000000000');
  });
});
