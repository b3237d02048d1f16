// The resource types CloudFormation can provision here, each through its service's SDK client: what to
// call to create, update and delete it, what Ref answers and which attributes Fn::GetAtt can read.
import { randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import {
  CreateArchiveCommand, CreateEventBusCommand, DeleteArchiveCommand, DeleteEventBusCommand, DeleteRuleCommand, PutRuleCommand,
  PutTargetsCommand, RemoveTargetsCommand, type Target,
} from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, DeleteLogGroupCommand, DeleteResourcePolicyCommand, PutResourcePolicyCommand, PutRetentionPolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import {
  AddPermissionCommand, CreateFunctionCommand, DeleteFunctionCommand, DeleteFunctionEventInvokeConfigCommand, PutFunctionEventInvokeConfigCommand,
  RemovePermissionCommand, UpdateFunctionCodeCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionActiveV2,
} from '@aws-sdk/client-lambda';
import { CreateQueueCommand, DeleteQueueCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import {
  AttachRolePolicyCommand, CreateRoleCommand, DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import type { ProvisionClients } from './provision-clients.ts';

export interface ProvisionContext {
  clients: ProvisionClients;
  region: string;
  accountId: string;
  stackName: string;
  logicalId: string;
}

export interface Provisioned {
  physicalId: string;
  ref: string;
  attributes: Record<string, string>;
}

type Props = Record<string, unknown>;

export interface ResourceType {
  create(p: Props, c: ProvisionContext): Promise<Provisioned>;
  /** Absent: a change replaces the resource (create the new one, then delete the old). */
  update?(p: Props, old: Provisioned, oldProps: Props, c: ProvisionContext): Promise<Provisioned>;
  delete(r: Provisioned, p: Props, c: ProvisionContext): Promise<void>;
  /** Needs CAPABILITY_IAM (CAPABILITY_NAMED_IAM when named). */
  iam?: boolean;
}

/** A name CloudFormation generates: stack-logicalId-RANDOM, cut to the service's limit. */
export function generatedName(c: ProvisionContext, max: number): string {
  const suffix = randomBytes(9).toString('base64url').replace(/[-_]/g, 'X').toUpperCase().slice(0, 12);
  const head = `${c.stackName}-${c.logicalId}`.slice(0, Math.max(1, max - suffix.length - 1));
  return `${head}-${suffix}`;
}

const str = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));
const num = (v: unknown): number | undefined => (v === undefined ? undefined : Number(v));
const asJson = (v: unknown): string | undefined => (v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v));

const eventBus: ResourceType = {
  async create(p, c) {
    const name = str(p.Name) ?? generatedName(c, 256);
    const out = await c.clients.events.send(new CreateEventBusCommand({ Name: name, ...(p.Description ? { Description: str(p.Description) } : {}) }));
    return { physicalId: name, ref: name, attributes: { Arn: out.EventBusArn ?? '', Name: name } };
  },
  async delete(r, _p, c) {
    await c.clients.events.send(new DeleteEventBusCommand({ Name: r.physicalId }));
  },
};

function targetsOf(p: Props): Target[] {
  const list = Array.isArray(p.Targets) ? (p.Targets as Props[]) : [];
  return list.map((t) => {
    const transformer = t.InputTransformer as Props | undefined;
    return {
      Id: String(t.Id), Arn: String(t.Arn),
      ...(t.Input !== undefined ? { Input: asJson(t.Input) } : {}),
      ...(t.InputPath !== undefined ? { InputPath: str(t.InputPath) } : {}),
      ...(transformer ? { InputTransformer: { InputTemplate: String(transformer.InputTemplate), ...(transformer.InputPathsMap ? { InputPathsMap: transformer.InputPathsMap as Record<string, string> } : {}) } } : {}),
      ...(t.RetryPolicy ? { RetryPolicy: { MaximumRetryAttempts: num((t.RetryPolicy as Props).MaximumRetryAttempts), MaximumEventAgeInSeconds: num((t.RetryPolicy as Props).MaximumEventAgeInSeconds) } } : {}),
      ...(t.DeadLetterConfig ? { DeadLetterConfig: { Arn: str((t.DeadLetterConfig as Props).Arn) } } : {}),
      ...(t.RoleArn !== undefined ? { RoleArn: str(t.RoleArn) } : {}),
    };
  });
}

