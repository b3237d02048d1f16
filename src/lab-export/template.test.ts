// Every generated template against the CloudFormation resource specification (@aws-cdk/cfnspec): each
// resource type and property exists, required properties are present and every value has the spec's type.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { DEFAULT_NODE_RUNTIME } from '../aws-facts/lambda-runtimes.ts';
import { listLabIds, loadLab } from '../labs/load-lab.ts';
import { exportLab } from './export-command.ts';
import { MAX_INLINE_CODE_CHARS } from './function-code.ts';
import { notCheckableOnAws } from './project-layout.ts';
import { LOG_RETENTION_DAYS, logicalId, targetBuses } from './template.ts';

interface PropSpec { PrimitiveType?: string; Type?: string; ItemType?: string; PrimitiveItemType?: string; Required?: boolean }
interface Spec { ResourceTypes: Record<string, { Properties: Record<string, PropSpec> }>; PropertyTypes: Record<string, { Properties?: Record<string, PropSpec>; PrimitiveType?: string }> }
const spec = createRequire(import.meta.url)('@aws-cdk/cfnspec/spec/specification.json') as Spec;

const isIntrinsic = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 1 && /^(Ref|Fn::)/.test(Object.keys(v)[0]!);

function primitiveOk(type: string, v: unknown): boolean {
  if (isIntrinsic(v)) return type !== 'Json' || true;
  switch (type) {
    case 'String': return typeof v === 'string';
    case 'Integer': case 'Long': case 'Double': return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
    case 'Boolean': return typeof v === 'boolean';
    case 'Json': return typeof v === 'object' || typeof v === 'string';
    default: return false;
  }
}

/** Problems of `value` against a property spec of `resource` (property types are named Resource.Name). */
function check(resource: string, path: string, p: PropSpec, v: unknown): string[] {
  if (p.PrimitiveType) return primitiveOk(p.PrimitiveType, v) ? [] : [`${path}: expected ${p.PrimitiveType}, got ${JSON.stringify(v)}`];
  if (p.Type === 'List' || p.Type === 'Map') {
    if (isIntrinsic(v)) return [];
    const items = p.Type === 'List' ? (Array.isArray(v) ? v : null) : v && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : null;
    if (!items) return [`${path}: expected a ${p.Type}`];
    return items.flatMap((item, i) => check(resource, `${path}[${i}]`, p.PrimitiveItemType ? { PrimitiveType: p.PrimitiveItemType } : { Type: p.ItemType! }, item));
  }
  const named = spec.PropertyTypes[`${resource}.${p.Type}`] ?? spec.PropertyTypes[p.Type!];
  if (!named) return [`${path}: the spec has no property type ${p.Type}`];
  if (named.PrimitiveType) return check(resource, path, { PrimitiveType: named.PrimitiveType }, v);
  return checkObject(resource, path, named.Properties ?? {}, v);
}

function checkObject(resource: string, path: string, props: Record<string, PropSpec>, v: unknown): string[] {
  if (isIntrinsic(v)) return [];
  if (!v || typeof v !== 'object' || Array.isArray(v)) return [`${path}: expected an object`];
  const problems: string[] = [];
  for (const [k, val] of Object.entries(v)) {
    const p = props[k];
    problems.push(...(p ? check(resource, `${path}.${k}`, p, val) : [`${path}.${k}: no such property`]));
  }
  for (const [k, p] of Object.entries(props)) if (p.Required && !(k in (v as object))) problems.push(`${path}.${k}: required`);
  return problems;
}

export function specProblems(template: { Resources: Record<string, { Type: string; Properties?: unknown }> }): string[] {
  return Object.entries(template.Resources).flatMap(([id, r]) => {
    const t = spec.ResourceTypes[r.Type];
    if (!t) return [`${id}: unknown resource type ${r.Type}`];
    return checkObject(r.Type, id, t.Properties, r.Properties ?? {});
  });
}

