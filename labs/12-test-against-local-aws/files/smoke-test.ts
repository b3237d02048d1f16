// A smoke test of an EventBridge-to-CloudWatch-Logs route, with the real AWS SDK. Run it with
//   AWS_ENDPOINT_URL=http://127.0.0.1:4010 node run.ts   (against npm run emulator)
//   node run.ts                                          (in your own account, with your default credentials)
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { BUS_NAME, DETAIL_TYPE, LOG_GROUP_NAME, POLICY_NAME, RULE_NAME, SOURCE, TARGET_ID } from './smoke-names.ts';

const events = new EventBridgeClient({});
const logs = new CloudWatchLogsClient({});

/** How long to wait for the events to show up in the log group (the lab sets a shorter one). */
const READ_DEADLINE_MS = Number(process.env.READ_DEADLINE_MS ?? 60_000);

export async function main(): Promise<void> {
  // 1. Create the bus BUS_NAME, the log group LOG_GROUP_NAME, the resource policy POLICY_NAME that lets
  //    EventBridge write into the group, the rule RULE_NAME on the bus (SOURCE / DETAIL_TYPE) and its target TARGET_ID.
  // 2. Put a few events in one PutEvents, and send again the entries it answers as failed.
  // 3. Read the log group back until every event you put is there (by id), or READ_DEADLINE_MS has passed: then throw.
  // 4. Delete everything you created, in an order AWS accepts, also when a step above failed.
  console.log('Not written yet:', { BUS_NAME, LOG_GROUP_NAME, POLICY_NAME, RULE_NAME, TARGET_ID, SOURCE, DETAIL_TYPE, READ_DEADLINE_MS, events: typeof events, logs: typeof logs });
}
