import { describe, expect, it } from 'vitest';
import { busNameFrom, parseTargetArn, ruleArn } from './arns.ts';

describe('ARNs', () => {
  it('reads target kinds and names', () => {
    expect(parseTargetArn('arn:aws:lambda:eu-west-1:111122223333:function:ship:live')).toEqual({ kind: 'lambda', name: 'ship', region: 'eu-west-1', account: '111122223333' });
    expect(parseTargetArn('arn:aws:events:us-east-1:1:event-bus/orders').kind).toBe('event-bus');
    expect(parseTargetArn('arn:aws:logs:us-east-1:1:log-group:/aws/events/x:*')).toMatchObject({ kind: 'log-group', name: '/aws/events/x' });
    expect(parseTargetArn('arn:aws:sqs:us-east-1:1:work')).toMatchObject({ kind: 'sqs', name: 'work' });
    expect(parseTargetArn('arn:aws:sns:us-east-1:1:topic').kind).toBe('other');
  });
  it('resolves bus names from names or ARNs and builds rule ARNs', () => {
    expect(busNameFrom(undefined)).toBe('default');
    expect(busNameFrom('arn:aws:events:us-east-1:1:event-bus/orders')).toBe('orders');
    expect(busNameFrom('orders')).toBe('orders');
    const scope = { region: 'r', account: 'a' };
    expect(ruleArn(scope, 'default', 'x')).toBe('arn:aws:events:r:a:rule/x');
    expect(ruleArn(scope, 'orders', 'x')).toBe('arn:aws:events:r:a:rule/orders/x');
  });
});
