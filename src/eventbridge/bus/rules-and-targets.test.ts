import { describe, expect, it } from 'vitest';
import { errorOf, setup } from './test-support.ts';
import { EventBridgeService } from './event-bridge-service.ts';

const pattern = '{"source":["shop.orders"]}';

describe('event buses', () => {
  it('has a default bus and creates, lists, describes and deletes custom ones', () => {
    const { svc } = setup();
    expect(svc.describeEventBus({}).Arn).toBe('arn:aws:events:us-east-1:123456789012:event-bus/default');
    expect(svc.createEventBus({ Name: 'orders', Description: 'd' })).toEqual({
      EventBusArn: 'arn:aws:events:us-east-1:123456789012:event-bus/orders',
      Description: 'd',
    });
    expect(svc.listEventBuses().EventBuses.map((b) => b.Name)).toEqual(['default', 'orders']);
    expect(svc.listEventBuses({ NamePrefix: 'or' }).EventBuses.map((b) => b.Name)).toEqual(['orders']);
    expect(svc.describeEventBus({ Name: 'arn:aws:events:us-east-1:123456789012:event-bus/orders' }).Description).toBe('d');
    svc.deleteEventBus({ Name: 'orders' });
    expect(errorOf(() => svc.describeEventBus({ Name: 'orders' }))).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'Event bus orders does not exist.',
    });
  });

  it('validates bus names and refuses duplicates and deleting default', () => {
    const { svc } = setup();
    expect(errorOf(() => svc.createEventBus({ Name: 'default' }))).toMatchObject({ code: 'ResourceAlreadyExistsException', message: 'Event bus default already exists.' });
    expect(errorOf(() => svc.createEventBus({ Name: 'bad name' })).message).toMatch(/Value 'bad name' at 'name' failed to satisfy constraint/);
    expect(errorOf(() => svc.createEventBus({ Name: 'a/b' })).message).toBe("Event bus name must not contain '/'.");
    expect(errorOf(() => svc.createEventBus({ Name: 'x'.repeat(257) })).message).toMatch(/less than or equal to 256/);
    expect(errorOf(() => svc.deleteEventBus({ Name: 'default' }))).toMatchObject({ code: 'ValidationException', message: 'Cannot delete event bus default.' });
  });
});

