// CloudWatch Logs additions through the real SDK: paginators, retention on the emulator's clock,
// DeleteLogStream, tags, and filter patterns (JSON, space-delimited, and a clear error for the rest).
import {
  CreateLogGroupCommand, CreateLogStreamCommand, DeleteLogStreamCommand, DeleteRetentionPolicyCommand, DescribeLogGroupsCommand,
  FilterLogEventsCommand, ListTagsForResourceCommand, ListTagsLogGroupCommand, PutLogEventsCommand, PutRetentionPolicyCommand,
  TagResourceCommand, UntagResourceCommand, paginateDescribeLogGroups, paginateDescribeLogStreams, paginateFilterLogEvents,
  paginateGetLogEvents, type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../eventbridge/bus/index.ts';
import { createEmulator, type Emulator } from './emulator.ts';
import { clientsFor } from './test-clients.ts';

const DAY = 86_400_000;
let em: Emulator;
let logs: CloudWatchLogsClient;
const clock = new ManualClock(Date.UTC(2026, 0, 1));
beforeAll(async () => {
  em = await createEmulator({ port: 0, clock });
  logs = clientsFor(em.url).logs;
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

async function put(group: string, stream: string, messages: string[], timestamp = clock.now()): Promise<void> {
  await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: messages.map((message) => ({ timestamp, message })) }));
}

describe('paging through the SDK paginators', () => {
  it('pages log groups, streams and events', async () => {
    for (let n = 0; n < 55; n++) await logs.send(new CreateLogGroupCommand({ logGroupName: `/paged/${String(n).padStart(2, '0')}` }));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/paged/' }))).logGroups).toHaveLength(50);
    let groups = 0;
    let pages = 0;
    for await (const p of paginateDescribeLogGroups({ client: logs, pageSize: 20 }, { logGroupNamePrefix: '/paged/' })) {
      groups += p.logGroups?.length ?? 0;
      pages++;
    }
    expect({ groups, pages }).toEqual({ groups: 55, pages: 3 });

    for (let s = 0; s < 3; s++) await logs.send(new CreateLogStreamCommand({ logGroupName: '/paged/00', logStreamName: `s${s}` }));
    const streams: string[] = [];
    for await (const p of paginateDescribeLogStreams({ client: logs, pageSize: 2 }, { logGroupName: '/paged/00' })) streams.push(...(p.logStreams ?? []).map((s) => s.logStreamName ?? ''));
    expect(streams).toEqual(['s0', 's1', 's2']);

    await put('/paged/00', 's0', Array.from({ length: 25 }, (_, n) => `line ${n}`));
    const read: string[] = [];
    for await (const p of paginateGetLogEvents({ client: logs, pageSize: 10, stopOnSameToken: true }, { logGroupName: '/paged/00', logStreamName: 's0', startFromHead: true })) {
      read.push(...(p.events ?? []).map((e) => e.message ?? ''));
    }
    expect(read).toEqual(Array.from({ length: 25 }, (_, n) => `line ${n}`));
    const filtered: string[] = [];
    for await (const p of paginateFilterLogEvents({ client: logs, pageSize: 7 }, { logGroupName: '/paged/00', filterPattern: 'line' })) filtered.push(...(p.events ?? []).map((e) => e.message ?? ''));
    expect(filtered).toHaveLength(25);
    expect((await failure(logs.send(new DescribeLogGroupsCommand({ limit: 51 })))).name).toBe('InvalidParameterException');
  });
});

