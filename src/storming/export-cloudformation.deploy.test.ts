// The storming board's CloudFormation export deployed as a learner would: to `npm run emulator`'s CloudFormation,
// with the real SDK clients. Its rules must route the example events to the consuming services' log groups, and
// deleting the stack must leave nothing behind.
import {
  CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, waitUntilStackCreateComplete,
  waitUntilStackDeleteComplete,
} from '@aws-sdk/client-cloudformation';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { EventBridgeClient, ListEventBusesCommand, ListRulesCommand, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../emulator/emulator.ts';
import { DUMMY_CREDENTIALS } from '../emulator/test-clients.ts';
import { deriveArchitecture } from './architecture.ts';
import { exampleBoard } from './example-board.ts';
import { exportCloudFormation } from './export-cloudformation.ts';
import { sampleEnvelope } from './sample-events.ts';

let emulator: Emulator;
let config: { endpoint: string; region: string; credentials: typeof DUMMY_CREDENTIALS };
beforeAll(async () => {
  emulator = await createEmulator({ port: 0 });
  config = { endpoint: emulator.url, region: 'eu-west-1', credentials: DUMMY_CREDENTIALS };
});
afterAll(() => emulator.close());

describe('the storming CloudFormation export on the emulator', () => {
  it('deploys, routes every example event to exactly its consumers, and deletes to nothing', async () => {
    const board = exampleBoard();
    const arch = deriveArchitecture(board);
    const cfn = new CloudFormationClient(config);
    const events = new EventBridgeClient(config);
    const logs = new CloudWatchLogsClient(config);
    const StackName = 'storming-food-delivery';
    await cfn.send(new CreateStackCommand({ StackName, TemplateBody: exportCloudFormation(board)['template.json'] }));
    await waitUntilStackCreateComplete({ client: cfn, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StackName });
    const stack = (await cfn.send(new DescribeStacksCommand({ StackName }))).Stacks?.[0];
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');

    for (const e of arch.events) {
      const env = sampleEnvelope(e);
      const put = await events.send(new PutEventsCommand({
        Entries: [{ EventBusName: arch.busName, Source: env.source as string, DetailType: e.detailType, Detail: JSON.stringify(env.detail) }],
      }));
      expect(put.FailedEntryCount).toBe(0);
    }
    // The wrong producer of a name another service publishes reaches no one.
    await events.send(new PutEventsCommand({ Entries: [{ EventBusName: arch.busName, Source: 'food.kitchen', DetailType: 'OrderPlaced', Detail: '{}' }] }));

    for (const s of arch.services) {
      const got = await logs.send(new FilterLogEventsCommand({ logGroupName: `/aws/events/${arch.busName}/${s.slug}` }));
      const detailTypes = (got.events ?? []).map((x) => JSON.parse(x.message ?? '{}')['detail-type'] as string);
      expect(detailTypes.sort(), s.slug).toEqual(s.consumes.map((e) => e.detailType).sort());
    }

    await cfn.send(new DeleteStackCommand({ StackName }));
    await waitUntilStackDeleteComplete({ client: cfn, maxWaitTime: 60, minDelay: 1, maxDelay: 1 }, { StackName });
    const buses = (await events.send(new ListEventBusesCommand({}))).EventBuses ?? [];
    expect(buses.map((b) => b.Name)).not.toContain(arch.busName);
    const rules = (await events.send(new ListRulesCommand({}))).Rules ?? [];
    expect(rules.filter((r) => r.Name?.endsWith('-consumes'))).toEqual([]);
    const groups = (await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/events/${arch.busName}/` }))).logGroups ?? [];
    expect(groups).toEqual([]);
  }, 120_000);
});