async function putRule(p: Props, name: string, c: ProvisionContext, oldTargets: Target[]): Promise<Provisioned> {
  const bus = str(p.EventBusName);
  const out = await c.clients.events.send(new PutRuleCommand({
    Name: name, ...(bus ? { EventBusName: bus } : {}), ...(p.EventPattern !== undefined ? { EventPattern: asJson(p.EventPattern) } : {}),
    ...(p.ScheduleExpression !== undefined ? { ScheduleExpression: str(p.ScheduleExpression) } : {}),
    ...(p.Description !== undefined ? { Description: str(p.Description) } : {}), ...(p.RoleArn !== undefined ? { RoleArn: str(p.RoleArn) } : {}),
    State: (str(p.State) ?? 'ENABLED') as 'ENABLED',
  }));
  const targets = targetsOf(p);
  const gone = oldTargets.filter((o) => !targets.some((t) => t.Id === o.Id)).map((t) => t.Id as string);
  if (gone.length > 0) await c.clients.events.send(new RemoveTargetsCommand({ Rule: name, ...(bus ? { EventBusName: bus } : {}), Ids: gone }));
  if (targets.length > 0) {
    const res = await c.clients.events.send(new PutTargetsCommand({ Rule: name, ...(bus ? { EventBusName: bus } : {}), Targets: targets }));
    if ((res.FailedEntryCount ?? 0) > 0) throw new Error(`PutTargets failed: ${res.FailedEntries?.map((f) => `${f.TargetId}: ${f.ErrorMessage}`).join('; ')}`);
  }
  // Ref of a rule on a custom bus is "bus|rule", as CloudFormation answers it.
  const ref = bus && bus !== 'default' && !bus.endsWith(':event-bus/default') ? `${bus.split('/').pop()}|${name}` : name;
  return { physicalId: ref, ref, attributes: { Arn: out.RuleArn ?? '' } };
}

const rule: ResourceType = {
  create: (p, c) => putRule(p, str(p.Name) ?? generatedName(c, 64), c, []),
  async update(p, old, oldProps, c) {
    const name = old.physicalId.split('|').pop() as string;
    if (str(p.Name) !== str(oldProps.Name) || str(p.EventBusName) !== str(oldProps.EventBusName)) return putRule(p, str(p.Name) ?? generatedName(c, 64), c, []);
    return putRule(p, name, c, targetsOf(oldProps));
  },
  async delete(r, p, c) {
    const name = r.physicalId.split('|').pop() as string;
    const bus = str(p.EventBusName);
    const ids = targetsOf(p).map((t) => t.Id as string);
    if (ids.length > 0) await c.clients.events.send(new RemoveTargetsCommand({ Rule: name, ...(bus ? { EventBusName: bus } : {}), Ids: ids }));
    await c.clients.events.send(new DeleteRuleCommand({ Name: name, ...(bus ? { EventBusName: bus } : {}) }));
  },
};

const archive: ResourceType = {
  async create(p, c) {
    const name = str(p.ArchiveName) ?? generatedName(c, 48);
    const out = await c.clients.events.send(new CreateArchiveCommand({
      ArchiveName: name, EventSourceArn: str(p.SourceArn), ...(p.EventPattern !== undefined ? { EventPattern: asJson(p.EventPattern) } : {}),
      ...(p.RetentionDays !== undefined ? { RetentionDays: num(p.RetentionDays) } : {}), ...(p.Description !== undefined ? { Description: str(p.Description) } : {}),
    }));
    return { physicalId: name, ref: name, attributes: { Arn: out.ArchiveArn ?? '', ArchiveName: name } };
  },
  async delete(r, _p, c) {
    await c.clients.events.send(new DeleteArchiveCommand({ ArchiveName: r.physicalId }));
  },
};

/** Inline code (Code.ZipFile) goes into index.js, as CloudFormation packages it for Node.js. */
function codeZip(code: Props): Uint8Array {
  if (typeof code.ZipFile === 'string') return zipSync({ 'index.js': strToU8(code.ZipFile) });
  throw new Error('Code: this emulator takes inline Code.ZipFile only (no S3Bucket/ImageUri)');
}

function functionConfig(p: Props): Record<string, unknown> {
  const env = (p.Environment as Props | undefined)?.Variables as Record<string, string> | undefined;
  return {
    Role: str(p.Role), Handler: str(p.Handler) ?? 'index.handler', Runtime: str(p.Runtime),
    ...(p.Timeout !== undefined ? { Timeout: num(p.Timeout) } : {}), ...(p.MemorySize !== undefined ? { MemorySize: num(p.MemorySize) } : {}),
    ...(p.Description !== undefined ? { Description: str(p.Description) } : {}),
    ...(env ? { Environment: { Variables: Object.fromEntries(Object.entries(env).map(([k, v]) => [k, String(v)])) } } : {}),
    ...(p.DeadLetterConfig ? { DeadLetterConfig: { TargetArn: str((p.DeadLetterConfig as Props).TargetArn) } } : {}),
  };
}

