// verify's waits: a lab whose functions have asynchronous invocation settings waits for Lambda's retries, which come
// about 1 and 2 minutes apart on AWS and 1 s and 2 s apart on the emulator.
import { expect, it } from 'vitest';
import { parseOptions, UsageError } from './course-aws.ts';

it('waits minutes for retries on AWS and seconds on an emulator, unless told otherwise', () => {
  expect(parseOptions([], 'lab', true)).toMatchObject({ timeoutSeconds: 600, retryWaitSeconds: 200 });
  expect(parseOptions([], 'lab', false)).toMatchObject({ timeoutSeconds: 120, retryWaitSeconds: 200 });
  expect(parseOptions(['--endpoint', 'http://127.0.0.1:4566'], 'lab', true)).toMatchObject({ timeoutSeconds: 120, retryWaitSeconds: 10 });
  expect(parseOptions(['--retry-wait', '30', '--timeout', '90'], 'lab', true)).toMatchObject({ timeoutSeconds: 90, retryWaitSeconds: 30 });
  expect(() => parseOptions(['--retry-wait', 'soon'], 'lab', true)).toThrow(UsageError);
});
