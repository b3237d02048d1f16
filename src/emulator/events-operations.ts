// The EventBridge operations the emulator serves (AWS JSON 1.1, X-Amz-Target "AWSEvents.<Name>"), each
// with its input shape as AWS's service model declares it (required members, types, timestamps as epoch
// seconds). Unknown members are dropped at decoding.
import { z } from 'zod';
import type { EventBridgeService } from '../eventbridge/bus/index.ts';
import { row, type OperationTable } from './operation-table.ts';

const r = row<EventBridgeService>();
const str = z.string();
const opt = <T extends z.ZodType>(t: T) => t.optional();
const int = z.number().int();
/** JSON 1.1 timestamps: epoch seconds (fractions allowed). */
const timestamp = z.number().transform((s) => new Date(s * 1000));
const tags = z.array(z.object({ Key: str, Value: str }));
const paging = { NextToken: opt(str), Limit: opt(int) };
const busName = { EventBusName: opt(str) };
/** Target parameters the emulator stores and returns but does not act on. */
const opaque = opt(z.record(z.string(), z.json()));

const target = z.object({
  Id: str,
  Arn: str,
  RoleArn: opt(str),
  Input: opt(str),
  InputPath: opt(str),
  InputTransformer: opt(z.object({ InputPathsMap: opt(z.record(z.string(), str)), InputTemplate: str })),
  KinesisParameters: opt(z.object({ PartitionKeyPath: str })),
  SqsParameters: opt(z.object({ MessageGroupId: opt(str) })),
  HttpParameters: opt(z.object({
    PathParameterValues: opt(z.array(str)),
    HeaderParameters: opt(z.record(z.string(), str)),
    QueryStringParameters: opt(z.record(z.string(), str)),
  })),
  RunCommandParameters: opaque,
  EcsParameters: opaque,
  BatchParameters: opaque,
  RedshiftDataParameters: opaque,
  SageMakerPipelineParameters: opaque,
  AppSyncParameters: opaque,
  DeadLetterConfig: opt(z.object({ Arn: opt(str) })),
  RetryPolicy: opt(z.object({ MaximumRetryAttempts: opt(int), MaximumEventAgeInSeconds: opt(int) })),
});

const entry = z.object({
  Time: opt(timestamp),
  Source: opt(str),
  Resources: opt(z.array(str)),
  DetailType: opt(str),
  Detail: opt(str),
  EventBusName: opt(str),
  TraceHeader: opt(str),
});

const ruleRef = z.object({ Name: str, ...busName });

/** PutEvents' input: also what a lab's functions send to the lab's bus (src/labs/lab-wire.ts). */
export const PUT_EVENTS_INPUT = z.object({ Entries: z.array(entry), EndpointId: opt(str) });

