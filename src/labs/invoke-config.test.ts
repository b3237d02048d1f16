import { describe, expect, it } from 'vitest';
import { parseInvokeConfig } from './invoke-config.ts';

const parse = (value: unknown) => parseInvokeConfig(JSON.stringify(value), 'invoke-config.json');
const problems = (value: unknown) => {
  const r = parse(value);
  return r.ok ? [] : r.problems;
};

describe('asynchronous invocation settings (PutFunctionEventInvokeConfig)', () => {
  it("accepts Lambda's settings, and none at all (Lambda's defaults)", () => {
    const full = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600, DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:123456789012:failed' } } };
    expect(parse(full)).toEqual({ ok: true, config: full });
    expect(parse({})).toEqual({ ok: true, config: {} });
  });

  it("refuses values outside Lambda's ranges, naming the field", () => {
    expect(problems({ MaximumRetryAttempts: 185 })).toEqual([expect.stringMatching(/^MaximumRetryAttempts: must be from 0 to 2/)]);
    expect(problems({ MaximumRetryAttempts: 1.5 })).toEqual(['MaximumRetryAttempts: must be a whole number']);
    expect(problems({ MaximumEventAgeInSeconds: 30 })).toEqual(['MaximumEventAgeInSeconds: must be from 60 to 21600']);
    expect(problems({ MaximumEventAgeInSeconds: 86_400 })).toEqual([expect.stringMatching(/^MaximumEventAgeInSeconds: must be from 60 to 21600/)]);
    expect(problems({ MaximumRetryAttempts: '2' })).toEqual(['MaximumRetryAttempts: must be a number']);
  });

  it('wants the destination as an ARN, not a queue URL or a name', () => {
    const at = (Destination: unknown) => problems({ DestinationConfig: { OnFailure: { Destination } } });
    expect(at('https://sqs.us-east-1.amazonaws.com/123456789012/failed')).toEqual([expect.stringMatching(/^DestinationConfig\.OnFailure\.Destination: .*not its URL/)]);
    expect(at('failed')).toEqual([expect.stringMatching(/^DestinationConfig\.OnFailure\.Destination: must be an ARN/)]);
    expect(at('arn:aws:dynamodb:us-east-1:123456789012:table/t')).toEqual([expect.stringMatching(/SQS queue, an SNS topic/)]);
  });

  it("names settings that are not Lambda's, such as an EventBridge target's", () => {
    expect(problems({ RetryPolicy: { MaximumRetryAttempts: 2 }, DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:123456789012:failed' } })).toEqual([
      'RetryPolicy, DeadLetterConfig is not a setting of PutFunctionEventInvokeConfig',
    ]);
  });

  it('says when the file is missing or not JSON', () => {
    expect(parseInvokeConfig(undefined, 'x.json')).toEqual({ ok: false, problems: ['The file x.json is missing.'] });
    const r = parseInvokeConfig('{', 'x.json');
    expect(r.ok ? '' : r.problems[0]).toMatch(/^x\.json is not valid JSON/);
  });
});
