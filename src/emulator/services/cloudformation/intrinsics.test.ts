import { describe, expect, it } from 'vitest';
import { creationOrder, evaluate, references, type EvalScope } from './intrinsics.ts';
import { parseTemplate } from './template-parse.ts';

const template = parseTemplate(`Parameters:
  Zones: { Type: CommaDelimitedList, Default: "a,b,c" }
  Stage: { Type: String }
Mappings:
  Sizes: { dev: { Memory: 128 }, prod: { Memory: 1024 } }
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
Resources:
  Queue: { Type: AWS::SQS::Queue }
  Fn:
    Type: AWS::Lambda::Function
    DependsOn: Queue
    Properties:
      Role: !Sub '\${Role.Arn}'
  Role: { Type: AWS::IAM::Role }
`);

const scope: EvalScope = {
  template, parameters: { Zones: 'a,b,c', Stage: 'dev' }, conditions: { IsProd: false },
  pseudo: { 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '000000000000', 'AWS::StackName': 's' },
  resources: { Queue: { ref: 'http://q', attributes: { Arn: 'arn:aws:sqs:eu-west-1:000000000000:q' } } },
};

describe('intrinsic functions', () => {
  it('evaluates the functions templates use', () => {
    expect(evaluate({ 'Fn::Select': [1, { Ref: 'Zones' }] }, scope)).toBe('b');
    expect(evaluate({ 'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, { 'Fn::Select': ['0', { 'Fn::Split': [',', 'x,y'] }] }]] }, scope)).toBe('s-x');
    expect(evaluate({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Memory'] }, scope)).toBe(128);
    expect(evaluate({ 'Fn::Sub': ['${Q}/${AWS::Region}/${!Literal}', { Q: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] }, scope)).toBe('arn:aws:sqs:eu-west-1:000000000000:q/eu-west-1/${Literal}');
    expect(evaluate({ A: { 'Fn::If': ['IsProd', 1, { Ref: 'AWS::NoValue' }] }, B: [{ Ref: 'AWS::NoValue' }, 2] }, scope)).toEqual({ B: [2] });
    expect(evaluate({ 'Fn::Base64': 'hi' }, scope)).toBe('aGk=');
    expect(() => evaluate({ 'Fn::GetAtt': ['Queue', 'Nope'] }, scope)).toThrow(/Unsupported attribute Nope/);
    expect(() => evaluate({ Ref: 'Missing' }, scope)).toThrow(/undefined resource Missing/);
  });

  it('orders resources after what they reference or depend on', () => {
    const ids = Object.keys(template.Resources);
    expect(references(template.Resources.Fn?.Properties, new Set(ids))).toEqual(new Set(['Role']));
    const order = creationOrder(template, ids);
    expect(order.indexOf('Fn')).toBeGreaterThan(order.indexOf('Role'));
    expect(order.indexOf('Fn')).toBeGreaterThan(order.indexOf('Queue'));
  });
});
