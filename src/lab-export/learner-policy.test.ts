// The IAM policy a learner needs covers every call the deploy/verify/destroy tool makes itself (and lab 12's smoke test,
// whose names start with course- as the policy's resources do).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import policy from './learner-policy.json' with { type: 'json' };

const SERVICE: Record<string, string> = {
  'client-cloudformation': 'cloudformation', 'client-cloudwatch-logs': 'logs', 'client-eventbridge': 'events', 'client-iam': 'iam',
  'client-lambda': 'lambda', 'client-sqs': 'sqs', 'client-sts': 'sts',
};

it("allows every SDK command course-aws.ts, script-on-aws.ts and lab 12's smoke test send, and no wildcard action", () => {
  const source = ['./course-aws.ts', './script-on-aws.ts', '../../labs/12-test-against-local-aws/solution/smoke-test.ts'].map((f) => readFileSync(new URL(f, import.meta.url), 'utf8')).join('\n');
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