describe('PutRule validation', () => {
  it('checks the name', () => {
    const { svc } = setup();
    expect(errorOf(() => svc.putRule({ Name: 'has space', EventPattern: pattern })).message).toBe(
      "1 validation error detected: Value 'has space' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    );
    expect(errorOf(() => svc.putRule({ Name: 'x'.repeat(65), EventPattern: pattern })).message).toMatch(/Member must have length less than or equal to 64/);
    expect(svc.putRule({ Name: 'x'.repeat(64), EventPattern: pattern }).RuleArn).toMatch(/rule\/x{64}$/);
    expect(svc.putRule({ Name: 'a.b-c_D9', EventPattern: pattern }).RuleArn).toBe('arn:aws:events:us-east-1:123456789012:rule/a.b-c_D9');
  });
  it('checks State, pattern/schedule presence and the pattern itself', () => {
    const { svc } = setup();
    expect(errorOf(() => svc.putRule({ Name: 'r', EventPattern: pattern, State: 'ON' as never })).message).toMatch(/at 'state' failed to satisfy constraint: Member must satisfy enum value set/);
    expect(errorOf(() => svc.putRule({ Name: 'r' }))).toMatchObject({ code: 'ValidationException', message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.' });
    const bad = errorOf(() => svc.putRule({ Name: 'r', EventPattern: '{"source":"shop"}' }));
    expect(bad.code).toBe('InvalidEventPatternException');
    expect(bad.message).toMatch(/^Event pattern is not valid. Reason: /);
    expect(errorOf(() => svc.putRule({ Name: 'r', EventPattern: 'not json' })).code).toBe('InvalidEventPatternException');
  });
  it('checks the schedule and allows schedules only on the default bus', () => {
    const { svc } = setup();
    expect(errorOf(() => svc.putRule({ Name: 'r', ScheduleExpression: 'rate(1 minutes)' })).message).toBe('Parameter ScheduleExpression is not valid.');
    svc.createEventBus({ Name: 'custom' });
    expect(errorOf(() => svc.putRule({ Name: 'r', EventBusName: 'custom', ScheduleExpression: 'rate(5 minutes)' })).message).toBe(
      'ScheduleExpression is supported only on the default event bus.',
    );
    expect(svc.putRule({ Name: 'r', ScheduleExpression: 'cron(0 12 * * ? *)' }).RuleArn).toMatch(/rule\/r$/);
  });
  it('needs the bus to exist and gives custom-bus rules a bus segment in their ARN', () => {
    const { svc } = setup();
    expect(errorOf(() => svc.putRule({ Name: 'r', EventBusName: 'nope', EventPattern: pattern })).message).toBe('Event bus nope does not exist.');
    svc.createEventBus({ Name: 'orders' });
    expect(svc.putRule({ Name: 'r', EventBusName: 'orders', EventPattern: pattern }).RuleArn).toBe('arn:aws:events:us-east-1:123456789012:rule/orders/r');
  });
});

describe('rule lifecycle', () => {
  it('describes, lists, enables, disables and deletes rules', () => {
    const { svc } = setup();
    svc.putRule({ Name: 'b', EventPattern: pattern, Description: 'second' });
    svc.putRule({ Name: 'a', EventPattern: pattern, State: 'DISABLED' });
    expect(svc.describeRule({ Name: 'b' })).toEqual({
      Name: 'b',
      Arn: 'arn:aws:events:us-east-1:123456789012:rule/b',
      EventPattern: pattern,
      State: 'ENABLED',
      Description: 'second',
      EventBusName: 'default',
    });
    expect(svc.listRules({}).Rules.map((r) => `${r.Name}:${r.State}`)).toEqual(['a:DISABLED', 'b:ENABLED']);
    svc.enableRule({ Name: 'a' });
    svc.disableRule({ Name: 'b' });
    expect(svc.listRules({ NamePrefix: 'a' }).Rules.map((r) => r.State)).toEqual(['ENABLED']);
    expect(svc.describeRule({ Name: 'b' }).State).toBe('DISABLED');
    expect(errorOf(() => svc.describeRule({ Name: 'zz' }))).toMatchObject({ code: 'ResourceNotFoundException', message: 'Rule zz does not exist on EventBus default.' });
    svc.putTargets({ Rule: 'a', Targets: [{ Id: 't', Arn: svc.functionArn('f') }] });
    expect(errorOf(() => svc.deleteRule({ Name: 'a' }))).toMatchObject({ code: 'ValidationException', message: "Rule can't be deleted since it has targets." });
    // Force applies only to rules an AWS service manages: an ordinary rule keeps its targets.
    expect(errorOf(() => svc.deleteRule({ Name: 'a', Force: true }))).toMatchObject({ code: 'ValidationException' });
    svc.removeTargets({ Rule: 'a', Ids: ['t'] });
    svc.deleteRule({ Name: 'a' });
    svc.deleteRule({ Name: 'b' });
    svc.deleteRule({ Name: 'never-existed' });
    expect(svc.listRules({}).Rules).toEqual([]);
  });
  it('keeps targets when a rule is updated', () => {
    const { svc } = setup();
    svc.putRule({ Name: 'r', EventPattern: pattern });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 't', Arn: svc.functionArn('f') }] });
    svc.putRule({ Name: 'r', EventPattern: '{"source":["other"]}' });
    expect(svc.listTargetsByRule({ Rule: 'r' }).Targets.map((t) => t.Id)).toEqual(['t']);
    expect(svc.listRuleNamesByTarget({ TargetArn: svc.functionArn('f') }).RuleNames).toEqual(['r']);
  });
});

