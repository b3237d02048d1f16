// The CloudFormation template that deploys a lab as its checks.json and the learner's files describe it:
// one tagged custom bus, the rules with their patterns, targets and input transformers, each function
// with its inline code, its own least-privilege role and a log group with a short retention, an SQS
// dead-letter queue for the Lambda targets, and the log groups the checks read with the resource policy
// EventBridge needs to write to them. Pure data: the CLI and the browser build the same template.
import { stringify } from 'yaml';
import { DEFAULT_NODE_RUNTIME } from '../aws-facts/lambda-runtimes.ts';
import { parseInvokeConfig } from '../labs/invoke-config.ts';
import type { FileOrInline, LabDefinition, LabFiles, LabTargetSpec } from '../labs/lab-types.ts';
import { LAB_ACCOUNT, LAB_REGION } from '../labs/lambda-context.ts';
import { MAX_INLINE_CODE_CHARS } from './function-code.ts';
import { ARCHIVE_PROBE, ARRIVALS, logicalId, queueLogicalId, queueOutputKey } from './project-layout.ts';

/** Days CloudWatch Logs keeps what the lab writes (the shortest retention Logs offers). */
export const LOG_RETENTION_DAYS = 1;
export const COURSE_TAG = 'eventbridge-course';

export { logicalId };

/** EventBridge delivers to log groups whose names start with /aws/events/; the lab's name goes after the stack's. */
export function deployedLogGroupName(stackName: string, labLogGroup: string): string {
  return `/aws/events/${stackName}${labLogGroup.startsWith('/') ? '' : '/'}${labLogGroup}`;
}
export const deployedFunctionName = (stackName: string, fn: string): string => `${stackName}-${fn}`.slice(0, 64);
export const deployedBusName = (stackName: string, labBus?: string): string => (labBus === undefined ? `${stackName}-bus` : `${stackName}-${labBus}`);
/** The archive's name: at most 48 characters, and the stack name is at most 41. */
export const deployedArchiveName = (stackName: string): string => `${stackName}-arc`;
/** Logical id of the bus a lab names (`bus.buses`), or of the lab's own bus (what the lab calls the default bus). */
export const busLogicalId = (labBus?: string): string => (labBus === undefined ? 'Bus' : logicalId('Bus', labBus));
export const deployedRuleName = (stackName: string, rule: string): string => `${stackName}-${rule}`.slice(0, 64);

export function jsonFrom<T = Record<string, unknown>>(files: LabFiles, src: FileOrInline, what: string): T {
  if ('inline' in src) return src.inline as T;
  const text = files[src.file];
  if (text === undefined) throw new Error(`${what}: the file ${src.file} is missing.`);
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${what}: ${src.file} is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
}

/** Event-pattern rules and scheduled rules alike: both have targets. */
export const allRules = (def: LabDefinition) => [...def.bus.rules, ...(def.bus.schedules ?? [])];

/** Every function a target names, declared (with code) or not (a recorder). */
export function functionNames(def: LabDefinition): string[] {
  const names = new Set(Object.keys(def.bus.functions ?? {}));
  for (const r of allRules(def)) for (const t of r.targets) if (t.function) names.add(t.function);
  return [...names];
}
export function targetBuses(def: LabDefinition): string[] {
  return [...new Set(allRules(def).flatMap((r) => r.targets.flatMap((t) => (t.eventBus ? [t.eventBus] : []))))];
}
export function logGroupNames(def: LabDefinition): string[] {
  const probe = [...(def.bus.archive ? [ARCHIVE_PROBE.logGroup] : []), ...targetBuses(def).map(ARRIVALS.logGroup)];
  return [...new Set([...allRules(def).flatMap((r) => r.targets.flatMap((t) => (t.logGroup ? [t.logGroup] : []))), ...probe])];
}

/** A lab queue's (`bus.queues`) name in the account. */
export const deployedQueueName = (stackName: string, q: string): string => `${stackName}-${q}`;

