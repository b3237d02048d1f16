// `cloudformation`: one custom bus, a CloudWatch Logs group per service as its stand-in target, a rule
// per consuming service (pattern on source and detail-type), and the Logs resource policy EventBridge
// needs to write to those groups (AWS: CloudWatch Logs targets use a resource-based policy, not a role).
// A pure function of the board, so a deploy test can call it directly.
import type { Board } from './board-format.ts';
import { consumerPattern, deriveArchitecture, type ArchService } from './architecture.ts';
import { json, type ExportFiles } from './export-files.ts';
import { pascalCase } from '../schema-registry/discovery.ts';

export type CfnTemplate = {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Resources: Record<string, { Type: string; Properties: Record<string, unknown>; DependsOn?: string[] }>;
  Outputs: Record<string, { Value: unknown }>;
};

/** Log groups EventBridge writes to must be named under /aws/events/ for the console to offer them. */
export function logGroupName(busName: string, service: ArchService): string {
  return `/aws/events/${busName}/${service.slug}`;
}

export const logicalId = (service: ArchService, what: 'LogGroup' | 'Rule'): string => `${pascalCase(service.slug)}${what}`;

export function cloudFormationTemplate(board: Board): CfnTemplate {
  const arch = deriveArchitecture(board);
  const bus = arch.busName;
  const Resources: CfnTemplate['Resources'] = {
    Bus: { Type: 'AWS::Events::EventBus', Properties: { Name: bus } },
  };
  for (const s of arch.services) {
    Resources[logicalId(s, 'LogGroup')] = { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: logGroupName(bus, s), RetentionInDays: 7 } };
  }
  const policy = {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'EventBridgeToStormingLogGroups',
      Effect: 'Allow',
      Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] },
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/events/${bus}/*`,
    }],
  };
  Resources.EventsToLogsPolicy = { Type: 'AWS::Logs::ResourcePolicy', Properties: { PolicyName: `${bus}-events-to-logs`, PolicyDocument: { 'Fn::Sub': JSON.stringify(policy) } } };
  for (const s of arch.services) {
    const pattern = consumerPattern(s);
    if (!pattern) continue;
    Resources[logicalId(s, 'Rule')] = {
      Type: 'AWS::Events::Rule',
      DependsOn: ['EventsToLogsPolicy'],
      Properties: {
        Name: `${s.slug}-consumes`,
        Description: `Events the ${s.name} service reacts to.`,
        EventBusName: { Ref: 'Bus' },
        EventPattern: pattern,
        State: 'ENABLED',
        Targets: [{ Id: s.slug, Arn: { 'Fn::GetAtt': [logicalId(s, 'LogGroup'), 'Arn'] } }],
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `The ${bus} bus from the EventBridge Storming board "${board.title}": a rule per consuming service, a log group per service.`,
    Resources,
    Outputs: { BusName: { Value: { Ref: 'Bus' } }, BusArn: { Value: { 'Fn::GetAtt': ['Bus', 'Arn'] } } },
  };
}

export function exportCloudFormation(board: Board): ExportFiles {
  return { 'template.json': json(cloudFormationTemplate(board)) };
}
