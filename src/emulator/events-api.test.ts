// EventBridge additions through the real SDK: paging, tags, permissions, archives, replays, TestEventPattern, DeleteRule.
import {
  CancelReplayCommand, CreateArchiveCommand, CreateEventBusCommand, DeleteRuleCommand, DescribeArchiveCommand,
  DescribeEventBusCommand, ListEventBusesCommand, ListRuleNamesByTargetCommand, ListRulesCommand, ListTagsForResourceCommand,
  ListTargetsByRuleCommand, PutPermissionCommand, PutRuleCommand, PutTargetsCommand, RemovePermissionCommand,
  StartReplayCommand, TagResourceCommand, TestEventPatternCommand, UntagResourceCommand, UpdateArchiveCommand,
  type EventBridgeClient,
} from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './emulator.ts';
import { clientsFor } from './test-clients.ts';

let em: Emulator;
let events: EventBridgeClient;
beforeAll(async () => {
  em = await createEmulator({ port: 0 });
  events = clientsFor(em.url).events;
});
afterAll(async () => {
  await em?.close();
});

async function failure(p: Promise<unknown>): Promise<{ name: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message };
  }
  throw new Error('expected the call to fail');
}

/** Follows NextToken to the end, counting pages (bounded). */
async function allPages<T>(call: (token: string | undefined) => Promise<{ items: T[]; NextToken?: string }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const p = await call(token);
    items.push(...p.items);
    token = p.NextToken;
    pages++;
  } while (token !== undefined && pages < 100);
  return { items, pages };
}

describe('EventBridge list calls page with Limit and NextToken', () => {
  it('pages rules, targets, rule names by target and buses, at most 100 a page', async () => {
    await events.send(new CreateEventBusCommand({ Name: 'paged' }));
    for (let n = 0; n < 105; n++) {
      await events.send(new PutRuleCommand({ Name: `r${String(n).padStart(3, '0')}`, EventBusName: 'paged', EventPattern: '{"source":["s"]}' }));
    }
    const first = await events.send(new ListRulesCommand({ EventBusName: 'paged' }));
    expect(first.Rules).toHaveLength(100);
    expect(first.NextToken).toBeDefined();
    const paged = await allPages(async (t) => {
      const r = await events.send(new ListRulesCommand({ EventBusName: 'paged', Limit: 10, NextToken: t }));
      return { items: r.Rules ?? [], ...(r.NextToken ? { NextToken: r.NextToken } : {}) };
    });
    expect(paged.pages).toBe(11);
    expect(paged.items.map((r) => r.Name)).toEqual(Array.from({ length: 105 }, (_, n) => `r${String(n).padStart(3, '0')}`));
    expect((await failure(events.send(new ListRulesCommand({ EventBusName: 'paged', Limit: 101 })))).name).toBe('ValidationException');
    expect((await failure(events.send(new ListRulesCommand({ EventBusName: 'paged', NextToken: 'forged' })))).name).toBe('ValidationException');

    const arn = 'arn:aws:sqs:eu-west-1:123456789012:q';
    await events.send(new PutTargetsCommand({ Rule: 'r000', EventBusName: 'paged', Targets: Array.from({ length: 5 }, (_, k) => ({ Id: `t${k}`, Arn: arn })) }));
    await events.send(new PutTargetsCommand({ Rule: 'r001', EventBusName: 'paged', Targets: [{ Id: 't', Arn: arn }] }));
    const targets = await events.send(new ListTargetsByRuleCommand({ Rule: 'r000', EventBusName: 'paged', Limit: 2 }));
    expect(targets.Targets?.map((t) => t.Id)).toEqual(['t0', 't1']);
    const rest = await events.send(new ListTargetsByRuleCommand({ Rule: 'r000', EventBusName: 'paged', Limit: 5, NextToken: targets.NextToken }));
    expect(rest.Targets?.map((t) => t.Id)).toEqual(['t2', 't3', 't4']);
    expect(rest.NextToken).toBeUndefined();
    const names = await events.send(new ListRuleNamesByTargetCommand({ TargetArn: arn, EventBusName: 'paged', Limit: 1 }));
    expect(names.RuleNames).toEqual(['r000']);
    expect((await events.send(new ListRuleNamesByTargetCommand({ TargetArn: arn, EventBusName: 'paged', NextToken: names.NextToken }))).RuleNames).toEqual(['r001']);
    const buses = await events.send(new ListEventBusesCommand({ Limit: 1 }));
    expect(buses.EventBuses).toHaveLength(1);
    expect(buses.NextToken).toBeDefined();
  });
});