/** The function's asynchronous invocation settings (its invokeConfig file) as an AWS::Lambda::EventInvokeConfig. A
 * destination that is one of the lab's queues, as the lab names it (its account and region), becomes the deployed
 * queue; any other ARN stays as written, so a wrong one fails on AWS as it does in the course. */
function eventInvokeConfig(def: LabDefinition, files: LabFiles, fn: string): { resource: Record<string, unknown>; queues: unknown[] } | undefined {
  const file = def.bus.functions?.[fn]?.invokeConfig?.file;
  if (file === undefined) return undefined;
  const parsed = parseInvokeConfig(files[file], file);
  if (!parsed.ok) throw new Error(`The function ${fn}: PutFunctionEventInvokeConfig would refuse ${file}: ${parsed.problems.join('; ')}`);
  const { MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig } = parsed.config;
  const lab = new Map((def.bus.queues ?? []).map((q) => [`arn:aws:sqs:${LAB_REGION}:${LAB_ACCOUNT}:${q}`, q]));
  const to = (d: { Destination: string } | undefined) => (d ? { Destination: lab.has(d.Destination) ? arn(queueLogicalId(lab.get(d.Destination)!)) : d.Destination } : undefined);
  const onSuccess = to(DestinationConfig?.OnSuccess);
  const onFailure = to(DestinationConfig?.OnFailure);
  // The role may send to each SQS destination named: a lab queue, or the ARN as written (which then fails at run
  // time, as in the course, rather than at deploy, where Lambda checks the role's permission).
  const queues = [onSuccess, onFailure].flatMap((d) => (d && (typeof d.Destination !== 'string' || d.Destination.startsWith('arn:aws:sqs:')) ? [d.Destination] : []));
  const resource = {
    Type: 'AWS::Lambda::EventInvokeConfig',
    Properties: {
      FunctionName: ref(logicalId('Fn', fn)), Qualifier: '$LATEST',
      ...(MaximumRetryAttempts !== undefined ? { MaximumRetryAttempts } : {}),
      ...(MaximumEventAgeInSeconds !== undefined ? { MaximumEventAgeInSeconds } : {}),
      ...(onSuccess || onFailure ? { DestinationConfig: { ...(onSuccess ? { OnSuccess: onSuccess } : {}), ...(onFailure ? { OnFailure: onFailure } : {}) } } : {}),
    },
  };
  return { resource, queues };
}

const sub = (s: string) => ({ 'Fn::Sub': s });
const ref = (id: string) => ({ Ref: id });
const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });

export interface TemplateInput {
  labId: string;
  definition: LabDefinition;
  files: LabFiles;
  /** Inline index.js of each function (see function-code.ts). */
  code: Record<string, string>;
}

