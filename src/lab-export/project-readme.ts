// The README.md of an exported lab project: the commands, what gets created, the cost and the clean-up.
import type { LabDefinition } from '../labs/lab-types.ts';
import { CALL_MARK, EMIT_MARK, FAIL_MARK, HOP_FIELD, LOOP_MARK, MAX_HOPS, ROOT_FIELD } from './function-code.ts';
import { COST_NOTE, notCheckableOnAws } from './project-layout.ts';
import { functionNames, logGroupNames, LOG_RETENTION_DAYS, targetBuses } from './template.ts';

/** The commands a learner runs from the project folder, shown in the README and on the lab page. */
export function projectCommands(labId: string): { install: string; deploy: string; verify: string; destroy: string; cli: string; cliDelete: string } {
  const stack = `course-${labId}`;
  return {
    install: 'npm install',
    deploy: 'npm run deploy -- --region eu-west-1',
    verify: 'npm run verify -- --region eu-west-1',
    destroy: 'npm run destroy -- --region eu-west-1',
    cli: `aws cloudformation deploy --template-file template.yaml --stack-name ${stack} --capabilities CAPABILITY_IAM --tags course=eventbridge-course course-lab=${labId}`,
    cliDelete: `aws cloudformation delete-stack --stack-name ${stack}`,
  };
}

/** One line per kind of resource the template creates, for the README and the lab page. */
export function whatIsCreated(def: LabDefinition): string[] {
  const fns = functionNames(def);
  const lgs = logGroupNames(def);
  return [
    'one custom event bus (the lab\'s default bus), tagged with the course and the lab',
    ...(def.bus.buses?.length ? [`${def.bus.buses.length} more event bus(es): ${def.bus.buses.join(', ')}`] : []),
    `${def.bus.rules.length} rule(s): ${def.bus.rules.map((r) => r.name).join(', ')}, with your patterns, targets and input transformers`,
    ...(def.bus.schedules?.length ? [`${def.bus.schedules.length} scheduled rule(s) on your account's default event bus (AWS runs schedules only there): ${def.bus.schedules.map((r) => r.name).join(', ')}`] : []),
    ...(targetBuses(def).length ? ['one role EventBridge assumes to put events on the lab\'s other buses, and on each of those buses a rule that logs what arrives (verify reads it)'] : []),
    ...(def.bus.archive ? [`an archive of the bus with your pattern, kept ${LOG_RETENTION_DAYS} day, and a rule that logs what verify replays from it to read it back`] : []),
    ...(fns.length ? [
      `${fns.length} Lambda function(s) (${fns.join(', ')}), each with its own role (write its own logs${def.bus.functions ? ', put events on this bus only' : ''}) and log group kept ${LOG_RETENTION_DAYS} day`,
      'one SQS queue as the dead-letter queue of the Lambda targets',
    ] : []),
    ...(lgs.length ? [`${lgs.length} log group(s) the checks read (${lgs.join(', ')}, under /aws/events/<stack>/), with the resource policy EventBridge needs to write to them`] : []),
  ];
}

/** What the wrapper in each function's inline code does, for a learner reading template.yaml (function-code.ts). */
function howFunctionsRun(def: LabDefinition): string {
  if (!def.bus.functions) return '';
  const m = (mark: string) => `\`${mark.trim()}\``;
  return `
## How your functions run

Each function's code is inline in \`template.yaml\`: your TypeScript compiled to CommonJS (what Lambda loads from inline code), inside a short wrapper. Your handler runs as you wrote it, with the event and the \`context\` Lambda passes; \`EVENT_BUS_NAME\` names the lab's bus. The wrapper does not change your code: it gives it the \`@aws-sdk/client-eventbridge\` of the Lambda runtime, whose \`EventBridgeClient\` carries one more middleware. That middleware adds \`${ROOT_FIELD}\` and \`${HOP_FIELD}\` to the detail of each event you put, so that \`verify\` can trace a chain to the sample event that started it, and after ${MAX_HOPS} hops it puts nothing (a ${m(LOOP_MARK)} line) and answers as PutEvents does, so a loop costs nothing. The function's log group gets a ${m(CALL_MARK)} line per invocation, a ${m(EMIT_MARK)} line per event PutEvents accepted and a ${m(FAIL_MARK)} line when your handler throws (the error is thrown on, so Lambda retries as usual): \`verify\` reads these lines.
`;
}

