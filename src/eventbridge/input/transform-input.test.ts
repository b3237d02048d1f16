import { describe, expect, it } from 'vitest';
import { transformInput, validateTargetInput } from './transform-input.ts';
import { InputTransformError } from './input-types.ts';

// An instance state-change event in the shape AWS services emit.
const event = {
  version: '0',
  id: '11111111-2222-3333-4444-555555555555',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '123456789012',
  time: '2025-03-04T05:06:07Z',
  region: 'eu-west-1',
  resources: ['arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc'],
  detail: { 'instance-id': 'i-0abc', state: 'running', cpu: 4, tags: { team: 'web' }, disks: ['a', 'b'] },
};
const ctx = { ruleArn: 'arn:aws:events:eu-west-1:123456789012:rule/watch', ruleName: 'watch' };
const paths = {
  instance: '$.detail.instance-id',
  state: '$.detail.state',
  cpu: '$.detail.cpu',
  tags: '$.detail.tags',
  resource: '$.resources[0]',
};

describe('transformInput without a transformer', () => {
  it('sends the whole event when no input setting is given', () => {
    expect(JSON.parse(transformInput({}, event, ctx))).toEqual(event);
  });
  it('sends Input verbatim', () => {
    expect(transformInput({ Input: '{"fixed": true}' }, event, ctx)).toBe('{"fixed": true}');
  });
  it('sends the value found at InputPath', () => {
    expect(JSON.parse(transformInput({ InputPath: '$.detail.tags' }, event, ctx))).toEqual({ team: 'web' });
    expect(transformInput({ InputPath: '$.detail.state' }, JSON.stringify(event), ctx)).toBe('"running"');
  });
});

describe('JSON templates', () => {
  it('quotes string values standing as JSON values and keeps numbers and objects as JSON', () => {
    const out = transformInput(
      { InputTransformer: { InputPathsMap: paths, InputTemplate: '{"id": <instance>, "cpu": <cpu>, "tags": <tags>, "list": [1, <state>, true]}' } },
      event,
      ctx,
    );
    expect(JSON.parse(out)).toEqual({ id: 'i-0abc', cpu: 4, tags: { team: 'web' }, list: [1, 'running', true] });
  });
  it('inserts raw text inside string literals, escaped quotes included', () => {
    const out = transformInput(
      { InputTransformer: { InputPathsMap: paths, InputTemplate: '{"status": "instance \\"<instance>\\" is <state>", "state": "<state>"}' } },
      event,
      ctx,
    );
    expect(JSON.parse(out)).toEqual({ status: 'instance "i-0abc" is running', state: 'running' });
  });
  it('accepts an object placed inside a quoted string of a JSON template, but does not deliver it', () => {
    const config = { InputTransformer: { InputPathsMap: paths, InputTemplate: '{"text": "tags are <tags>"}' } };
    expect(validateTargetInput(config)).toEqual([]);
    expect(() => transformInput(config, event, ctx)).toThrow(InputTransformError);
    expect(() => transformInput(config, event, ctx)).toThrow(/object or array placed inside a quoted string/);
  });
  it('strips the inner quotes of an object in a string template', () => {
    const out = transformInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: 'tags are <tags>' } }, event, ctx);
    expect(out).toBe('tags are {team:web}');
  });
  it('fills the reserved variables', () => {
    const out = transformInput(
      {
        InputTransformer: {
          InputTemplate:
            '{"rule": <aws.events.rule-name>, "arn": <aws.events.rule-arn>, "at": <aws.events.event.ingestion-time>, "meta": <aws.events.event>, "all": <aws.events.event.json>}',
        },
      },
      event,
      { ...ctx, ingestionTime: '2025-03-04T05:06:08Z' },
    );
    const parsed = JSON.parse(out);
    expect(parsed.rule).toBe('watch');
    expect(parsed.arn).toBe(ctx.ruleArn);
    expect(parsed.at).toBe('2025-03-04T05:06:08Z');
    expect(parsed.meta.detail).toBeUndefined();
    expect(parsed.meta.source).toBe('aws.ec2');
    // AWS names the field detailType inside <aws.events.event> (and keeps detail-type in <aws.events.event.json>).
    expect(parsed.meta.detailType).toBe(event['detail-type']);
    expect(parsed.meta['detail-type']).toBeUndefined();
    expect(Object.keys(parsed.meta)).toEqual(Object.keys(event).filter((k) => k !== 'detail').map((k) => (k === 'detail-type' ? 'detailType' : k)));
    expect(parsed.all).toEqual(event);
  });
  it('renders a missing path as "" in value position and as nothing inside a string', () => {
    const out = transformInput(
      { InputTransformer: { InputPathsMap: { gone: '$.detail.nope' }, InputTemplate: '{"v": <gone>, "s": "x<gone>y"}' } },
      event,
      ctx,
    );
    expect(JSON.parse(out)).toEqual({ v: '', s: 'xy' });
  });
  it('collects every match of a wildcard path into a list', () => {
    const out = transformInput({ InputTransformer: { InputPathsMap: { d: '$.detail.disks[*]' }, InputTemplate: '{"d": <d>}' } }, event, ctx);
    expect(JSON.parse(out)).toEqual({ d: ['a', 'b'] });
  });
});