describe('retention, DeleteLogStream and tags', () => {
  it('drops events older than the retention period on the emulator clock', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/kept-a-week' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/kept-a-week', logStreamName: 's' }));
    await put('/kept-a-week', 's', ['old'], clock.now() - 10 * DAY);
    await put('/kept-a-week', 's', ['new']);
    expect((await failure(logs.send(new PutRetentionPolicyCommand({ logGroupName: '/kept-a-week', retentionInDays: 8 })))).name).toBe('InvalidParameterException');
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/kept-a-week', retentionInDays: 7 }));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/kept-a-week' }))).logGroups?.[0]?.retentionInDays).toBe(7);
    expect((await logs.send(new FilterLogEventsCommand({ logGroupName: '/kept-a-week' }))).events?.map((e) => e.message)).toEqual(['new']);
    await clock.advance(8 * DAY);
    expect((await logs.send(new FilterLogEventsCommand({ logGroupName: '/kept-a-week' }))).events).toEqual([]);
    await logs.send(new DeleteRetentionPolicyCommand({ logGroupName: '/kept-a-week' }));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/kept-a-week' }))).logGroups?.[0]?.retentionInDays).toBeUndefined();
  });

  it('deletes a log stream with its events', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/streams' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/streams', logStreamName: 'gone' }));
    await put('/streams', 'gone', ['x']);
    await logs.send(new DeleteLogStreamCommand({ logGroupName: '/streams', logStreamName: 'gone' }));
    expect((await logs.send(new FilterLogEventsCommand({ logGroupName: '/streams' }))).events).toEqual([]);
    expect((await failure(logs.send(new DeleteLogStreamCommand({ logGroupName: '/streams', logStreamName: 'gone' })))).name).toBe('ResourceNotFoundException');
  });

  it('tags a log group at creation, by ARN and by name', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/tagged', tags: { team: 'orders' } }));
    const arn = 'arn:aws:logs:eu-west-1:123456789012:log-group:/tagged';
    await logs.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'dev' } }));
    await logs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
    expect((await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags).toEqual({ env: 'dev' });
    expect((await logs.send(new ListTagsLogGroupCommand({ logGroupName: '/tagged' }))).tags).toEqual({ env: 'dev' });
  });
});

describe('filter patterns in FilterLogEvents', () => {
  const messages = [
    JSON.stringify({ detail: { total: 42, status: 'PAID', note: null } }),
    JSON.stringify({ detail: { total: 7, status: 'OPEN' } }),
    '127.0.0.1 frank GET /index.html 404 512',
    '10.0.0.2 alice POST /orders 200 2048',
  ];
  const find = async (filterPattern: string) =>
    ((await logs.send(new FilterLogEventsCommand({ logGroupName: '/patterns', filterPattern }))).events ?? []).map((e) => messages.indexOf(e.message ?? ''));

  it('matches JSON and space-delimited patterns as AWS documents them', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/patterns' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/patterns', logStreamName: 's' }));
    await put('/patterns', 's', messages);
    expect(await find('{ $.detail.total = 42 }')).toEqual([0]);
    expect(await find('{ $.detail.total > 5 && $.detail.status = "OPEN" }')).toEqual([1]);
    expect(await find('{ $.detail.total >= 42 || $.detail.status = OP* }')).toEqual([0, 1]);
    expect(await find('{ $.detail.note IS NULL }')).toEqual([0]);
    expect(await find('{ $.detail.note NOT EXISTS }')).toEqual([1]);
    expect(await find('{ $.detail.status != "PAID" }')).toEqual([1]);
    expect(await find('[ip, user, verb, path, status = 4*, bytes]')).toEqual([2]);
    expect(await find('[ip, user, ..., status >= 200 && status < 300, bytes > 1000]')).toEqual([3]);
    expect(await find('?frank ?alice')).toEqual([2, 3]);
  });

  it('names what it does not support instead of matching nothing', async () => {
    const err = await failure(logs.send(new FilterLogEventsCommand({ logGroupName: '/patterns', filterPattern: '%ERROR [0-9]+%' })));
    expect(err.name).toBe('InvalidParameterException');
    expect(err.message).toMatch(/regular expression/);
    const broken = await failure(logs.send(new FilterLogEventsCommand({ logGroupName: '/patterns', filterPattern: '{ $.detail.total = }' })));
    expect(broken.name).toBe('InvalidParameterException');
  });
});
