import { describe, expect, it } from 'vitest';
import { evaluateBusPolicy, PolicyError, type PolicyRequest } from './bus-policy.ts';

const BUS = 'arn:aws:events:us-east-1:123456789012:event-bus/central';
const put = (over: Partial<PolicyRequest> = {}): PolicyRequest => ({ account: '111122223333', action: 'events:PutEvents', resource: BUS, source: 'com.partner.store', detailType: 'OrderCreated', ...over });

// The shape of AWS's own example: one partner account may put one kind of event.
const partner = {
  Version: '2012-10-17',
  Statement: [{
    Sid: 'PartnerPublish',
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:root' },
    Action: 'events:PutEvents',
    Resource: BUS,
    Condition: { StringEquals: { 'events:source': 'com.partner.store', 'events:detail-type': ['OrderCreated', 'OrderCancelled'] } },
  }],
};

describe('evaluateBusPolicy', () => {
  it('allows the named account to put the events its conditions name, and nothing else', () => {
    expect(evaluateBusPolicy(partner, put())).toEqual({ allowed: true, reason: 'allowed by statement "PartnerPublish"' });
    expect(evaluateBusPolicy(partner, put({ detailType: 'OrderCancelled' })).allowed).toBe(true);
    expect(evaluateBusPolicy(partner, put({ detailType: 'PriceChanged' }))).toEqual({ allowed: false, reason: 'no statement allows it (denied by default)' });
    expect(evaluateBusPolicy(partner, put({ source: 'com.example.payments' })).allowed).toBe(false);
    expect(evaluateBusPolicy(partner, put({ account: '444455556666' })).allowed).toBe(false);
    expect(evaluateBusPolicy(partner, put({ action: 'events:PutRule' })).allowed).toBe(false);
    expect(evaluateBusPolicy(partner, put({ resource: BUS.replace('central', 'other') })).allowed).toBe(false);
  });

  it('lets an explicit Deny win over any Allow, and reads wildcards in Action, Resource and StringLike', () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: 'events:*', Resource: 'arn:aws:events:*:123456789012:event-bus/*' },
        { Sid: 'NoTests', Effect: 'Deny', Principal: '*', Action: 'events:Put*', Resource: BUS, Condition: { StringLike: { 'events:source': 'test.*' } } },
      ],
    };
    expect(evaluateBusPolicy(policy, put({ account: '999999999999' })).allowed).toBe(true);
    expect(evaluateBusPolicy(policy, put({ source: 'test.load' }))).toEqual({ allowed: false, reason: 'denied by statement "NoTests"' });
  });

  it('treats an absent key as IAM does: only ForAllValues and IfExists are satisfied by it', () => {
    const only = (op: string) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: BUS, Condition: { [op]: { 'aws:PrincipalOrgID': 'o-abc123' } } }] });
    expect(evaluateBusPolicy(only('StringEquals'), put()).allowed).toBe(false);
    expect(evaluateBusPolicy(only('StringEquals'), put({ orgId: 'o-abc123' })).allowed).toBe(true);
    expect(evaluateBusPolicy(only('ForAllValues:StringEquals'), put()).allowed).toBe(true);
    expect(evaluateBusPolicy(only('StringEqualsIfExists'), put()).allowed).toBe(true);
    expect(evaluateBusPolicy(only('StringNotEquals'), put({ orgId: 'o-other' })).allowed).toBe(true);
  });

  it('names what it cannot read, instead of treating it as no match', () => {
    const bad = (statement: Record<string, unknown>) => () => evaluateBusPolicy({ Version: '2012-10-17', Statement: [statement] }, put());
    expect(() => evaluateBusPolicy({ Statement: [] }, put())).toThrow(/"Version" must be "2012-10-17"/);
    expect(bad({ Effect: 'Permit', Principal: '*', Action: 'events:PutEvents', Resource: BUS })).toThrow(/Statement\[0\]\.Effect must be "Allow" or "Deny"/);
    expect(bad({ Effect: 'Allow', Action: 'events:PutEvents', Resource: BUS })).toThrow(/has no "Principal"/);
    expect(bad({ Effect: 'Allow', Principal: { AWS: 'partner' }, Action: 'events:PutEvents', Resource: BUS })).toThrow(/"partner" is not an account id/);
    expect(bad({ Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: BUS, Condition: { DateGreaterThan: { 'aws:CurrentTime': '2026-01-01' } } })).toThrow(PolicyError);
    expect(bad({ Effect: 'Allow', Principal: '*', Action: 'events:PutEvents', Resource: BUS, Condition: { StringEquals: { 'aws:SourceIp': '1.2.3.4' } } })).toThrow(/the key "aws:SourceIp" is not supported/);
  });
});