describe('PutTargets validation', () => {
  const fn = 'arn:aws:lambda:us-east-1:123456789012:function:f';
  const withRule = () => {
    const s = setup();
    s.svc.putRule({ Name: 'r', EventPattern: pattern });
    return s;
  };
  it('allows at most 5 targets per rule', () => {
    const { svc } = withRule();
    svc.putTargets({ Rule: 'r', Targets: [1, 2, 3, 4, 5].map((n) => ({ Id: `t${n}`, Arn: fn })) });
    // Replacing an existing Id does not add a target.
    expect(svc.putTargets({ Rule: 'r', Targets: [{ Id: 't5', Arn: fn, Input: '{}' }] }).FailedEntryCount).toBe(0);
    const err = errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 't6', Arn: fn }] }));
    expect(err).toMatchObject({ code: 'LimitExceededException', message: 'The requested resource exceeds the maximum number allowed.' });
    expect(svc.listTargetsByRule({ Rule: 'r' }).Targets).toHaveLength(5);
    expect(svc.listTargetsByRule({ Rule: 'r' }).Targets[4]).toEqual({ Id: 't5', Arn: fn, Input: '{}' });
  });
  it('checks Ids, ARNs and the number of targets per request', () => {
    const { svc } = withRule();
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'bad id', Arn: fn }] })).message).toBe(
      "1 validation error detected: Value 'bad id' at 'targets.1.member.id' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+",
    );
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'x'.repeat(65), Arn: fn }] })).message).toMatch(/less than or equal to 64/);
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: 'lambda-f' }] })).message).toMatch(/Provided Arn is not in correct format/);
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [] })).message).toMatch(/greater than or equal to 1/);
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: Array.from({ length: 11 }, (_, n) => ({ Id: `t${n}`, Arn: fn })) })).message).toMatch(
      /less than or equal to 10/,
    );
    expect(errorOf(() => svc.putTargets({ Rule: 'nope', Targets: [{ Id: 'a', Arn: fn }] })).code).toBe('ResourceNotFoundException');
  });
  it('checks input settings, retry policy and dead-letter queue', () => {
    const { svc } = withRule();
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn, Input: '{}', InputPath: '$.detail' }] })).message).toBe(
      'Only one of Input, InputPath, or InputTransformer must be provided for target a.',
    );
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn, InputPath: 'detail' }] })).message).toMatch(/InputPath must start with "\$"/);
    expect(
      errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn, InputTransformer: { InputPathsMap: { x: '$.x' }, InputTemplate: '{"a": <x>,}' } }] })).message,
    ).toMatch(/not valid JSON/);
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn, RetryPolicy: { MaximumRetryAttempts: 186 } }] })).message).toMatch(/0 to 185/);
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn, RetryPolicy: { MaximumEventAgeInSeconds: 59 } }] })).message).toMatch(/60 to 86400/);
    expect(errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn, DeadLetterConfig: { Arn: fn } }] })).message).toMatch(/SQS queue/);
  });
  it('removes targets', () => {
    const { svc } = withRule();
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'a', Arn: fn }, { Id: 'b', Arn: fn }] });
    expect(svc.removeTargets({ Rule: 'r', Ids: ['a', 'zzz'] })).toEqual({ FailedEntryCount: 0, FailedEntries: [] });
    expect(svc.listTargetsByRule({ Rule: 'r' }).Targets.map((t) => t.Id)).toEqual(['b']);
  });
});

describe('TestEventPattern', () => {
  const event = JSON.stringify({ id: '1', account: '1', source: 'shop.orders', time: '2025-01-01T00:00:00Z', region: 'r', 'detail-type': 'x', resources: [], detail: {} });
  it('matches like rules do', () => {
    const { svc } = setup();
    expect(svc.testEventPattern({ EventPattern: pattern, Event: event })).toEqual({ Result: true });
    expect(svc.testEventPattern({ EventPattern: '{"source":["other"]}', Event: event })).toEqual({ Result: false });
  });
  it('rejects events missing envelope fields and invalid patterns', () => {
    const { svc } = setup();
    expect(errorOf(() => svc.testEventPattern({ EventPattern: pattern, Event: '{"source":"x"}' })).message).toBe('Parameter Event is not valid.');
    expect(errorOf(() => svc.testEventPattern({ EventPattern: '[]', Event: event })).code).toBe('InvalidEventPatternException');
  });
});

describe('input transformer at PutTargets and delivery, as AWS does it', () => {
  it('refuses an undefined placeholder in a string template with AWS\'s message', () => {
    const svc = new EventBridgeService();
    svc.putRule({ Name: 'r', EventPattern: '{"source":["s"]}' });
    const err = errorOf(() => svc.putTargets({ Rule: 'r', Targets: [{ Id: 'fmt', Arn: svc.functionArn('f'), InputTransformer: { InputPathsMap: { a: '$.detail.a' }, InputTemplate: 'a is <a>, b is <b>' } }] }));
    expect(err).toMatchObject({ code: 'ValidationException', message: 'InputTemplate for target fmt contains invalid placeholder name.' });
  });

  it('accepts an object placeholder inside a quoted string, then records the event as not delivered', async () => {
    const svc = new EventBridgeService();
    const got: unknown[] = [];
    svc.registerFunction('f', (e) => void got.push(e));
    svc.putRule({ Name: 'r', EventPattern: '{"source":["s"]}' });
    svc.putTargets({ Rule: 'r', Targets: [{ Id: 'fn', Arn: svc.functionArn('f'), InputTransformer: { InputPathsMap: { d: '$.detail' }, InputTemplate: '{"text": "detail is <d>"}' } }] });
    svc.putEvents({ Entries: [{ Source: 's', DetailType: 't', Detail: '{"a":1}' }] });
    await svc.whenIdle();
    expect(got).toEqual([]);
    expect(svc.trace.ofKind('delivery.failed').map((t) => t.targetId)).toEqual(['fn']);
  });
});