export function buildTemplate({ labId, definition: def, files, code }: TemplateInput): Record<string, unknown> {
  const tags = [{ Key: 'course', Value: COURSE_TAG }, { Key: 'course-lab', Value: labId }];
  const R: Record<string, unknown> = {};
  R.Bus = { Type: 'AWS::Events::EventBus', Properties: { Name: sub('${AWS::StackName}-bus'), Tags: tags } };
  for (const b of def.bus.buses ?? []) R[busLogicalId(b)] = { Type: 'AWS::Events::EventBus', Properties: { Name: sub(`\${AWS::StackName}-${b}`), Tags: tags } };
  const toBuses = targetBuses(def);
  if (toBuses.length) {
    // A rule that targets another bus needs a role EventBridge assumes to put the events there.
    R.EventsToBusesRole = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'put-events-on-lab-buses', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'events:PutEvents', Resource: toBuses.map((b) => arn(busLogicalId(b))) }] } }],
        Tags: tags,
      },
    };
  }
  if (def.bus.archive) {
    R.Archive = {
      Type: 'AWS::Events::Archive',
      Properties: { ArchiveName: sub(deployedArchiveName('${AWS::StackName}')), SourceArn: arn('Bus'), EventPattern: jsonFrom(files, def.bus.archive.pattern, 'The archive'), RetentionDays: LOG_RETENTION_DAYS },
    };
  }
  const fns = functionNames(def);
  if (fns.length) {
    R.DeadLetterQueue = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 3600, Tags: tags } };
  }
  for (const q of def.bus.queues ?? []) {
    // A short retention: the failure records matter only until verify has read them.
    R[queueLogicalId(q)] = { Type: 'AWS::SQS::Queue', Properties: { QueueName: sub(deployedQueueName('${AWS::StackName}', q)), MessageRetentionPeriod: 3600, Tags: tags } };
  }
  for (const fn of fns) {
    const id = logicalId('Fn', fn);
    const body = code[fn];
    if (body === undefined) throw new Error(`No code for the function ${fn}.`);
    if (body.length > MAX_INLINE_CODE_CHARS) throw new Error(`The function ${fn} is ${body.length} characters: the course keeps inline code under ${MAX_INLINE_CODE_CHARS}.`);
    const name = sub(`\${AWS::StackName}-${fn}`);
    R[`${id}Logs`] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: sub(`/aws/lambda/\${AWS::StackName}-${fn}`), RetentionInDays: LOG_RETENTION_DAYS, Tags: tags } };
    const statements: unknown[] = [
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/\${AWS::StackName}-${fn}:*`) },
    ];
    if (def.bus.functions?.[fn]) statements.push({ Effect: 'Allow', Action: 'events:PutEvents', Resource: arn('Bus') });
    const invokeConfig = eventInvokeConfig(def, files, fn);
    // Lambda sends an invocation record to a destination with the function's execution role.
    const sendTo = [...new Set([...(def.bus.queues ?? []).map((q) => arn(queueLogicalId(q))), ...(invokeConfig?.queues ?? [])].map((q) => JSON.stringify(q)))].map((q) => JSON.parse(q) as unknown);
    if (invokeConfig && sendTo.length) statements.push({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: sendTo });
    if (invokeConfig) R[`${id}InvokeConfig`] = invokeConfig.resource;
    R[`${id}Role`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        Policies: [{ PolicyName: 'least-privilege', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
        Tags: tags,
      },
    };
    const timeout = Math.max(1, Math.ceil((def.bus.functions?.[fn]?.timeoutMs ?? 3000) / 1000));
    R[id] = {
      Type: 'AWS::Lambda::Function',
      DependsOn: `${id}Logs`,
      Properties: {
        FunctionName: name, Runtime: DEFAULT_NODE_RUNTIME, Handler: 'index.handler', MemorySize: 128, Timeout: timeout,
        Role: arn(`${id}Role`), Environment: { Variables: { EVENT_BUS_NAME: ref('Bus') } }, Code: { ZipFile: body }, Tags: tags,
      },
    };
  }
  const logGroups = logGroupNames(def);
  for (const lg of logGroups) {
    R[logicalId('Logs', lg)] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: sub(deployedLogGroupName('${AWS::StackName}', lg)), RetentionInDays: LOG_RETENTION_DAYS, Tags: tags } };
  }
  if (logGroups.length) {
    // EventBridge writes to a log group through a Logs resource policy, as the console sets up for a log target.
    R.EventsToLogsPolicy = {
      Type: 'AWS::Logs::ResourcePolicy',
      Properties: {
        PolicyName: sub('${AWS::StackName}-events-to-logs'),
        PolicyDocument: {
          'Fn::Sub': JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] }, Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/events/${AWS::StackName}/*:*' }],
          }),
        },
      },
    };
  }
  let queueTargets = false;
  const rules = [
    ...def.bus.rules.map((r) => ({ ...r, on: { EventBusName: ref(busLogicalId(r.eventBus)), EventPattern: jsonFrom(files, r.pattern, `Rule ${r.name}`) } as Record<string, unknown> })),
    // AWS allows a ScheduleExpression only on the default bus: a scheduled rule names no EventBusName.
    // verify reads the archive back through this rule (project-layout.ts); it matches only the probe replay's copies.
    ...(def.bus.archive ? [{ name: ARCHIVE_PROBE.rule, targets: [{ id: ARCHIVE_PROBE.rule, logGroup: ARCHIVE_PROBE.logGroup }] as LabTargetSpec[], on: { EventBusName: ref('Bus'), EventPattern: { 'replay-name': [{ prefix: ARCHIVE_PROBE.replayPrefix }] } } as Record<string, unknown> }] : []),
    // verify sees what reaches a bus that a rule targets through a rule there that matches every event.
    ...toBuses.map((b) => ({ name: ARRIVALS.rule(b), targets: [{ id: ARRIVALS.rule(b), logGroup: ARRIVALS.logGroup(b) }] as LabTargetSpec[], on: { EventBusName: ref(busLogicalId(b)), EventPattern: ARRIVALS.pattern } as Record<string, unknown> })),
    ...(def.bus.schedules ?? []).map((r) => ({ ...r, on: { ScheduleExpression: jsonFrom<{ ScheduleExpression?: unknown }>(files, { file: r.file }, `Schedule ${r.name}`).ScheduleExpression } as Record<string, unknown> })),
  ];
  for (const rule of rules) {
    const rid = logicalId('Rule', rule.name);
    const targets = rule.targets.map((t) => {
      const input = t.input ? jsonFrom(files, t.input, `Target ${t.id}`) : undefined;
      const target: Record<string, unknown> = { Id: t.id };
      if (t.function) {
        target.Arn = arn(logicalId('Fn', t.function));
        target.DeadLetterConfig = { Arn: arn('DeadLetterQueue') };
        target.RetryPolicy = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 };
        queueTargets = true;
      } else if (t.logGroup) {
        // The log group's own Arn attribute ends in ":*"; a Logs target names the group without it.
        target.Arn = sub(`arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:${deployedLogGroupName('${AWS::StackName}', t.logGroup)}`);
      } else if (t.eventBus) {
        target.Arn = arn(busLogicalId(t.eventBus));
        target.RoleArn = arn('EventsToBusesRole');
      }
      if (input && 'Input' in input) target.Input = typeof input.Input === 'string' ? input.Input : JSON.stringify(input.Input);
      if (input && 'InputPath' in input) target.InputPath = input.InputPath;
      if (input && 'InputTransformer' in input) target.InputTransformer = input.InputTransformer;
      return target;
    });
    const dependsOn = rule.targets.flatMap((t) => (t.logGroup ? [logicalId('Logs', t.logGroup)] : []));
    R[rid] = { Type: 'AWS::Events::Rule', ...(dependsOn.length ? { DependsOn: dependsOn } : {}), Properties: { Name: sub(`\${AWS::StackName}-${rule.name}`), ...rule.on, State: 'ENABLED', Targets: targets } };
    for (const t of rule.targets) {
      if (!t.function) continue;
      R[`${rid}${logicalId('Invoke', t.id)}`] = {
        Type: 'AWS::Lambda::Permission',
        Properties: { FunctionName: ref(logicalId('Fn', t.function)), Action: 'lambda:InvokeFunction', Principal: 'events.amazonaws.com', SourceArn: arn(rid) },
      };
    }
  }
  if (queueTargets) {
    R.DeadLetterQueuePolicy = {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref('DeadLetterQueue')],
        PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: arn('DeadLetterQueue') }] },
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Course lab ${labId}, deployed as written (eventbridge-course).`,
    Resources: R,
    Outputs: {
      BusName: { Value: ref('Bus') },
      ...(fns.length ? { DeadLetterQueueUrl: { Value: ref('DeadLetterQueue') } } : {}),
      ...Object.fromEntries((def.bus.queues ?? []).map((q) => [queueOutputKey(q), { Value: ref(queueLogicalId(q)) }])),
    },
  };
}

export function templateYaml(input: TemplateInput): string {
  // YAML 1.1 quotes what CloudFormation's parser would read as a date or a number ("2012-10-17"); no anchors.
  return stringify(buildTemplate(input), { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 });
}
