// Where an exported lab project keeps what: project.ts writes it, course-aws.ts reads it.
export const PROJECT_LAYOUT = { template: 'template.yaml', definition: 'course/checks.json', customChecks: 'course/checks.ts', lab: 'lab', meta: 'course/lab.json' } as const;

/** What a lab costs in one's own account, said once for the tool, the README, the lab page and the lesson. */
export const COST_NOTE =
  'This may cost money. For the lab\'s sample events expect well under US$0.01 (a few Lambda invocations, EventBridge events and log lines); the log groups keep data for 1 day and destroy removes everything.';
