// CloudFormation over the AWS Query protocol: stacks and the change sets `aws cloudformation deploy`
// uses. Stack operations answer at once and run in the background, so the SDK's waiters see them
// progress; resources are provisioned through the other services' SDK clients at this emulator's URL.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorContext, EndpointFactory } from '../../service-endpoint.ts';
import { decodeInput } from '../service-kit/decode.ts';
import { page } from '../service-kit/ids.ts';
import { claimsQuery, handleQuery, type QueryOperation } from '../service-kit/query-protocol.ts';
import { qBool, qList } from '../service-kit/query-values.ts';
import { ServiceError } from '../../service-error.ts';
import { provisionClients, type ProvisionClients } from './provision-clients.ts';
import { RESOURCE_TYPES } from './resource-types.ts';
import { plannedChanges, prepare, StackEngine } from './stack-engine.ts';
import { IN_PROGRESS, type CfnJournalEntry, type ChangeSetRecord, type StackRecord } from './stack-model.ts';
import { parseTemplate, type Template } from './template-parse.ts';

export const CFN_NAMESPACE = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
/** Operation names served (the fuzz test and the README list them). */
export const CFN_OPERATIONS = [
  'ValidateTemplate', 'GetTemplateSummary', 'CreateStack', 'UpdateStack', 'DeleteStack', 'DescribeStacks', 'ListStacks', 'DescribeStackEvents',
  'DescribeStackResources', 'ListStackResources', 'GetTemplate', 'CreateChangeSet', 'DescribeChangeSet', 'ExecuteChangeSet', 'DeleteChangeSet',
] as const;

const CODES = { missing: 'ValidationError', invalid: 'ValidationError' };
const INTERRUPTED: Readonly<Record<string, string>> = {
  CREATE_IN_PROGRESS: 'CREATE_FAILED', ROLLBACK_IN_PROGRESS: 'ROLLBACK_FAILED', DELETE_IN_PROGRESS: 'DELETE_FAILED',
};
const PAGE = 100;

const stackName = z.string().regex(/^([a-zA-Z][-a-zA-Z0-9]{0,127}|arn:aws[\w-]*:cloudformation:.+)$/, 'Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*');
const parameter = z.object({ ParameterKey: z.string().optional(), ParameterValue: z.string().optional(), UsePreviousValue: qBool.optional() });
const templateInput = {
  TemplateBody: z.string().optional(), TemplateURL: z.string().optional(), UsePreviousTemplate: qBool.optional(),
  Parameters: qList(parameter).optional(), Capabilities: qList(z.string()).optional(),
};
const tag = z.object({ Key: z.string(), Value: z.string() });

function op<S extends z.ZodType>(schema: S, run: (i: z.infer<S>, region: string) => unknown): QueryOperation {
  return { run: (input, req) => run(decodeInput(schema, input, CODES), req.region) };
}

const notFound = (name: string): ServiceError => new ServiceError('ValidationError', `Stack with id ${name} does not exist`);
const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** What ValidateTemplate and GetTemplateSummary say about a template. */
function summary(t: Template) {
  const iam = [...new Set(Object.values(t.Resources).map((r) => r.Type).filter((type) => RESOURCE_TYPES[type]?.iam))];
  return {
    Parameters: Object.entries(t.Parameters ?? {}).map(([k, p]) => ({
      ParameterKey: k, DefaultValue: p.Default === undefined ? undefined : String(p.Default), ParameterType: p.Type,
      NoEcho: p.NoEcho === true || p.NoEcho === 'true', Description: p.Description,
      ParameterConstraints: p.AllowedValues ? { AllowedValues: p.AllowedValues.map(String) } : undefined,
    })),
    Description: t.Description,
    ...(iam.length > 0 ? { Capabilities: ['CAPABILITY_IAM'], CapabilitiesReason: `The following resource(s) require capabilities: [${iam.join(', ')}]` } : {}),
    ResourceTypes: [...new Set(Object.values(t.Resources).map((r) => r.Type))],
    Version: t.AWSTemplateFormatVersion,
  };
}

