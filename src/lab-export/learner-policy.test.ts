// The IAM policy a learner needs covers every call the deploy/verify/destroy tool makes itself.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import policy from './learner-policy.json' with { type: 'json' };

const SERVICE: Record<string, string> = {
  'client-cloudformation': 'cloudformation', 'client-cloudwatch-logs': 'logs', 'client-eventbridge': 'events', 'client-iam': 'iam',
  'client-lambda': 'lambda', 'client-sqs': 'sqs', 'client-sts': 'sts',
};

it('allows every SDK command course-aws.ts sends, and no wildcard action', () => {
  const source = readFileSync(new URL('./course-aws.ts', import.meta.url), 'utf8');
  const allowed = new Set(policy.Statement.flatMap((s) => [s.Action].flat()));
  const needed: string[] = [];
  for (const m of source.matchAll(/import \{([^}]+)\} from '@aws-sdk\/([a-z0-9-]+)'/g)) {
    const service = SERVICE[m[2]!]!;
    for (const name of m[1]!.split(',').map((s) => s.trim())) {
      const command = /^(\w+)Command$/.exec(name)?.[1] ?? /^paginate(\w+)$/.exec(name)?.[1];
      if (command) needed.push(`${service}:${command}`);
    }
  }
  expect(needed.length).toBeGreaterThan(10);
  expect(needed.filter((a) => !allowed.has(a))).toEqual([]);
  for (const a of allowed) expect(a).not.toContain('*');
});