it('the spec check finds a wrong type, an unknown property and a missing required one (the checker itself)', () => {
  const problems = specProblems({ Resources: {
    Q: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 'soon', Colour: 'red' } },
    F: { Type: 'AWS::Lambda::Function', Properties: { Code: { ZipFile: 'x' } } },
    X: { Type: 'AWS::Nope::Thing' },
  } });
  expect(problems).toEqual(expect.arrayContaining(['Q.MessageRetentionPeriod: expected Integer, got "soon"', 'Q.Colour: no such property', 'F.Role: required', 'X: unknown resource type AWS::Nope::Thing']));
});

describe.each(listLabIds())('the template of lab %s', (id) => {
  it.each(['solution', 'starter'] as const)('%s: every resource and property exists in the CloudFormation spec', async (kind) => {
    let files: Record<string, string>;
    try {
      files = await exportLab(id, { kind }, filesFor);
    } catch (e) {
      // A starter may hold a file that is not JSON yet: the export says which, and nothing is deployed.
      expect(kind).toBe('starter');
      expect(String(e)).toMatch(/is not valid JSON|missing/);
      return;
    }
    const template = parse(files['template.yaml']!) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> };
    expect(specProblems(template)).toEqual([]);
    const lab = loadLab(id);
    const resources = Object.values(template.Resources);
    const def = lab.definition;
    const rules = resources.filter((r) => r.Type === 'AWS::Events::Rule');
    // The lab's rules and schedules, plus verify's own: one reading the archive back, one per bus a rule targets.
    expect(rules).toHaveLength(def.bus.rules.length + (def.bus.schedules?.length ?? 0) + (def.bus.archive ? 1 : 0) + targetBuses(def).length);
    for (const r of rules) {
      // AWS runs a ScheduleExpression only on the default bus; a target that is a bus needs a role to put events there.
      if ('ScheduleExpression' in r.Properties) expect(r.Properties.EventBusName).toBeUndefined();
      else expect(r.Properties.EventBusName).toBeDefined();
      for (const t of r.Properties.Targets as { Arn: unknown; RoleArn?: unknown }[]) if (JSON.stringify(t.Arn).includes('"Bus')) expect(t.RoleArn).toEqual({ 'Fn::GetAtt': ['EventsToBusesRole', 'Arn'] });
    }
    expect(resources.filter((r) => r.Type === 'AWS::Events::EventBus')).toHaveLength(1 + (def.bus.buses?.length ?? 0));
    expect(resources.filter((r) => r.Type === 'AWS::Events::Archive')).toHaveLength(def.bus.archive ? 1 : 0);
    // The README names every check verify skips on AWS, with its id.
    for (const c of def.checks) if (notCheckableOnAws(c)) expect(files['README.md']).toContain(`(\`${c.id}\`)`);
    for (const r of resources) {
      if (r.Type === 'AWS::Lambda::Function') {
        expect(r.Properties.Runtime).toBe(DEFAULT_NODE_RUNTIME);
        expect(String((r.Properties.Code as { ZipFile: string }).ZipFile).length).toBeLessThanOrEqual(MAX_INLINE_CODE_CHARS);
      }
      if (r.Type === 'AWS::Logs::LogGroup') expect(r.Properties.RetentionInDays).toBe(LOG_RETENTION_DAYS);
      if (r.Type === 'AWS::IAM::Role') {
        // Least privilege: named actions only, never a wildcard action or resource.
        const statements = (r.Properties.Policies as { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } }[]).flatMap((p) => p.PolicyDocument.Statement);
        for (const st of statements) {
          for (const action of [st.Action].flat()) expect(action).not.toContain('*');
          expect(st.Resource).not.toBe('*');
        }
        expect(r.Properties.ManagedPolicyArns).toBeUndefined();
      }
    }
    expect(JSON.stringify(template.Resources.Bus)).toContain(`"Value":"${id}"`);
    // A handler reads the lab's bus from EVENT_BUS_NAME, and its role may put events on that bus and no other.
    for (const [logical, r] of Object.entries(template.Resources)) {
      if (r.Type !== 'AWS::Lambda::Function') continue;
      expect(r.Properties.Environment, logical).toEqual({ Variables: { EVENT_BUS_NAME: { Ref: 'Bus' } } });
      const role = template.Resources[`${logical}Role`]!;
      expect(r.Properties.Role).toEqual({ 'Fn::GetAtt': [`${logical}Role`, 'Arn'] });
      const statements = (role.Properties.Policies as { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } }[]).flatMap((p) => p.PolicyDocument.Statement);
      const puts = statements.filter((st) => [st.Action].flat().some((a) => a.startsWith('events:')));
      const hasCode = Object.keys(def.bus.functions ?? {}).some((fn) => logicalId('Fn', fn) === logical);
      expect(puts, logical).toEqual(hasCode ? [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': ['Bus', 'Arn'] } }] : []);
    }
  });
});

