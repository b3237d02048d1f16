// Where an exported lab project keeps what: project.ts writes it, course-aws.ts reads it.
export const PROJECT_LAYOUT = { template: 'template.yaml', definition: 'course/checks.json', customChecks: 'course/checks.ts', lab: 'lab', meta: 'course/lab.json' } as const;

/** Logical id of a lab name: CloudFormation allows letters and digits only. */
export function logicalId(prefix: string, name: string): string {
  return prefix + name.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}
/** A lab queue (`bus.queues`) in the template, and the stack output that gives verify its URL. */
export const queueLogicalId = (q: string): string => logicalId('Queue', q);
export const queueOutputKey = (q: string): string => `${queueLogicalId(q)}Url`;

/** What a lab costs in one's own account, said once for the tool, the README, the lab page and the lesson. */
export const COST_NOTE =
  'This may cost money. For the lab\'s sample events expect well under US$0.01 (a few Lambda invocations, EventBridge events and log lines); the log groups keep data for 1 day and destroy removes everything.';

/** How verify reads an archive back on AWS: a replay of all of it, named with this prefix, goes (FilterArns) only to
 * this rule, whose pattern matches that replay-name prefix and whose target is this log group. */
export const ARCHIVE_PROBE = { rule: 'course-archive-probe', logGroup: '/course/archive-probe', replayPrefix: 'course-archive-probe-' } as const;

/** What arrives on a bus that a rule targets: a rule on that bus matching every event writes it to this log group. */
export const ARRIVALS = { rule: (bus: string) => `course-arrivals-${bus}`, logGroup: (bus: string) => `/course/arrivals/${bus}`, pattern: { source: [{ prefix: '' }] } } as const;

/** Check types a real account cannot show in a bounded time: verify skips them with the reason; `npm run lab -- check` runs them. */
export const NOT_CHECKABLE_ON_AWS: Record<string, string> = {
  schema: 'A schema check reads only your file: run it with npm run lab -- check.',
  'invoke-config-valid': 'It reads only your invoke settings file (the export already refuses settings PutFunctionEventInvokeConfig would not take): run it with npm run lab -- check.',
  scheduled: 'On AWS a schedule fires on the real clock (here once a day), which verify cannot wait for: run it with npm run lab -- check, where the lab clock runs.',
  'reports-failed-entries': "It needs PutEvents to reject the function's entries, which a real account does not do on demand: run it with npm run lab -- check.",
  // The template leaves the bus policy out: its principal is the lab's fictional partner account.
  'bus-policy': 'It asks the bus policy about calls from other AWS accounts (the lab\'s partner account is fictional, so the policy is not deployed): run it with npm run lab -- check.',
};

/** Why a script lab's check cannot run in an account: the local AWS it needs bends the world, which AWS will not do on demand. */
const BENT_WORLD: Record<string, string> = {
  failEntry: 'It needs PutEvents to refuse an entry, which a real account does not do on demand: run it with npm run lab -- check.',
  logDelayMs: 'It slows delivery to the log group on purpose; in an account delivery takes what it takes: run it with npm run lab -- check.',
  lose: 'It loses an event on purpose, which a real account will not do on demand: run it with npm run lab -- check.',
  leftovers: 'It starts from what a run that stopped halfway left; verify does not create that in your account: run it with npm run lab -- check.',
};

/** Why verify skips this one check on AWS, if it does: its type (above), a redelivery it needs that AWS will not make on demand, or a script check's bent world. */
export function notCheckableOnAws(check: { type: string; duplicates?: unknown; world?: object }): string | undefined {
  if (check.type.startsWith('script-')) {
    const bent = Object.keys(check.world ?? {}).find((k) => k in BENT_WORLD);
    if (bent) return BENT_WORLD[bent];
    if (check.type === 'script-pattern') return 'It matches your rule\'s pattern against the lab\'s hold-out events with the course\'s engine, which the exported tools do not carry: run it with npm run lab -- check.';
  }
  if (check.type === 'emits-per-event' && check.duplicates === true) {
    return 'It delivers events twice with the same id, as Lambda\'s at-least-once queue may; a real account cannot be made to redeliver on demand: run it with npm run lab -- check.';
  }
  return NOT_CHECKABLE_ON_AWS[check.type];
}
