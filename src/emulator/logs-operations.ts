// The CloudWatch Logs operations the emulator serves (AWS JSON 1.1, X-Amz-Target "Logs_20140328.<Name>"),
// each with its input shape as AWS's service model declares it. Unknown members are dropped at decoding.
import { z } from 'zod';
import type { LogsService } from '../eventbridge/logs/index.ts';
import { row, type OperationTable } from './operation-table.ts';

const r = row<LogsService>();
const str = z.string();
const opt = <T extends z.ZodType>(t: T) => t.optional();
const int = z.number().int();
const tags = z.record(z.string(), str);
const paging = { nextToken: opt(str), limit: opt(int) };
const group = z.object({ logGroupName: str });
const stream = z.object({ logGroupName: str, logStreamName: str });

export const LOGS_OPERATIONS = {
  CreateLogGroup: r({
    input: z.object({ logGroupName: str, kmsKeyId: opt(str), tags: opt(tags), logGroupClass: opt(str) }),
    run: (s, i) => s.createLogGroup(i),
    persist: true,
  }),
  DeleteLogGroup: r({ input: group, run: (s, i) => s.deleteLogGroup(i), persist: true }),
  DescribeLogGroups: r({
    input: z.object({ logGroupNamePrefix: opt(str), logGroupNamePattern: opt(str), includeLinkedAccounts: opt(z.boolean()), logGroupClass: opt(str), ...paging }),
    run: (s, i) => s.describeLogGroups(i),
    persist: false,
  }),
  PutRetentionPolicy: r({ input: z.object({ logGroupName: str, retentionInDays: int }), run: (s, i) => s.putRetentionPolicy(i), persist: true }),
  DeleteRetentionPolicy: r({ input: group, run: (s, i) => s.deleteRetentionPolicy(i), persist: true }),
  CreateLogStream: r({ input: stream, run: (s, i) => s.createLogStream(i), persist: true }),
  DeleteLogStream: r({ input: stream, run: (s, i) => s.deleteLogStream(i), persist: true }),
  DescribeLogStreams: r({
    input: z.object({
      logGroupName: str, logGroupIdentifier: opt(str), logStreamNamePrefix: opt(str),
      orderBy: opt(z.enum(['LogStreamName', 'LastEventTime'])), descending: opt(z.boolean()), ...paging,
    }),
    run: (s, i) => s.describeLogStreams(i),
    persist: false,
  }),
  PutLogEvents: r({
    input: z.object({ logGroupName: str, logStreamName: str, logEvents: z.array(z.object({ timestamp: int, message: str })), sequenceToken: opt(str) }),
    run: (s, i) => s.putLogEvents(i),
    // Log content is journaled event by event as it is stored (LogsService.onAppend), for deliveries too.
    persist: false,
  }),
  GetLogEvents: r({
    input: z.object({
      logGroupName: opt(str), logGroupIdentifier: opt(str), logStreamName: str, startTime: opt(int), endTime: opt(int),
      startFromHead: opt(z.boolean()), unmask: opt(z.boolean()), ...paging,
    }),
    run: (s, i) => s.getLogEvents(i),
    persist: false,
  }),
  FilterLogEvents: r({
    input: z.object({
      logGroupName: opt(str), logGroupIdentifier: opt(str), logStreamNames: opt(z.array(str)), logStreamNamePrefix: opt(str),
      startTime: opt(int), endTime: opt(int), filterPattern: opt(str), interleaved: opt(z.boolean()), unmask: opt(z.boolean()), ...paging,
    }),
    run: (s, i) => s.filterLogEvents(i),
    persist: false,
  }),
  PutResourcePolicy: r({
    input: z.object({ policyName: str, policyDocument: str }),
    run: (s, i) => s.putResourcePolicy(i),
    persist: true,
  }),
  DescribeResourcePolicies: r({ input: z.object(paging), run: (s, i) => s.describeResourcePolicies(i), persist: false }),
  DeleteResourcePolicy: r({ input: z.object({ policyName: str }), run: (s, i) => s.deleteResourcePolicy(i), persist: true }),
  TagResource: r({ input: z.object({ resourceArn: str, tags }), run: (s, i) => s.tagResource(i), persist: true }),
  UntagResource: r({ input: z.object({ resourceArn: str, tagKeys: z.array(str) }), run: (s, i) => s.untagResource(i), persist: true }),
  ListTagsForResource: r({ input: z.object({ resourceArn: str }), run: (s, i) => s.listTagsForResource(i), persist: false }),
  TagLogGroup: r({ input: z.object({ logGroupName: str, tags }), run: (s, i) => s.tagLogGroup(i), persist: true }),
  UntagLogGroup: r({ input: z.object({ logGroupName: str, tags: z.array(str) }), run: (s, i) => s.untagLogGroup(i), persist: true }),
  ListTagsLogGroup: r({ input: group, run: (s, i) => s.listTagsLogGroup(i), persist: false }),
} satisfies OperationTable<LogsService>;