describe("lab 11's asynchronous invocation settings and queues", () => {
  const LAB = '11-retries-and-dead-letters';
  type Template = { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>; Outputs: Record<string, unknown> };
  const templateWith = async (settings: unknown): Promise<Template> => {
    const files = filesFor(loadLab(LAB), { kind: 'solution' });
    files['invoke-config.json'] = JSON.stringify(settings);
    const work = mkdtempSync(join(tmpdir(), 'tpl-11-'));
    try {
      for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
      return parse((await exportLab(LAB, { kind: 'dir', path: work }, filesFor))['template.yaml']!) as Template;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  };
  const sends = (t: Template) => (t.Resources.FnReserveStockRole!.Properties.Policies as { PolicyDocument: { Statement: { Action: unknown; Resource: unknown }[] } }[])[0]!.PolicyDocument.Statement.filter((s) => s.Action === 'sqs:SendMessage');

  it("deploys the settings at $LATEST, the lab's queue ARN as the deployed queue, and lets the role send to it", async () => {
    const t = await templateWith({ MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:reservations-failed' } } });
    expect(t.Resources.FnReserveStockInvokeConfig).toEqual({
      Type: 'AWS::Lambda::EventInvokeConfig',
      Properties: { FunctionName: { Ref: 'FnReserveStock' }, Qualifier: '$LATEST', MaximumRetryAttempts: 1, MaximumEventAgeInSeconds: 120, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['QueueReservationsFailed', 'Arn'] } } } },
    });
    expect(t.Resources.QueueReservationsFailed!.Properties).toMatchObject({ QueueName: { 'Fn::Sub': '${AWS::StackName}-reservations-failed' }, MessageRetentionPeriod: 3600 });
    expect(t.Outputs.QueueReservationsFailedUrl).toEqual({ Value: { Ref: 'QueueReservationsFailed' } });
    expect(sends(t)).toEqual([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: [{ 'Fn::GetAtt': ['QueueReservationsFailed', 'Arn'] }] }]);
  });

  it('keeps an ARN that names no lab queue as written, so a wrong answer fails on AWS as in the course', async () => {
    const wrong = 'arn:aws:sqs:eu-west-1:123456789012:reservations-failed';
    const t = await templateWith({ DestinationConfig: { OnSuccess: { Destination: wrong } } });
    expect(t.Resources.FnReserveStockInvokeConfig!.Properties).toEqual({ FunctionName: { Ref: 'FnReserveStock' }, Qualifier: '$LATEST', DestinationConfig: { OnSuccess: { Destination: wrong } } });
    expect(sends(t)[0]!.Resource).toEqual([{ 'Fn::GetAtt': ['QueueReservationsFailed', 'Arn'] }, wrong]);
  });

  it('refuses settings PutFunctionEventInvokeConfig would refuse, naming the field', async () => {
    await expect(templateWith({ MaximumRetryAttempts: 185 })).rejects.toThrow(/invoke-config\.json: MaximumRetryAttempts: must be from 0 to 2/);
  });
});
