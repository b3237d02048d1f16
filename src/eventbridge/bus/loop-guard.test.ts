import { describe, expect, it } from 'vitest';
import { entry, setup } from './test-support.ts';
import { describeChain, repeatingCycle } from './loop-guard.ts';

const placed = '{"detail-type":["OrderPlaced"]}';

describe('loop detection (Lambda pinball)', () => {
  it('stops an async handler that re-publishes the event that triggers it', async () => {
    const { svc } = setup();
    let calls = 0;
    svc.registerFunction('X', async (e, ctx) => {
      calls++;
      await Promise.resolve(); // causality must survive an await
      ctx.bus.putEvents({ Entries: [entry((e as { detail: object }).detail)] });
    });
    svc.putRule({ Name: 'A', EventPattern: placed });
    svc.putTargets({ Rule: 'A', Targets: [{ Id: 'x', Arn: svc.functionArn('X') }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(calls).toBe(10);
    const [warning, ...more] = svc.trace.ofKind('loop.warning');
    expect(more).toEqual([]);
    expect(warning!.message).toMatch(/^Loop stopped after 10 hops \(limit 10\): OrderPlaced -> rule A -> fn X -> OrderPlaced -> rule A -> fn X/);
    expect(warning!.message).toMatch(/Repeating: OrderPlaced -> rule A -> fn X -> OrderPlaced$/);
  });

  it('uses the configured hop limit and names every rule and handler of a longer cycle', async () => {
    const { svc } = setup({ maxHops: 4 });
    const calls: string[] = [];
    svc.registerFunction('ship', (_e, ctx) => {
      calls.push('ship');
      ctx.bus.putEvents({ Entries: [entry({}, { DetailType: 'OrderShipped' })] });
    });
    svc.registerFunction('reorder', (_e, ctx) => {
      calls.push('reorder');
      ctx.bus.putEvents({ Entries: [entry()] });
    });
    svc.putRule({ Name: 'onPlaced', EventPattern: placed });
    svc.putTargets({ Rule: 'onPlaced', Targets: [{ Id: 's', Arn: svc.functionArn('ship') }] });
    svc.putRule({ Name: 'onShipped', EventPattern: '{"detail-type":["OrderShipped"]}' });
    svc.putTargets({ Rule: 'onShipped', Targets: [{ Id: 'r', Arn: svc.functionArn('reorder') }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(calls).toEqual(['ship', 'reorder', 'ship', 'reorder']);
    const msg = svc.trace.ofKind('loop.warning')[0]!.message;
    expect(msg).toContain('OrderPlaced -> rule onPlaced -> fn ship -> OrderShipped -> rule onShipped -> fn reorder -> OrderPlaced');
  });

  it('tracks handlers that call the service object directly (synchronously)', async () => {
    const { svc } = setup({ maxHops: 3 });
    let calls = 0;
    svc.registerFunction('X', () => {
      calls++;
      svc.putEvents({ Entries: [entry()] });
    });
    svc.putRule({ Name: 'A', EventPattern: placed });
    svc.putTargets({ Rule: 'A', Targets: [{ Id: 'x', Arn: svc.functionArn('X') }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(calls).toBe(3);
    expect(svc.trace.ofKind('loop.warning')).toHaveLength(1);
  });

  it('lets short causal chains through', async () => {
    const { svc } = setup();
    const seen: string[] = [];
    svc.registerFunction('first', (_e, ctx) => void ctx.bus.putEvents({ Entries: [entry({}, { DetailType: 'Next' })] }));
    svc.registerFunction('second', () => void seen.push('second'));
    svc.putRule({ Name: 'a', EventPattern: placed });
    svc.putTargets({ Rule: 'a', Targets: [{ Id: 'f', Arn: svc.functionArn('first') }] });
    svc.putRule({ Name: 'b', EventPattern: '{"detail-type":["Next"]}' });
    svc.putTargets({ Rule: 'b', Targets: [{ Id: 's', Arn: svc.functionArn('second') }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(seen).toEqual(['second']);
    expect(svc.trace.ofKind('loop.warning')).toEqual([]);
    const [first, next] = svc.trace.ofKind('event.put');
    expect(first!.causedBy).toBeUndefined();
    expect(next!.causedBy).toBe(first!.eventId);
  });

  it('gives handlers a view that behaves like the service for everything else', async () => {
    const { svc } = setup();
    let rules: string[] = [];
    svc.registerFunction('f', (_e, ctx) => {
      rules = ctx.bus.listRules({}).Rules.map((r) => r.Name);
    });
    svc.putRule({ Name: 'a', EventPattern: placed });
    svc.putTargets({ Rule: 'a', Targets: [{ Id: 'f', Arn: svc.functionArn('f') }] });
    svc.putEvents({ Entries: [entry()] });
    await svc.whenIdle();
    expect(rules).toEqual(['a']);
  });
});

describe('chain helpers', () => {
  it('describe and find the repeating cycle', () => {
    const hop = { eventId: 'e1', detailType: 'E', rule: 'R', handler: 'fn F' };
    expect(describeChain([hop], 'E')).toBe('E -> rule R -> fn F -> E');
    expect(repeatingCycle([hop, hop])).toEqual([hop]);
    expect(repeatingCycle([hop, { ...hop, rule: 'S' }])).toBeUndefined();
  });
});