/** The README's list of the checks verify skips on AWS, and why. */
function localOnly(def: LabDefinition): string {
  const skipped = def.checks.filter((c) => notCheckableOnAws(c) !== undefined);
  if (!skipped.length) return '';
  return `\nThese checks run only locally (\`npm run lab -- check\` in the course repository, or the lab page); \`verify\` shows them as skipped:\n\n${skipped.map((c) => `- ${c.title} (\`${c.id}\`): ${notCheckableOnAws(c)}`).join('\n')}\n`;
}

/** A script lab's own way to run: the script, as written, with no stack needed. */
function scriptRun(file: string): string {
  return `This lab is a script (\`lab/${file}\`), which builds what it tests and deletes it again. Run it yourself with \`npm install\` done: \`AWS_ENDPOINT_URL=http://127.0.0.1:4010 node lab/run.ts\` against the course's emulator, \`node lab/run.ts\` in your account. For a script lab, \`verify\` runs it once in the account (with \`--endpoint\`, against that endpoint) and judges the calls it made, how it ended and what it left behind.

`;
}

export function projectReadme(labId: string, title: string, def: LabDefinition): string {
  const c = projectCommands(labId);
  return `# ${title} (lab ${labId}), in your own AWS account

Your work from the course, as a project you deploy to your own account with CloudFormation.

- \`lab/\`: your files. \`events/\`: the lab's sample events. \`template.yaml\`: the CloudFormation template.
- \`course/\`: the lab's checks, which \`npm run verify\` runs on what the deployed lab really does.

## What gets created

${whatIsCreated(def).map((l) => `- ${l}`).join('\n')}

${COST_NOTE}
${howFunctionsRun(def)}
## Commands (Node.js 22.18 or later)

Credentials come from the AWS SDK's usual places (environment variables, \`~/.aws\` profiles, IAM Identity Center); these scripts never read or store them. Pass \`--profile NAME\` to pick a profile, \`--endpoint http://127.0.0.1:4010\` to try it against the course's emulator first. Each command shows the account, region and stack and asks before it changes anything (\`--yes\` answers for you).

\`\`\`sh
${c.install}
${c.deploy}
${c.verify}
${c.destroy}
\`\`\`

${def.script ? scriptRun(def.script.file) : ''}\`verify\` puts the sample events and the lab's hold-out events on the deployed buses, waits for what the functions and log groups record, and runs the lab's checks on it: exit 0 when they pass, 1 when one fails, 2 for a usage or environment error.${def.bus.archive ? ' It then starts your replay from the archive and a second replay of the whole archive, so the archive and replay checks see what AWS kept and resent. Event times are moved to end a minute before now (CloudWatch Logs refuses older lines), and your replay window moves with them. Replays cannot be deleted, so a replay name already taken in the account gets a suffix. On AWS, verify first waits for the archive (\`--archive-wait\`, 360 s by default: AWS writes archives in batches), and each replay may take minutes: raise \`--timeout\` (seconds) if one does not complete.' : ''}${Object.values(def.bus.functions ?? {}).some((f) => f.invokeConfig) ? ' Your function\'s asynchronous invocation settings are deployed as written, with a destination that names the lab\'s queue pointed at the deployed queue. Lambda retries a failed invocation about 1 and then 2 minutes later, so verify waits for each retry (\`--retry-wait\`, 200 s by default) within \`--timeout\` (600 s by default for this lab, for the sample events and again for the hold-outs), and then reads the failure records in the queue: expect verify to take several minutes. Checks that need a redelivery of the same event are skipped: AWS does not redeliver on demand.' : ''}
${localOnly(def)}
With the AWS CLI instead:

\`\`\`sh
${c.cli}
${c.cliDelete}
\`\`\`

## Clean up

\`npm run destroy\` deletes the stack and then lists what is left of the lab (stack, bus, functions, log groups, queue, roles); anything still there is named with the command that deletes it. The permissions these commands need are in the course repository's \`src/lab-export/learner-policy.json\`.
`;
}