function stackView(s: StackRecord) {
  return {
    StackId: s.id, StackName: s.name, Description: s.description,
    Parameters: Object.entries(s.parameters).map(([k, v]) => ({ ParameterKey: k, ParameterValue: v })),
    CreationTime: date(s.created), LastUpdatedTime: date(s.updated), DeletionTime: date(s.deleted),
    StackStatus: s.status, StackStatusReason: s.reason, DisableRollback: s.disableRollback,
    Capabilities: s.capabilities, Outputs: s.outputs, Tags: s.tags, DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
  };
}

export function createCloudFormationEndpoint(): EndpointFactory {
  return (ctx: EmulatorContext) => {
    const stacks: StackRecord[] = [];
    const clients = new Map<string, ProvisionClients>();
    const save = async (stack: StackRecord): Promise<void> => {
      const entry: CfnJournalEntry = { kind: 'put-stack', stack };
      await ctx.journal('cloudformation', JSON.parse(JSON.stringify(entry)));
    };
    const engine = new StackEngine({
      accountId: ctx.accountId, now: () => ctx.now(), save, log: (l) => ctx.log(l),
      clients(region) {
        let c = clients.get(region);
        if (c === undefined) clients.set(region, (c = provisionClients(ctx.url, region)));
        return c;
      },
    });

    /** The live stack with this name, or any stack with this id. */
    const find = (nameOrId: string, region: string): StackRecord | undefined =>
      nameOrId.startsWith('arn:')
        ? stacks.find((s) => s.id === nameOrId)
        : stacks.find((s) => s.name === nameOrId && s.region === region && s.status !== 'DELETE_COMPLETE');
    const get = (nameOrId: string, region: string): StackRecord => find(nameOrId, region) ?? (() => { throw notFound(nameOrId); })();
    const idle = (s: StackRecord, verb: string): void => {
      if (IN_PROGRESS.test(s.status)) throw new ServiceError('ValidationError', `Stack:${s.id} is in ${s.status} state and can not be ${verb}.`);
    };
    const paramsOf = (list: z.infer<typeof parameter>[] | undefined, previous: Record<string, string>): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const p of list ?? []) {
        if (p.ParameterKey === undefined) continue;
        const v = p.UsePreviousValue ? previous[p.ParameterKey] : p.ParameterValue;
        if (v !== undefined) out[p.ParameterKey] = v;
      }
      return out;
    };
    const bodyOf = (i: { TemplateBody?: string | undefined; TemplateURL?: string | undefined; UsePreviousTemplate?: boolean | undefined }, previous?: StackRecord): string => {
      if (i.UsePreviousTemplate && previous) return previous.templateBody;
      if (i.TemplateBody !== undefined) return i.TemplateBody;
      if (i.TemplateURL !== undefined) throw new ServiceError('ValidationError', 'TemplateURL is not supported by this emulator: send TemplateBody');
      throw new ServiceError('ValidationError', 'Either Template URL or Template Body must be specified.');
    };
    const newStack = (name: string, region: string, body: string, capabilities: string[], tags: { Key: string; Value: string }[], disableRollback: boolean): StackRecord => ({
      id: `arn:aws:cloudformation:${region}:${ctx.accountId}:stack/${name}/${randomUUID()}`, name, region, status: 'REVIEW_IN_PROGRESS',
      templateBody: body, parameters: {}, capabilities, disableRollback, created: ctx.now(), outputs: [], resources: [], events: [], changeSets: [], tags,
    });
    const findChangeSet = (name: string, stack: string | undefined, region: string): { stack: StackRecord; cs: ChangeSetRecord } => {
      for (const s of stack !== undefined ? [get(stack, region)] : stacks) {
        const cs = s.changeSets.find((c) => c.id === name || (c.name === name && c.status !== 'DELETE_COMPLETE'));
        if (cs) return { stack: s, cs };
      }
      throw new ServiceError('ChangeSetNotFound', `ChangeSet [${name}] does not exist`, 404);
    };

    const operations: Record<(typeof CFN_OPERATIONS)[number], QueryOperation> = {
      ValidateTemplate: op(z.object({ TemplateBody: z.string().optional(), TemplateURL: z.string().optional() }), (i) => {
        const { Parameters, Description, Capabilities, CapabilitiesReason } = summary(parseTemplate(bodyOf(i)));
        return { Parameters: Parameters.map(({ ParameterType: _t, ParameterConstraints: _c, ...p }) => p), Description, Capabilities, CapabilitiesReason };
      }),
      GetTemplateSummary: op(z.object({ TemplateBody: z.string().optional(), TemplateURL: z.string().optional(), StackName: stackName.optional() }), (i, region) => {
        const body = i.StackName !== undefined ? get(i.StackName, region).templateBody : bodyOf(i);
        return { ...summary(parseTemplate(body)), DeclaredTransforms: [] };
      }),
      CreateStack: op(z.object({ StackName: stackName, ...templateInput, DisableRollback: qBool.optional(), OnFailure: z.enum(['DO_NOTHING', 'ROLLBACK', 'DELETE']).optional(), Tags: qList(tag).optional() }), async (i, region) => {
        const existing = find(i.StackName, region);
        if (existing && existing.status !== 'REVIEW_IN_PROGRESS') throw new ServiceError('AlreadyExistsException', `Stack [${i.StackName}] already exists`);
        const body = bodyOf(i);
        const stack = newStack(i.StackName, region, body, i.Capabilities ?? [], i.Tags ?? [], i.DisableRollback === true || i.OnFailure === 'DO_NOTHING');
        const p = prepare(body, paramsOf(i.Parameters, {}), stack, ctx.accountId, stack.capabilities);
        stack.parameters = p.parameters;
        if (p.template.Description !== undefined) stack.description = String(p.template.Description);
        stack.status = 'CREATE_IN_PROGRESS';
        await save(stack);
        stacks.push(stack);
        engine.create(stack, p);
        return { StackId: stack.id };
      }),
      UpdateStack: op(z.object({ StackName: stackName, ...templateInput, Tags: qList(tag).optional() }), async (i, region) => {
        const stack = get(i.StackName, region);
        idle(stack, 'updated');
        const body = bodyOf(i, stack);
        const p = prepare(body, paramsOf(i.Parameters, stack.parameters), stack, ctx.accountId, i.Capabilities ?? []);
        if (plannedChanges(stack, p).length === 0 && body === stack.templateBody) throw new ServiceError('ValidationError', 'No updates are to be performed.');
        stack.capabilities = i.Capabilities ?? [];
        engine.update(stack, p, body);
        return { StackId: stack.id };
      }),
      DeleteStack: op(z.object({ StackName: stackName, RetainResources: qList(z.string()).optional() }), (i, region) => {
        const stack = find(i.StackName, region);
        // Deleting a stack that does not exist succeeds, as in CloudFormation.
        if (stack === undefined || stack.status === 'DELETE_IN_PROGRESS') return undefined;
        idle(stack, 'deleted');
        engine.delete(stack);
        return undefined;
      }),
      DescribeStacks: op(z.object({ StackName: stackName.optional(), NextToken: z.string().optional() }), (i, region) => {
        if (i.StackName !== undefined) return { Stacks: [stackView(get(i.StackName, region))] };
        const p = page(stacks.filter((s) => s.region === region && s.status !== 'DELETE_COMPLETE'), i.NextToken, PAGE);
        return { Stacks: p.items.map(stackView), NextToken: p.next };
      }),
      ListStacks: op(z.object({ NextToken: z.string().optional(), StackStatusFilter: qList(z.string()).optional() }), (i, region) => {
        const filter = i.StackStatusFilter ?? [];
        const all = stacks.filter((s) => s.region === region && s.status !== 'REVIEW_IN_PROGRESS' && (filter.length === 0 || filter.includes(s.status)));
        const p = page(all, i.NextToken, PAGE);
        return {
          StackSummaries: p.items.map((s) => ({
            StackId: s.id, StackName: s.name, TemplateDescription: s.description, CreationTime: date(s.created),
            LastUpdatedTime: date(s.updated), DeletionTime: date(s.deleted), StackStatus: s.status, StackStatusReason: s.reason,
          })),
          NextToken: p.next,
        };
      }),
      DescribeStackEvents: op(z.object({ StackName: stackName, NextToken: z.string().optional() }), (i, region) => {
        const s = get(i.StackName, region);
        const p = page([...s.events].reverse(), i.NextToken, PAGE);
        return { StackEvents: p.items.map((e) => ({ ...e, Timestamp: new Date(e.Timestamp) })), NextToken: p.next };
      }),
      DescribeStackResources: op(z.object({ StackName: stackName.optional(), LogicalResourceId: z.string().optional(), PhysicalResourceId: z.string().optional() }), (i, region) => {
        const s = i.StackName !== undefined ? get(i.StackName, region)
          : stacks.find((x) => x.resources.some((r) => r.physicalId === i.PhysicalResourceId));
        if (s === undefined) throw new ServiceError('ValidationError', 'Stack for the physical resource does not exist');
        return {
          StackResources: s.resources
            .filter((r) => (i.LogicalResourceId === undefined || r.logicalId === i.LogicalResourceId) && (i.PhysicalResourceId === undefined || r.physicalId === i.PhysicalResourceId))
            .map((r) => ({
              StackName: s.name, StackId: s.id, LogicalResourceId: r.logicalId, PhysicalResourceId: r.physicalId, ResourceType: r.type,
              Timestamp: new Date(r.timestamp), ResourceStatus: r.status, ResourceStatusReason: r.reason,
            })),
        };
      }),
      ListStackResources: op(z.object({ StackName: stackName, NextToken: z.string().optional() }), (i, region) => {
        const s = get(i.StackName, region);
        const p = page(s.resources, i.NextToken, PAGE);
        return {
          StackResourceSummaries: p.items.map((r) => ({
            LogicalResourceId: r.logicalId, PhysicalResourceId: r.physicalId, ResourceType: r.type, LastUpdatedTimestamp: new Date(r.timestamp),
            ResourceStatus: r.status, ResourceStatusReason: r.reason,
          })),
          NextToken: p.next,
        };
      }),
      GetTemplate: op(z.object({ StackName: stackName.optional(), ChangeSetName: z.string().optional(), TemplateStage: z.enum(['Original', 'Processed']).optional() }), (i, region) => {
        const body = i.ChangeSetName !== undefined ? findChangeSet(i.ChangeSetName, i.StackName, region).cs.templateBody : get(i.StackName ?? '', region).templateBody;
        return { TemplateBody: body, StagesAvailable: ['Original', 'Processed'] };
      }),
      CreateChangeSet: op(z.object({
        StackName: stackName, ChangeSetName: z.string().regex(/^[a-zA-Z][-a-zA-Z0-9]{0,127}$/), ...templateInput,
        ChangeSetType: z.enum(['CREATE', 'UPDATE', 'IMPORT']).optional(), Description: z.string().optional(), Tags: qList(tag).optional(),
      }), async (i, region) => {
        const type = i.ChangeSetType ?? 'UPDATE';
        if (type === 'IMPORT') throw new ServiceError('ValidationError', 'IMPORT change sets are not supported by this emulator');
        let stack = find(i.StackName, region);
        if (type === 'CREATE') {
          if (stack && stack.status !== 'REVIEW_IN_PROGRESS') throw new ServiceError('AlreadyExistsException', `Stack [${i.StackName}] already exists and cannot be created again with the changeSet [${i.ChangeSetName}].`);
          if (stack === undefined) {
            stack = newStack(i.StackName, region, '', i.Capabilities ?? [], i.Tags ?? [], false);
            stacks.push(stack);
          }
        } else if (stack === undefined || stack.status === 'REVIEW_IN_PROGRESS') {
          throw notFound(i.StackName);
        }
        if (stack.changeSets.some((c) => c.name === i.ChangeSetName && c.status !== 'DELETE_COMPLETE')) {
          throw new ServiceError('AlreadyExistsException', `ChangeSet ${i.ChangeSetName} already exists`);
        }
        const body = bodyOf(i, stack);
        const params = paramsOf(i.Parameters, stack.parameters);
        const cs: ChangeSetRecord = {
          id: `arn:aws:cloudformation:${region}:${ctx.accountId}:changeSet/${i.ChangeSetName}/${randomUUID()}`, name: i.ChangeSetName,
          type, templateBody: body, parameters: params, capabilities: i.Capabilities ?? [], status: 'CREATE_COMPLETE',
          executionStatus: 'AVAILABLE', changes: [], created: ctx.now(), ...(i.Description !== undefined ? { description: i.Description } : {}),
        };
        // Template and capability errors are the call's own; a change set with nothing to do is created FAILED.
        const p = prepare(body, params, stack, ctx.accountId, cs.capabilities);
        cs.parameters = p.parameters;
        cs.changes = plannedChanges(stack, p);
        if (cs.changes.length === 0) {
          Object.assign(cs, { status: 'FAILED', executionStatus: 'UNAVAILABLE', statusReason: "The submitted information didn't contain changes. Submit different information to create a change set." });
        }
        stack.changeSets.push(cs);
        await save(stack);
        return { Id: cs.id, StackId: stack.id };
      }),
      DescribeChangeSet: op(z.object({ ChangeSetName: z.string(), StackName: stackName.optional(), NextToken: z.string().optional() }), (i, region) => {
        const { stack, cs } = findChangeSet(i.ChangeSetName, i.StackName, region);
        return {
          ChangeSetName: cs.name, ChangeSetId: cs.id, StackId: stack.id, StackName: stack.name, Description: cs.description,
          Parameters: Object.entries(cs.parameters).map(([k, v]) => ({ ParameterKey: k, ParameterValue: v })),
          CreationTime: new Date(cs.created), ExecutionStatus: cs.executionStatus, Status: cs.status, StatusReason: cs.statusReason,
          Capabilities: cs.capabilities, Changes: cs.changes.map((c) => ({ Type: 'Resource', ResourceChange: c })),
        };
      }),
      ExecuteChangeSet: op(z.object({ ChangeSetName: z.string(), StackName: stackName.optional(), DisableRollback: qBool.optional() }), async (i, region) => {
        const { stack, cs } = findChangeSet(i.ChangeSetName, i.StackName, region);
        if (cs.executionStatus !== 'AVAILABLE') throw new ServiceError('InvalidChangeSetStatus', `ChangeSet [${cs.id}] cannot be executed in its current status of [${cs.status}]`);
        idle(stack.status === 'REVIEW_IN_PROGRESS' ? { ...stack, status: 'REVIEW' } : stack, 'updated');
        const p = prepare(cs.templateBody, cs.parameters, stack, ctx.accountId, cs.capabilities);
        cs.executionStatus = 'EXECUTE_COMPLETE';
        for (const other of stack.changeSets) if (other !== cs && other.executionStatus === 'AVAILABLE') other.executionStatus = 'OBSOLETE';
        stack.capabilities = cs.capabilities;
        if (i.DisableRollback !== undefined) stack.disableRollback = i.DisableRollback;
        if (cs.type === 'CREATE') {
          stack.templateBody = cs.templateBody;
          stack.parameters = p.parameters;
          if (p.template.Description !== undefined) stack.description = String(p.template.Description);
          engine.create(stack, p);
        } else engine.update(stack, p, cs.templateBody);
        return {};
      }),
      DeleteChangeSet: op(z.object({ ChangeSetName: z.string(), StackName: stackName.optional() }), async (i, region) => {
        const { stack, cs } = findChangeSet(i.ChangeSetName, i.StackName, region);
        cs.status = 'DELETE_COMPLETE';
        if (stack.status === 'REVIEW_IN_PROGRESS' && stack.changeSets.every((c) => c.status === 'DELETE_COMPLETE')) {
          stacks.splice(stacks.indexOf(stack), 1);
        }
        await save(stack);
        return {};
      }),
    };

    return {
      name: 'cloudformation',
      claims: (req) => claimsQuery(req, 'cloudformation', '2010-05-15'),
      handle: (req) => handleQuery(req, { name: 'cloudformation', namespace: CFN_NAMESPACE, operations, log: (l) => ctx.log(l) }),
      async replay(entry) {
        const { stack } = entry as CfnJournalEntry;
        // An operation the last run did not finish cannot resume: it ends failed, so the stack can be deleted.
        if (IN_PROGRESS.test(stack.status) && stack.status !== 'REVIEW_IN_PROGRESS') {
          stack.status = INTERRUPTED[stack.status] ?? 'UPDATE_ROLLBACK_FAILED';
          stack.reason = 'The emulator stopped while this operation was running.';
        }
        const i = stacks.findIndex((s) => s.id === stack.id);
        if (i >= 0) stacks[i] = stack;
        else stacks.push(stack);
      },
      close: () => engine.idle(),
    };
  };
}