const lambdaFunction: ResourceType = {
  async create(p, c) {
    const name = str(p.FunctionName) ?? generatedName(c, 64);
    const out = await c.clients.lambda.send(new CreateFunctionCommand({
      FunctionName: name, Code: { ZipFile: codeZip((p.Code ?? {}) as Props) }, ...(functionConfig(p) as { Role: string }),
    }));
    await waitUntilFunctionActiveV2({ client: c.clients.lambda, maxWaitTime: 30 }, { FunctionName: name });
    return { physicalId: name, ref: name, attributes: { Arn: out.FunctionArn ?? '' } };
  },
  async update(p, old, oldProps, c) {
    if (str(p.FunctionName) !== str(oldProps.FunctionName)) return lambdaFunction.create(p, c);
    if (JSON.stringify(p.Code) !== JSON.stringify(oldProps.Code)) {
      await c.clients.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: old.physicalId, ZipFile: codeZip((p.Code ?? {}) as Props) }));
    }
    await c.clients.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: old.physicalId, ...functionConfig(p) }));
    return old;
  },
  async delete(r, _p, c) {
    await c.clients.lambda.send(new DeleteFunctionCommand({ FunctionName: r.physicalId }));
  },
};

const permission: ResourceType = {
  async create(p, c) {
    const sid = generatedName(c, 100);
    await c.clients.lambda.send(new AddPermissionCommand({
      FunctionName: str(p.FunctionName), StatementId: sid, Action: str(p.Action), Principal: str(p.Principal),
      ...(p.SourceArn !== undefined ? { SourceArn: str(p.SourceArn) } : {}), ...(p.SourceAccount !== undefined ? { SourceAccount: str(p.SourceAccount) } : {}),
    }));
    // The physical id keeps the function, so delete can find the statement.
    return { physicalId: `${str(p.FunctionName)}|${sid}`, ref: sid, attributes: {} };
  },
  async delete(r, _p, c) {
    const [fn, sid] = r.physicalId.split('|');
    await c.clients.lambda.send(new RemovePermissionCommand({ FunctionName: fn, StatementId: sid }));
  },
};

/** A function's asynchronous invocation settings; the physical id keeps function and qualifier, as delete needs both. */
const eventInvokeConfig: ResourceType = {
  async create(p, c) {
    const fn = str(p.FunctionName);
    const qualifier = str(p.Qualifier);
    const destination = (d: unknown) => (d ? { Destination: str((d as Props).Destination) } : undefined);
    const config = p.DestinationConfig as Props | undefined;
    const onSuccess = destination(config?.OnSuccess);
    const onFailure = destination(config?.OnFailure);
    await c.clients.lambda.send(new PutFunctionEventInvokeConfigCommand({
      FunctionName: fn, Qualifier: qualifier,
      ...(p.MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts: num(p.MaximumRetryAttempts) } : {}),
      ...(p.MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds: num(p.MaximumEventAgeInSeconds) } : {}),
      ...(config ? { DestinationConfig: { ...(onSuccess ? { OnSuccess: onSuccess } : {}), ...(onFailure ? { OnFailure: onFailure } : {}) } } : {}),
    }));
    const id = `${fn}|${qualifier}`;
    return { physicalId: id, ref: id, attributes: {} };
  },
  async update(p, old, oldProps, c) {
    // A new function or qualifier is a new resource (CloudFormation replaces it); the settings alone are put again.
    if (str(p.FunctionName) !== str(oldProps.FunctionName) || str(p.Qualifier) !== str(oldProps.Qualifier)) return eventInvokeConfig.create(p, c);
    await eventInvokeConfig.create(p, c);
    return old;
  },
  async delete(r, _p, c) {
    const [fn, qualifier] = r.physicalId.split('|');
    await c.clients.lambda.send(new DeleteFunctionEventInvokeConfigCommand({ FunctionName: fn, ...(qualifier ? { Qualifier: qualifier } : {}) }));
  },
};

const role: ResourceType = {
  iam: true,
  async create(p, c) {
    const name = str(p.RoleName) ?? generatedName(c, 64);
    const out = await c.clients.iam.send(new CreateRoleCommand({
      RoleName: name, AssumeRolePolicyDocument: asJson(p.AssumeRolePolicyDocument), ...(p.Path !== undefined ? { Path: str(p.Path) } : {}),
      ...(p.Description !== undefined ? { Description: str(p.Description) } : {}), ...(p.MaxSessionDuration !== undefined ? { MaxSessionDuration: num(p.MaxSessionDuration) } : {}),
      ...(Array.isArray(p.Tags) ? { Tags: p.Tags as { Key: string; Value: string }[] } : {}),
    }));
    for (const arn of (p.ManagedPolicyArns as string[] | undefined) ?? []) await c.clients.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    for (const pol of (p.Policies as Props[] | undefined) ?? []) {
      await c.clients.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: str(pol.PolicyName), PolicyDocument: asJson(pol.PolicyDocument) }));
    }
    return { physicalId: name, ref: name, attributes: { Arn: out.Role?.Arn ?? '', RoleId: out.Role?.RoleId ?? '' } };
  },
  async delete(r, p, c) {
    for (const arn of (p.ManagedPolicyArns as string[] | undefined) ?? []) await c.clients.iam.send(new DetachRolePolicyCommand({ RoleName: r.physicalId, PolicyArn: arn }));
    for (const pol of (p.Policies as Props[] | undefined) ?? []) await c.clients.iam.send(new DeleteRolePolicyCommand({ RoleName: r.physicalId, PolicyName: str(pol.PolicyName) }));
    await c.clients.iam.send(new DeleteRoleCommand({ RoleName: r.physicalId }));
  },
};

