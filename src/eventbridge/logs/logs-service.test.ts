import { describe, expect, it } from 'vitest';
import { LogsService } from './logs-service.ts';
import { LogsError } from './logs-errors.ts';

const make = (): { logs: LogsService; tick: (ms: number) => void } => {
  let now = Date.parse('2025-01-01T00:00:00Z');
  return { logs: new LogsService({ now: () => now }), tick: (ms) => void (now += ms) };
};
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof LogsError) return `${e.code}: ${e.message}`;
    throw e;
  }
  throw new Error('did not throw');
};

describe('LogsService', () => {
  it('creates, describes and deletes log groups with AWS errors', () => {
    const { logs } = make();
    logs.createLogGroup({ logGroupName: '/aws/events/b' });
    logs.createLogGroup({ logGroupName: '/aws/events/a' });
    expect(logs.describeLogGroups({ logGroupNamePrefix: '/aws/events/' }).logGroups.map((g) => [g.logGroupName, g.arn])).toEqual([
      ['/aws/events/a', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/a:*'],
      ['/aws/events/b', 'arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/b:*'],
    ]);
    expect(codeOf(() => logs.createLogGroup({ logGroupName: '/aws/events/a' }))).toBe('ResourceAlreadyExistsException: The specified log group already exists');
    expect(codeOf(() => logs.createLogGroup({ logGroupName: 'bad name!' }))).toMatch(/^InvalidParameterException: 1 validation error detected/);
    logs.deleteLogGroup({ logGroupName: '/aws/events/a' });
    expect(codeOf(() => logs.deleteLogGroup({ logGroupName: '/aws/events/a' }))).toBe('ResourceNotFoundException: The specified log group does not exist.');
  });

  it('stores events per stream, in time order, and reads them back', () => {
    const { logs, tick } = make();
    logs.createLogGroup({ logGroupName: 'g' });
    logs.createLogStream({ logGroupName: 'g', logStreamName: 's' });
    expect(codeOf(() => logs.createLogStream({ logGroupName: 'g', logStreamName: 'a:b' }))).toMatch(/^InvalidParameterException/);
    expect(codeOf(() => logs.putLogEvents({ logGroupName: 'g', logStreamName: 'nope', logEvents: [{ timestamp: 1, message: 'x' }] }))).toBe(
      'ResourceNotFoundException: The specified log stream does not exist.',
    );
    logs.putLogEvents({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 20, message: 'second' }, { timestamp: 10, message: 'first' }] });
    tick(5);
    logs.putLogEvents({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 30, message: 'third' }] });
    const all = logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', startFromHead: true });
    expect(all.events.map((e) => e.message)).toEqual(['first', 'second', 'third']);
    expect(logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', limit: 1 }).events.map((e) => e.message)).toEqual(['third']);
    expect(logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', startTime: 15, endTime: 30 }).events.map((e) => e.message)).toEqual(['second']);
    const stream = logs.describeLogStreams({ logGroupName: 'g' }).logStreams[0]!;
    expect([stream.firstEventTimestamp, stream.lastEventTimestamp]).toEqual([10, 30]);
  });

  it('filters events across streams', () => {
    const { logs } = make();
    logs.createLogGroup({ logGroupName: 'g' });
    logs.appendMessage('g', 'one', 'ERROR disk full', 1);
    logs.appendMessage('g', 'two', 'INFO all good', 2);
    logs.appendMessage('g', 'two', 'ERROR "quoted phrase" here', 3);
    expect(logs.filterLogEvents({ logGroupName: 'g', filterPattern: 'ERROR' }).events.map((e) => e.logStreamName)).toEqual(['one', 'two']);
    expect(logs.filterLogEvents({ logGroupName: 'g', filterPattern: 'ERROR -disk' }).events.map((e) => e.timestamp)).toEqual([3]);
    expect(logs.filterLogEvents({ logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:g', logStreamNames: ['one'] }).events).toHaveLength(1);
  });

  it('keeps resource policies', () => {
    const { logs } = make();
    expect(codeOf(() => logs.putResourcePolicy({ policyName: 'p', policyDocument: '{' }))).toMatch(/not valid JSON/);
    logs.putResourcePolicy({ policyName: 'p', policyDocument: '{"Version":"2012-10-17"}' });
    expect(logs.describeResourcePolicies().resourcePolicies.map((p) => p.policyName)).toEqual(['p']);
    logs.deleteResourcePolicy({ policyName: 'p' });
    expect(codeOf(() => logs.deleteResourcePolicy({ policyName: 'p' }))).toMatch(/^ResourceNotFoundException/);
  });
});

describe('paging', () => {
  it('pages getLogEvents forward and backward with position tokens', () => {
    const { logs } = make();
    logs.createLogGroup({ logGroupName: 'g' });
    for (let n = 1; n <= 5; n++) logs.appendMessage('g', 's', `m${n}`, n);
    const first = logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', startFromHead: true, limit: 2 });
    expect(first.events.map((e) => e.message)).toEqual(['m1', 'm2']);
    const second = logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', limit: 2, nextToken: first.nextForwardToken });
    expect(second.events.map((e) => e.message)).toEqual(['m3', 'm4']);
    const back = logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', limit: 2, nextToken: second.nextBackwardToken });
    expect(back.events.map((e) => e.message)).toEqual(['m1', 'm2']);
    const end = logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', limit: 10, nextToken: 'f/5' });
    expect([end.events, end.nextForwardToken]).toEqual([[], 'f/5']);
  });
  it('pages filterLogEvents with nextToken', () => {
    const { logs } = make();
    logs.createLogGroup({ logGroupName: 'g' });
    for (let n = 1; n <= 3; n++) logs.appendMessage('g', 's', `m${n}`, n);
    const a = logs.filterLogEvents({ logGroupName: 'g', limit: 2 });
    expect(a.events.map((e) => e.message)).toEqual(['m1', 'm2']);
    const b = logs.filterLogEvents({ logGroupName: 'g', limit: 2, nextToken: a.nextToken! });
    expect([b.events.map((e) => e.message), b.nextToken]).toEqual([['m3'], undefined]);
  });
  it('keeps out-of-order appends sorted by time', () => {
    const { logs } = make();
    logs.createLogGroup({ logGroupName: 'g' });
    for (const t of [5, 1, 3, 3, 9, 0]) logs.appendMessage('g', 's', `t${t}`, t);
    expect(logs.getLogEvents({ logGroupName: 'g', logStreamName: 's', startFromHead: true }).events.map((e) => e.timestamp)).toEqual([0, 1, 3, 3, 5, 9]);
  });
});
