// A function's asynchronous invocation settings, as Lambda's PutFunctionEventInvokeConfig takes them
// (MaximumRetryAttempts, MaximumEventAgeInSeconds, DestinationConfig): one zod schema, validated with the
// API's ranges, each problem naming its field. EventBridge invokes a Lambda target asynchronously, so these,
// not the target's RetryPolicy, decide what happens when the function itself fails.
import { z } from 'zod';

/** Lambda's defaults for asynchronous invocation: two retries, events kept up to six hours. */
export const DEFAULT_ASYNC_RETRIES = 2;
export const DEFAULT_ASYNC_MAX_AGE_SECONDS = 21_600;
/** Lambda waits one minute before the first retry and two minutes before the second. */
export const ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;

const destinationArn = z
  .string({ error: 'must be a string (an ARN)' })
  .refine((s) => !/^https?:\/\//.test(s), 'must be the queue ARN (arn:aws:sqs:REGION:ACCOUNT:NAME), not its URL')
  .refine((s) => /^https?:\/\//.test(s) || s.startsWith('arn:'), 'must be an ARN, such as arn:aws:sqs:REGION:ACCOUNT:NAME')
  .refine((s) => !s.startsWith('arn:') || /^arn:aws[\w-]*:(sqs|sns|lambda|events|s3):/.test(s), 'must be the ARN of an SQS queue, an SNS topic, a Lambda function, an event bus or an S3 bucket');

const destination = z.strictObject({ Destination: destinationArn }, { error: 'must be an object with "Destination" (an ARN)' });

export const invokeConfigSchema = z.strictObject(
  {
    FunctionName: z.string().optional(),
    Qualifier: z.string().optional(),
    MaximumRetryAttempts: z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be from 0 to 2').max(2, 'must be from 0 to 2 (Lambda retries a failed asynchronous invocation at most twice)').optional(),
    MaximumEventAgeInSeconds: z.number({ error: 'must be a number' }).int('must be a whole number').min(60, 'must be from 60 to 21600').max(21_600, 'must be from 60 to 21600 (six hours)').optional(),
    DestinationConfig: z.strictObject({ OnSuccess: destination.optional(), OnFailure: destination.optional() }, { error: 'must be an object with "OnSuccess" and/or "OnFailure"' }).optional(),
  },
  { error: 'must be a JSON object of PutFunctionEventInvokeConfig settings' },
);

export type InvokeConfig = z.infer<typeof invokeConfigSchema>;

/** The settings in a learner's file, or the problems PutFunctionEventInvokeConfig would report, each naming its field. */
export function parseInvokeConfig(text: string | undefined, file: string): { ok: true; config: InvokeConfig } | { ok: false; problems: string[] } {
  if (text === undefined) return { ok: false, problems: [`The file ${file} is missing.`] };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [`${file} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const result = invokeConfigSchema.safeParse(value);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((i) => {
      const field = i.path.map(String).join('.');
      const message = i.code === 'unrecognized_keys' ? `${i.keys.join(', ')} is not a setting of PutFunctionEventInvokeConfig` : i.message;
      return field ? `${field}: ${message}` : message;
    }),
  };
}