describe('EventBridge tags, permissions, DeleteRule and TestEventPattern', () => {
  it('stores tags given at creation and by TagResource, and removes them', async () => {
    const bus = await events.send(new CreateEventBusCommand({ Name: 'tagged', Tags: [{ Key: 'team', Value: 'orders' }] }));
    const rule = await events.send(new PutRuleCommand({ Name: 'tagged-rule', EventBusName: 'tagged', EventPattern: '{"source":["s"]}', Tags: [{ Key: 'a', Value: '1' }] }));
    expect((await events.send(new ListTagsForResourceCommand({ ResourceARN: bus.EventBusArn }))).Tags).toEqual([{ Key: 'team', Value: 'orders' }]);
    await events.send(new TagResourceCommand({ ResourceARN: rule.RuleArn, Tags: [{ Key: 'b', Value: '2' }, { Key: 'a', Value: '3' }] }));
    await events.send(new UntagResourceCommand({ ResourceARN: rule.RuleArn, TagKeys: ['b'] }));
    expect((await events.send(new ListTagsForResourceCommand({ ResourceARN: rule.RuleArn }))).Tags).toEqual([{ Key: 'a', Value: '3' }]);
    expect((await failure(events.send(new ListTagsForResourceCommand({ ResourceARN: 'arn:aws:events:eu-west-1:123456789012:rule/none' })))).name).toBe('ResourceNotFoundException');
  });

  it('stores PutPermission statements in the bus policy and removes them', async () => {
    await events.send(new CreateEventBusCommand({ Name: 'shared' }));
    await events.send(new PutPermissionCommand({ EventBusName: 'shared', Action: 'events:PutEvents', Principal: '111122223333', StatementId: 'partner' }));
    const policy = JSON.parse((await events.send(new DescribeEventBusCommand({ Name: 'shared' }))).Policy ?? '{}');
    expect(policy.Statement).toEqual([expect.objectContaining({ Sid: 'partner', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'events:PutEvents' })]);
    await events.send(new RemovePermissionCommand({ EventBusName: 'shared', StatementId: 'partner' }));
    expect((await events.send(new DescribeEventBusCommand({ Name: 'shared' }))).Policy).toBeUndefined();
    expect((await failure(events.send(new RemovePermissionCommand({ EventBusName: 'shared', StatementId: 'partner' })))).name).toBe('ResourceNotFoundException');
  });

  it('refuses to delete an ordinary rule that has targets, Force or not', async () => {
    await events.send(new PutRuleCommand({ Name: 'kept', EventPattern: '{"source":["s"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'kept', Targets: [{ Id: 't', Arn: 'arn:aws:sqs:eu-west-1:123456789012:q' }] }));
    const err = await failure(events.send(new DeleteRuleCommand({ Name: 'kept', Force: true })));
    expect(err).toEqual({ name: 'ValidationException', message: "Rule can't be deleted since it has targets." });
  });

  it('requires every field AWS marks mandatory in the test event, resources included', async () => {
    const event = { id: '1', account: '123456789012', source: 's', time: '2024-01-01T00:00:00Z', region: 'eu-west-1', resources: [], 'detail-type': 'd', detail: {} };
    expect((await events.send(new TestEventPatternCommand({ EventPattern: '{"source":["s"]}', Event: JSON.stringify(event) }))).Result).toBe(true);
    const { resources: _dropped, ...withoutResources } = event;
    expect((await failure(events.send(new TestEventPatternCommand({ EventPattern: '{"source":["s"]}', Event: JSON.stringify(withoutResources) })))).name).toBe('ValidationException');
  });
});

describe('archives and replays', () => {
  it('updates an archive and refuses to cancel a replay that has completed', async () => {
    const bus = await events.send(new CreateEventBusCommand({ Name: 'archived' }));
    await events.send(new CreateArchiveCommand({ ArchiveName: 'a1', EventSourceArn: bus.EventBusArn }));
    await events.send(new UpdateArchiveCommand({ ArchiveName: 'a1', Description: 'orders', RetentionDays: 7 }));
    expect(await events.send(new DescribeArchiveCommand({ ArchiveName: 'a1' }))).toMatchObject({ Description: 'orders', RetentionDays: 7 });
    expect((await failure(events.send(new UpdateArchiveCommand({ ArchiveName: 'a1', EventPattern: '{"source":' })))).name).toBe('InvalidEventPatternException');
    const archive = await events.send(new DescribeArchiveCommand({ ArchiveName: 'a1' }));
    await events.send(new StartReplayCommand({
      ReplayName: 'rp', EventSourceArn: archive.ArchiveArn, EventStartTime: new Date(0), EventEndTime: new Date(),
      Destination: { Arn: bus.EventBusArn },
    }));
    expect((await failure(events.send(new CancelReplayCommand({ ReplayName: 'rp' })))).name).toBe('IllegalStatusException');
    expect((await failure(events.send(new CancelReplayCommand({ ReplayName: 'none' })))).name).toBe('ResourceNotFoundException');
  });
});