export const EVENTS_OPERATIONS = {
  CreateEventBus: r({
    input: z.object({ Name: str, EventSourceName: opt(str), Description: opt(str), KmsKeyIdentifier: opt(str), Tags: opt(tags) }),
    run: (s, i) => s.createEventBus(i),
    persist: true,
  }),
  DeleteEventBus: r({ input: z.object({ Name: str }), run: (s, i) => s.deleteEventBus(i), persist: true }),
  DescribeEventBus: r({ input: z.object({ Name: opt(str) }), run: (s, i) => s.describeEventBus(i), persist: false }),
  ListEventBuses: r({ input: z.object({ NamePrefix: opt(str), ...paging }), run: (s, i) => s.listEventBuses(i), persist: false }),
  PutPermission: r({
    input: z.object({
      ...busName, Action: opt(str), Principal: opt(str), StatementId: opt(str),
      Condition: opt(z.object({ Type: str, Key: str, Value: str })), Policy: opt(str),
    }),
    run: (s, i) => s.putPermission(i),
    persist: true,
  }),
  RemovePermission: r({
    input: z.object({ StatementId: opt(str), RemoveAllPermissions: opt(z.boolean()), ...busName }),
    run: (s, i) => s.removePermission(i),
    persist: true,
  }),
  PutRule: r({
    input: z.object({
      Name: str, ScheduleExpression: opt(str), EventPattern: opt(str), State: opt(z.enum(['ENABLED', 'DISABLED'])),
      Description: opt(str), RoleArn: opt(str), Tags: opt(tags), ...busName,
    }),
    run: (s, i) => s.putRule(i),
    persist: true,
  }),
  DescribeRule: r({ input: ruleRef, run: (s, i) => s.describeRule(i), persist: false }),
  ListRules: r({ input: z.object({ NamePrefix: opt(str), ...busName, ...paging }), run: (s, i) => s.listRules(i), persist: false }),
  EnableRule: r({ input: ruleRef, run: (s, i) => s.enableRule(i), persist: true }),
  DisableRule: r({ input: ruleRef, run: (s, i) => s.disableRule(i), persist: true }),
  DeleteRule: r({ input: z.object({ Name: str, ...busName, Force: opt(z.boolean()) }), run: (s, i) => s.deleteRule(i), persist: true }),
  PutTargets: r({ input: z.object({ Rule: str, ...busName, Targets: z.array(target) }), run: (s, i) => s.putTargets(i), persist: true }),
  RemoveTargets: r({
    input: z.object({ Rule: str, ...busName, Ids: z.array(str), Force: opt(z.boolean()) }),
    run: (s, i) => s.removeTargets(i),
    persist: true,
  }),
  ListTargetsByRule: r({ input: z.object({ Rule: str, ...busName, ...paging }), run: (s, i) => s.listTargetsByRule(i), persist: false }),
  ListRuleNamesByTarget: r({ input: z.object({ TargetArn: str, ...busName, ...paging }), run: (s, i) => s.listRuleNamesByTarget(i), persist: false }),
  PutEvents: r({ input: PUT_EVENTS_INPUT, run: (s, i) => s.putEvents(i), persist: false, waits: true }),
  TestEventPattern: r({ input: z.object({ EventPattern: str, Event: str }), run: (s, i) => s.testEventPattern(i), persist: false }),
  TagResource: r({ input: z.object({ ResourceARN: str, Tags: tags }), run: (s, i) => s.tagResource(i), persist: true }),
  UntagResource: r({ input: z.object({ ResourceARN: str, TagKeys: z.array(str) }), run: (s, i) => s.untagResource(i), persist: true }),
  ListTagsForResource: r({ input: z.object({ ResourceARN: str }), run: (s, i) => s.listTagsForResource(i), persist: false }),
  CreateArchive: r({
    input: z.object({ ArchiveName: str, EventSourceArn: str, Description: opt(str), EventPattern: opt(str), RetentionDays: opt(int), KmsKeyIdentifier: opt(str) }),
    run: (s, i) => s.createArchive(i),
    persist: true,
  }),
  UpdateArchive: r({
    input: z.object({ ArchiveName: str, Description: opt(str), EventPattern: opt(str), RetentionDays: opt(int), KmsKeyIdentifier: opt(str) }),
    run: (s, i) => s.updateArchive(i),
    persist: true,
  }),
  DescribeArchive: r({ input: z.object({ ArchiveName: str }), run: (s, i) => s.describeArchive(i), persist: false }),
  ListArchives: r({
    input: z.object({ NamePrefix: opt(str), EventSourceArn: opt(str), State: opt(str), ...paging }),
    run: (s, i) => s.listArchives(i),
    persist: false,
  }),
  DeleteArchive: r({ input: z.object({ ArchiveName: str }), run: (s, i) => s.deleteArchive(i), persist: true }),
  StartReplay: r({
    input: z.object({
      ReplayName: str, Description: opt(str), EventSourceArn: str, EventStartTime: timestamp, EventEndTime: timestamp,
      Destination: z.object({ Arn: str, FilterArns: opt(z.array(str)) }),
    }),
    run: (s, i) => s.startReplay(i),
    persist: false,
    waits: true,
  }),
  CancelReplay: r({ input: z.object({ ReplayName: str }), run: (s, i) => s.cancelReplay(i), persist: false }),
  DescribeReplay: r({ input: z.object({ ReplayName: str }), run: (s, i) => s.describeReplay(i), persist: false }),
  ListReplays: r({
    input: z.object({ NamePrefix: opt(str), State: opt(str), EventSourceArn: opt(str), ...paging }),
    run: (s, i) => s.listReplays(i),
    persist: false,
  }),
} satisfies OperationTable<EventBridgeService>;