describe('JSON output form', () => {
  it('is minified, keeping the text of strings and numbers', () => {
    const out = transformInput(
      { InputTransformer: { InputPathsMap: paths, InputTemplate: '{\n  "id" : <instance>,\n  "note": "a  b",\n  "n": 1.50\n}' } },
      event,
      ctx,
    );
    expect(out).toBe('{"id":"i-0abc","note":"a  b","n":1.50}');
  });
  it('is sent as filled when an unescaped value breaks the JSON', () => {
    const quoted = { ...event, detail: { ...event.detail, state: 'say "hi"' } };
    const out = transformInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '{"s": "<state>"}' } }, quoted, ctx);
    expect(out).toBe('{"s": "say "hi""}');
  });
});

describe('string templates', () => {
  it('produces plain text when the template is not JSON', () => {
    const out = transformInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '<instance> is in state <state>' } }, event, ctx);
    expect(out).toBe('i-0abc is in state running');
  });
  it('produces a JSON string when the template is a quoted string', () => {
    const out = transformInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '"<instance> is in state <state>"' } }, event, ctx);
    expect(JSON.parse(out)).toBe('i-0abc is in state running');
  });
  it('leaves text that cannot be a placeholder alone, and refuses <name> that names no variable', () => {
    const out = transformInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: 'a < b, <state></b>' } }, event, ctx);
    expect(out).toBe('a < b, running</b>');
    expect(() => transformInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '<b><state>' } }, event, ctx)).toThrow(/<b> is not defined/);
  });
});

describe('validateTargetInput', () => {
  it('accepts valid settings', () => {
    expect(validateTargetInput({})).toEqual([]);
    expect(validateTargetInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '{"a": <state>}' } })).toEqual([]);
  });
  it('allows only one of Input, InputPath and InputTransformer', () => {
    const problems = validateTargetInput({ Input: '{}', InputPath: '$.detail' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/only one of Input, InputPath or InputTransformer/);
  });
  it('rejects Input that is not JSON', () => {
    expect(validateTargetInput({ Input: '{oops' })[0]!.path).toBe('Input');
  });
  it('names the bad JSON path and explains it', () => {
    expect(validateTargetInput({ InputPath: 'detail.x' })[0]).toMatchObject({ path: 'InputPath', message: expect.stringMatching(/must start with "\$"/) });
    const p = validateTargetInput({ InputTransformer: { InputPathsMap: { a: "$['detail']" }, InputTemplate: '<a>' } });
    expect(p[0]).toMatchObject({ path: 'InputTransformer.InputPathsMap.a', message: expect.stringMatching(/bracket notation/) });
  });
  it('limits InputPathsMap to 100 entries', () => {
    const map = Object.fromEntries(Array.from({ length: 101 }, (_, n) => [`v${n}`, '$.detail']));
    expect(validateTargetInput({ InputTransformer: { InputPathsMap: map, InputTemplate: 'x' } })[0]!.message).toMatch(/at most 100/);
    delete map['v100'];
    expect(validateTargetInput({ InputTransformer: { InputPathsMap: map, InputTemplate: 'x' } })).toEqual([]);
  });
  it('reserves names starting with aws.', () => {
    const p = validateTargetInput({ InputTransformer: { InputPathsMap: { 'aws.events.rule-name': '$.x' }, InputTemplate: 'x' } });
    expect(p[0]!.message).toMatch(/reserved/);
  });
  it('rejects a placeholder used as an object key', () => {
    const p = validateTargetInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '{<state>: 1}' } });
    expect(p.some((x) => /object key/.test(x.message))).toBe(true);
  });
  it('rejects whole-event variables inside strings', () => {
    const p = validateTargetInput({ InputTransformer: { InputTemplate: '{"a": "event <aws.events.event.json>"}' } });
    expect(p[0]!.message).toMatch(/only be used as the value of a JSON field/);
  });
  it('rejects a JSON template that is not JSON once filled, or uses undefined names', () => {
    expect(validateTargetInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '{"a": <state>,}' } })[0]!.message).toMatch(/not valid JSON/);
    expect(validateTargetInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: '{"a": <nope>}' } })[0]).toMatchObject({
      message: expect.stringMatching(/<nope> is not defined/),
      code: 'invalid-placeholder',
    });
  });
  it('rejects undefined placeholders in string templates too', () => {
    expect(validateTargetInput({ InputTransformer: { InputPathsMap: paths, InputTemplate: 'state <state>, and <nope>' } })).toEqual([
      { path: 'InputTransformer.InputTemplate', message: 'placeholder <nope> is not defined in InputPathsMap', code: 'invalid-placeholder' },
    ]);
  });
  it('requires a template', () => {
    expect(validateTargetInput({ InputTransformer: { InputTemplate: '' } })[0]!.path).toBe('InputTransformer.InputTemplate');
  });
});

describe('transformInput errors', () => {
  it('throws an error naming the field', () => {
    expect(() => transformInput({ InputPath: 'nope' }, event, ctx)).toThrow(InputTransformError);
    expect(() => transformInput({ InputPath: 'nope' }, event, ctx)).toThrow(/InputPath: must start with/);
  });
  it('throws on an event that is not JSON', () => {
    expect(() => transformInput({}, '{bad', ctx)).toThrow(/event: is not valid JSON/);
  });
});