const logGroup: ResourceType = {
  async create(p, c) {
    const name = str(p.LogGroupName) ?? generatedName(c, 512);
    await c.clients.logs.send(new CreateLogGroupCommand({ logGroupName: name }));
    if (p.RetentionInDays !== undefined) await c.clients.logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: num(p.RetentionInDays) }));
    return { physicalId: name, ref: name, attributes: { Arn: `arn:aws:logs:${c.region}:${c.accountId}:log-group:${name}:*` } };
  },
  async delete(r, _p, c) {
    await c.clients.logs.send(new DeleteLogGroupCommand({ logGroupName: r.physicalId }));
  },
};

const logResourcePolicy: ResourceType = {
  async create(p, c) {
    const name = str(p.PolicyName) ?? generatedName(c, 255);
    await c.clients.logs.send(new PutResourcePolicyCommand({ policyName: name, policyDocument: asJson(p.PolicyDocument) }));
    return { physicalId: name, ref: name, attributes: {} };
  },
  async update(p, old, _o, c) {
    await c.clients.logs.send(new PutResourcePolicyCommand({ policyName: old.physicalId, policyDocument: asJson(p.PolicyDocument) }));
    return old;
  },
  async delete(r, _p, c) {
    await c.clients.logs.send(new DeleteResourcePolicyCommand({ policyName: r.physicalId }));
  },
};

const QUEUE_ATTRIBUTES = ['DelaySeconds', 'MaximumMessageSize', 'MessageRetentionPeriod', 'ReceiveMessageWaitTimeSeconds', 'VisibilityTimeout', 'RedrivePolicy', 'RedriveAllowPolicy', 'FifoQueue', 'ContentBasedDeduplication', 'KmsMasterKeyId', 'SqsManagedSseEnabled'];
const queueAttributes = (p: Props): Record<string, string> =>
  Object.fromEntries(QUEUE_ATTRIBUTES.filter((k) => p[k] !== undefined).map((k) => [k, typeof p[k] === 'object' ? JSON.stringify(p[k]) : String(p[k])]));

const queue: ResourceType = {
  async create(p, c) {
    const name = str(p.QueueName) ?? generatedName(c, p.FifoQueue === true || p.FifoQueue === 'true' ? 75 : 80);
    const out = await c.clients.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: queueAttributes(p) }));
    const url = out.QueueUrl ?? '';
    return { physicalId: url, ref: url, attributes: { Arn: `arn:aws:sqs:${c.region}:${c.accountId}:${name}`, QueueName: name, QueueUrl: url } };
  },
  async update(p, old, oldProps, c) {
    if (str(p.QueueName) !== str(oldProps.QueueName)) return queue.create(p, c);
    await c.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: old.physicalId, Attributes: queueAttributes(p) }));
    return old;
  },
  async delete(r, _p, c) {
    await c.clients.sqs.send(new DeleteQueueCommand({ QueueUrl: r.physicalId }));
  },
};

const queuePolicy: ResourceType = {
  async create(p, c) {
    for (const url of (p.Queues as string[] | undefined) ?? []) {
      await c.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: asJson(p.PolicyDocument) ?? '' } }));
    }
    const id = generatedName(c, 128);
    return { physicalId: id, ref: id, attributes: {} };
  },
  async update(p, old, _o, c) {
    await queuePolicy.create(p, c);
    return old;
  },
  async delete(_r, p, c) {
    for (const url of (p.Queues as string[] | undefined) ?? []) {
      await c.clients.sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { Policy: '' } }));
    }
  },
};

export const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = {
  'AWS::Events::EventBus': eventBus,
  'AWS::Events::Rule': rule,
  'AWS::Events::Archive': archive,
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Lambda::Permission': permission,
  'AWS::Lambda::EventInvokeConfig': eventInvokeConfig,
  'AWS::IAM::Role': role,
  'AWS::Logs::LogGroup': logGroup,
  'AWS::Logs::ResourcePolicy': logResourcePolicy,
  'AWS::SQS::Queue': queue,
  'AWS::SQS::QueuePolicy': queuePolicy,
};
