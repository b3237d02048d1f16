import { describe, expect, it } from 'vitest';
import { EventBridgeService } from '../eventbridge/index.ts';
import { deriveArchitecture } from './architecture.ts';
import { exampleBoard } from './example-board.ts';
import { cloudFormationTemplate, exportCloudFormation, type CfnTemplate } from './export-cloudformation.ts';
import { sampleEnvelope } from './sample-events.ts';

/** Creates the template's resources in our engine, resolving the few intrinsics the generator uses. */
function loadIntoEngine(t: CfnTemplate, svc: EventBridgeService): void {
  const names: Record<string, string> = {};
  const arns: Record<string, string> = {};
  const pseudo: Record<string, string> = { 'AWS::Region': svc.region, 'AWS::AccountId': svc.account, 'AWS::Partition': 'aws' };
  const resolve = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(resolve);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('Ref' in o) return names[o.Ref as string];
      if ('Fn::GetAtt' in o) return arns[(o['Fn::GetAtt'] as string[])[0]!];
      if ('Fn::Sub' in o) return (o['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, k: string) => pseudo[k] ?? names[k] ?? '');
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
    }
    return v;
  };
  for (const [id, r] of Object.entries(t.Resources)) {
    const p = resolve(r.Properties) as Record<string, unknown>;
    const str = (k: string) => p[k] as string;
    if (r.Type === 'AWS::Events::EventBus') {
      arns[id] = svc.createEventBus({ Name: str('Name') }).EventBusArn;
      names[id] = str('Name');
    } else if (r.Type === 'AWS::Logs::LogGroup') {
      svc.logs.createLogGroup({ logGroupName: str('LogGroupName') });
      arns[id] = `${svc.logs.logGroupArn(str('LogGroupName'))}:*`;
      names[id] = str('LogGroupName');
    } else if (r.Type === 'AWS::Logs::ResourcePolicy') {
      JSON.parse(str('PolicyDocument'));
      svc.logs.putResourcePolicy({ policyName: str('PolicyName'), policyDocument: str('PolicyDocument') });
    } else if (r.Type === 'AWS::Events::Rule') {
      svc.putRule({ Name: str('Name'), EventBusName: str('EventBusName'), EventPattern: JSON.stringify(p.EventPattern), State: p.State as 'ENABLED' });
      svc.putTargets({ Rule: str('Name'), EventBusName: str('EventBusName'), Targets: p.Targets as { Id: string; Arn: string }[] });
    } else throw new Error(`unexpected resource type ${r.Type}`);
  }
}

describe('CloudFormation export', () => {
  const board = exampleBoard();
  const t = cloudFormationTemplate(board);

  it('is JSON with one bus, a log group per service, a rule per consuming service and the logs resource policy', () => {
    const parsed = JSON.parse(exportCloudFormation(board)['template.json']!) as CfnTemplate;
    expect(parsed).toEqual(t);
    const types = Object.values(t.Resources).map((r) => r.Type);
    expect(types.filter((x) => x === 'AWS::Events::EventBus')).toHaveLength(1);
    expect(types.filter((x) => x === 'AWS::Logs::LogGroup')).toHaveLength(5);
    expect(types.filter((x) => x === 'AWS::Events::Rule')).toHaveLength(5);
    expect(types.filter((x) => x === 'AWS::Logs::ResourcePolicy')).toHaveLength(1);
    expect(t.Resources.KitchenRule!.Properties).toMatchObject({
      Name: 'kitchen-consumes', EventBusName: { Ref: 'Bus' }, State: 'ENABLED',
      EventPattern: { source: ['food.payments'], 'detail-type': ['PaymentAuthorised'] },
      Targets: [{ Id: 'kitchen', Arn: { 'Fn::GetAtt': ['KitchenLogGroup', 'Arn'] } }],
    });
    // several producers: one branch per source, so a name sent by the wrong producer does not match
    expect(t.Resources.MenuCatalogueRule!.Properties.EventPattern).toEqual({
      $or: [{ source: ['food.kitchen'], 'detail-type': ['DishSoldOut', 'MenuPublished'] }, { source: ['food.orders'], 'detail-type': ['OrderRated'] }],
    });
    expect(t.Resources.DeliveryRule!.Properties.EventPattern).toEqual({ source: ['food.kitchen'], 'detail-type': ['OrderAccepted', 'OrderReady'] });
    expect(t.Resources.KitchenLogGroup!.Properties).toEqual({ LogGroupName: '/aws/events/food-delivery/kitchen', RetentionInDays: 7 });
    const policy = JSON.parse((t.Resources.EventsToLogsPolicy!.Properties.PolicyDocument as { 'Fn::Sub': string })['Fn::Sub']);
    expect(policy.Statement[0]).toMatchObject({ Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'delivery.logs.amazonaws.com'] }, Action: ['logs:CreateLogStream', 'logs:PutLogEvents'] });
    for (const r of Object.values(t.Resources).filter((x) => x.Type === 'AWS::Events::Rule')) expect(r.DependsOn).toEqual(['EventsToLogsPolicy']);
  });

  it('mends a bus name EventBridge would refuse', () => {
    const t2 = cloudFormationTemplate({ ...board, bus: { ...board.bus, name: 'my bus`<x>' } });
    expect(t2.Resources.Bus!.Properties.Name).toBe('my-bus-x-');
    expect(cloudFormationTemplate({ ...board, bus: { ...board.bus, name: '' } }).Resources.Bus!.Properties.Name).toBe('storming-bus');
  });

  it('routes every example event to exactly the log groups of the services that consume it, in our engine', async () => {
    const svc = new EventBridgeService({ region: 'eu-west-1' });
    loadIntoEngine(t, svc);
    const arch = deriveArchitecture(board);
    for (const e of arch.events) {
      const env = sampleEnvelope(e);
      const r = svc.putEvents({ Entries: [{ EventBusName: 'food-delivery', Source: env.source as string, DetailType: e.detailType, Detail: JSON.stringify(env.detail) }] });
      expect(r.FailedEntryCount).toBe(0);
    }
    await svc.whenIdle();
    for (const s of arch.services) {
      const got = svc.logs.filterLogEvents({ logGroupName: `/aws/events/food-delivery/${s.slug}` }).events.map((x) => JSON.parse(x.message)['detail-type'] as string);
      expect(got.sort(), s.slug).toEqual(s.consumes.map((e) => e.detailType).sort());
    }
    // an event from the wrong producer reaches no one
    svc.putEvents({ Entries: [{ EventBusName: 'food-delivery', Source: 'food.kitchen', DetailType: 'OrderPlaced', Detail: '{}' }] });
    await svc.whenIdle();
    expect(svc.logs.filterLogEvents({ logGroupName: '/aws/events/food-delivery/payments' }).events).toHaveLength(3);
  });
});
