// A smoke test of an EventBridge-to-CloudWatch-Logs route, with the real AWS SDK. Run it with
//   AWS_ENDPOINT_URL=http://127.0.0.1:4010 node run.ts   (against npm run emulator)
//   node run.ts                                          (in your own account, with your default credentials)
import { CreateEventBusCommand, DeleteEventBusCommand, DeleteRuleCommand, EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand, RemoveTargetsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient, CreateLogGroupCommand, DeleteLogGroupCommand, DeleteResourcePolicyCommand, DescribeLogGroupsCommand, FilterLogEventsCommand, PutResourcePolicyCommand } from '@aws-sdk/client-cloudwatch-logs';
import { BUS_NAME, DETAIL_TYPE, LOG_GROUP_NAME, POLICY_NAME, RULE_NAME, SOURCE, TARGET_ID } from './smoke-names.ts';

const events = new EventBridgeClient({});
const logs = new CloudWatchLogsClient({});

/** How long to wait for the events to show up in the log group (the lab sets a shorter one). */
const READ_DEADLINE_MS = Number(process.env.READ_DEADLINE_MS ?? 60_000);
const MAX_PUT_ATTEMPTS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const named = (e: unknown, name: string) => (e as { name?: unknown }).name === name;

/** Runs a Create call; what an earlier run left behind is fine. */
async function createOrKeep(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (e) {
    if (!named(e, 'ResourceAlreadyExistsException')) throw e;
  }
}

/** Runs a Delete call; what is already gone is fine. */
async function deleteIfThere(send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (e) {
    if (!named(e, 'ResourceNotFoundException')) throw e;
  }
}

/** Puts the entries and returns their event ids; entries PutEvents answers as failed go again, after a pause. */
async function putAll(entries: PutEventsRequestEntry[]): Promise<string[]> {
  const ids: string[] = [];
  let pending = entries;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_PUT_ATTEMPTS) throw new Error(`PutEvents still refused ${pending.length} entries after ${MAX_PUT_ATTEMPTS} attempts`);
    if (attempt > 1) await sleep(100 * 2 ** (attempt - 2));
    const res = await events.send(new PutEventsCommand({ Entries: pending }));
    const failed: PutEventsRequestEntry[] = [];
    (res.Entries ?? []).forEach((r, i) => (r.EventId ? ids.push(r.EventId) : failed.push(pending[i]!)));
    if ((res.FailedEntryCount ?? 0) > 0) console.log(`PutEvents refused ${res.FailedEntryCount} entries (${res.Entries?.find((r) => r.ErrorCode)?.ErrorCode}); sending them again`);
    pending = failed;
  }
  return ids;
}

/** Reads the log group until every id is there; throws when the deadline passes first. */
async function waitForLog(ids: string[]): Promise<void> {
  const missing = new Set(ids);
  const deadline = Date.now() + READ_DEADLINE_MS;
  for (;;) {
    let nextToken: string | undefined;
    do {
      const page = await logs.send(new FilterLogEventsCommand({ logGroupName: LOG_GROUP_NAME, nextToken }));
      for (const e of page.events ?? []) missing.delete((JSON.parse(e.message ?? '{}') as { id?: string }).id ?? '');
      nextToken = page.nextToken;
    } while (nextToken);
    if (missing.size === 0) return;
    if (Date.now() > deadline) throw new Error(`These events never reached ${LOG_GROUP_NAME}: ${[...missing].join(', ')}`);
    await sleep(250);
  }
}

/** Deletes what main() creates: targets before their rule, the rule before its bus. */
async function cleanUp(): Promise<void> {
  await deleteIfThere(() => events.send(new RemoveTargetsCommand({ Rule: RULE_NAME, EventBusName: BUS_NAME, Ids: [TARGET_ID] })));
  await deleteIfThere(() => events.send(new DeleteRuleCommand({ Name: RULE_NAME, EventBusName: BUS_NAME })));
  await deleteIfThere(() => events.send(new DeleteEventBusCommand({ Name: BUS_NAME })));
  await deleteIfThere(() => logs.send(new DeleteResourcePolicyCommand({ policyName: POLICY_NAME })));
  await deleteIfThere(() => logs.send(new DeleteLogGroupCommand({ logGroupName: LOG_GROUP_NAME })));
}

export async function main(): Promise<void> {
  const run = `run-${Date.now()}`;
  try {
    await createOrKeep(() => events.send(new CreateEventBusCommand({ Name: BUS_NAME })));
    await createOrKeep(() => logs.send(new CreateLogGroupCommand({ logGroupName: LOG_GROUP_NAME })));
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: LOG_GROUP_NAME }));
    const groupArn = groups.logGroups?.find((g) => g.logGroupName === LOG_GROUP_NAME)?.logGroupArn;
    if (!groupArn) throw new Error(`${LOG_GROUP_NAME} was created but is not listed`);
    await logs.send(new PutResourcePolicyCommand({
      policyName: POLICY_NAME,
      policyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: `${groupArn}:*` }],
      }),
    }));
    await events.send(new PutRuleCommand({ Name: RULE_NAME, EventBusName: BUS_NAME, EventPattern: JSON.stringify({ source: [SOURCE], 'detail-type': [DETAIL_TYPE] }) }));
    await events.send(new PutTargetsCommand({ Rule: RULE_NAME, EventBusName: BUS_NAME, Targets: [{ Id: TARGET_ID, Arn: groupArn }] }));
    const entries = [1, 2, 3].map((n) => ({ EventBusName: BUS_NAME, Source: SOURCE, DetailType: DETAIL_TYPE, Detail: JSON.stringify({ run, n }) }));
    const ids = await putAll(entries);
    await waitForLog(ids);
    console.log(`Smoke test passed: ${ids.length} events reached ${LOG_GROUP_NAME}.`);
  } finally {
    await cleanUp();
  }
}
