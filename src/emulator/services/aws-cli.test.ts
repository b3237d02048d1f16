// The commands a learner runs, with the AWS CLI itself: cloudformation deploy, events put-events,
// sqs receive-message, lambda invoke, cloudformation delete-stack. `deploy` waits with the CLI's
// 30-second polling, so this test takes about half a minute. Skipped, with the reason printed,
// only where the CLI is not installed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServices, type TestStack } from './services.test-support.ts';
import { DUMMY_CREDENTIALS } from '../test-clients.ts';
import { waitUntilStackDeleteComplete } from '@aws-sdk/client-cloudformation';

const AWS = '/usr/bin/aws';
const hasCli = existsSync(AWS);
if (!hasCli) console.log(`aws-cli.test: skipped because ${AWS} is not installed (Debian package awscli)`);
const run = promisify(execFile);

const TEMPLATE = `Resources:
  Inbox:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: cli-inbox
  InboxPolicy:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref Inbox]
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: events.amazonaws.com }
            Action: sqs:SendMessage
            Resource: !GetAtt Inbox.Arn
  ToInbox:
    Type: AWS::Events::Rule
    Properties:
      EventPattern: { source: [cli.test] }
      Targets:
        - Id: inbox
          Arn: !GetAtt Inbox.Arn
          InputPath: $.detail
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] }
  Hello:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: cli-hello
      Runtime: nodejs22.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: "exports.handler = async (e) => ({ hello: e.name });"
`;

let stack: TestStack;
let dir: string;
beforeAll(async () => {
  stack = await startServices();
  dir = mkdtempSync(join(tmpdir(), 'aws-cli-test-'));
});
afterAll(async () => {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function aws(...args: string[]): Promise<string> {
  // Only dummy credentials and no config files: the host's AWS settings are never read or used.
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir, AWS_ACCESS_KEY_ID: DUMMY_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: DUMMY_CREDENTIALS.secretAccessKey, AWS_DEFAULT_REGION: 'eu-west-1', AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '',
  };
  const { stdout } = await run(AWS, [...args, '--endpoint-url', stack.server.url, '--output', 'json'], { env, timeout: 60000 });
  return stdout;
}

describe.runIf(hasCli)('the AWS CLI against the emulator', () => {
  it('deploys a template, routes an event into a queue, invokes a function and deletes the stack', async () => {
    const file = join(dir, 'template.yaml');
    writeFileSync(file, TEMPLATE);
    await aws('cloudformation', 'deploy', '--template-file', file, '--stack-name', 'cli', '--capabilities', 'CAPABILITY_IAM');
    const described = JSON.parse(await aws('cloudformation', 'describe-stacks', '--stack-name', 'cli'));
    expect(described.Stacks[0].StackStatus).toBe('CREATE_COMPLETE');

    const put = JSON.parse(await aws('events', 'put-events', '--entries', JSON.stringify([{ Source: 'cli.test', DetailType: 'Ping', Detail: '{"n":1}' }])));
    expect(put.FailedEntryCount).toBe(0);
    const url = JSON.parse(await aws('sqs', 'get-queue-url', '--queue-name', 'cli-inbox')).QueueUrl;
    const got = JSON.parse(await aws('sqs', 'receive-message', '--queue-url', url, '--wait-time-seconds', '5'));
    expect(JSON.parse(got.Messages[0].Body)).toEqual({ n: 1 });

    const out = join(dir, 'out.json');
    const invoked = JSON.parse(await aws('lambda', 'invoke', '--function-name', 'cli-hello', '--cli-binary-format', 'raw-in-base64-out', '--payload', '{"name":"learner"}', out));
    expect(invoked.StatusCode).toBe(200);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ hello: 'learner' });

    // A second deploy with nothing changed is "No changes to deploy".
    const again = await aws('cloudformation', 'deploy', '--template-file', file, '--stack-name', 'cli', '--capabilities', 'CAPABILITY_IAM', '--no-fail-on-empty-changeset');
    expect(again).toMatch(/No changes to deploy/);

    await aws('cloudformation', 'delete-stack', '--stack-name', 'cli');
    // The CLI's own waiter polls every 30 s; the SDK's is configurable.
    await waitUntilStackDeleteComplete({ client: stack.clients.cloudformation, maxWaitTime: 30, minDelay: 1, maxDelay: 1 }, { StackName: 'cli' });
    expect(JSON.parse((await aws('sqs', 'list-queues')) || '{}').QueueUrls ?? []).toEqual([]);
  }, 150_000);
});
