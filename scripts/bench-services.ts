// Benchmark of the Lambda, SQS, IAM and CloudFormation endpoints (not a test): CreateStack of the course
// orders template until CREATE_COMPLETE, a rule -> Lambda -> PutEvents -> log group round trip (p50/p99,
// one event at a time), and a function's cold and warm start. Bounded in event count and time.
//   node scripts/bench-services.ts [--events 200] [--seconds 120]
// Until EventBridge and Logs are endpoints themselves, they run behind the test forwarder.
import { CreateStackCommand, DeleteStackCommand, DescribeStacksCommand, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { startServices } from '../src/emulator/services/services.test-support.ts';
import { ordersTemplate } from '../src/emulator/services/cloudformation/orders-template.test-support.ts';

function option(name: string, fallback: number, max: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return Math.min(v, max);
}
const EVENTS = option('events', 200, 1000);
const SECONDS = option('seconds', 120, 600);
const deadline = Date.now() + SECONDS * 1000;

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const ms = (v: number): string => `${v.toFixed(1)} ms`;

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`time limit reached waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function main(): Promise<void> {
  const stack = await startServices();
  const { cloudformation: cfn, events, logs, lambda } = stack.clients;
  try {
    let t = performance.now();
    await cfn.send(new CreateStackCommand({ StackName: 'bench', TemplateBody: ordersTemplate('1'), Capabilities: ['CAPABILITY_IAM'] }));
    await until(async () => {
      const s = (await cfn.send(new DescribeStacksCommand({ StackName: 'bench' }))).Stacks?.[0]?.StackStatus;
      if (s !== undefined && s !== 'CREATE_IN_PROGRESS' && s !== 'CREATE_COMPLETE') throw new Error(`stack ended ${s}`);
      return s === 'CREATE_COMPLETE' ? s : undefined;
    }, 'CREATE_COMPLETE');
    const created = performance.now() - t;
    const count = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'bench' }))).StackResources?.length ?? 0;
    console.log(`CreateStack (${count} resources) to CREATE_COMPLETE: ${ms(created)}`);

    const rule = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'bench', LogicalResourceId: 'BilledRule' }))).StackResources?.[0]?.PhysicalResourceId ?? '';
    const ruleName = rule.split('|').pop() ?? '';
    const group = '/course/bench/audit';
    const stream = `${ruleName}-audit`;
    const trips: number[] = [];
    for (let i = 0; i < EVENTS && Date.now() < deadline; i += 1) {
      t = performance.now();
      await events.send(new PutEventsCommand({ Entries: [{ EventBusName: 'orders-dev', Source: 'course.orders', DetailType: 'OrderPlaced', Detail: JSON.stringify({ orderId: `o-${i}` }) }] }));
      await until(async () => {
        const got = await logs.send(new GetLogEventsCommand({ logGroupName: group, logStreamName: stream, startFromHead: true })).catch(() => undefined);
        return (got?.events?.length ?? 0) > i ? true : undefined;
      }, `event ${i} in ${group}`);
      trips.push(performance.now() - t);
    }
    trips.sort((a, b) => a - b);
    console.log(`rule -> Lambda -> PutEvents -> log group, ${trips.length} events one at a time: p50 ${ms(percentile(trips, 50))}, p99 ${ms(percentile(trips, 99))}`);

    await lambda.send(new CreateFunctionCommand({
      FunctionName: 'bench-start', Runtime: 'nodejs22.x', Role: 'arn:aws:iam::000000000000:role/bench', Handler: 'index.handler',
      Code: { ZipFile: zipSync({ 'index.js': strToU8("exports.handler = async (e) => e;") }) },
    }));
    t = performance.now();
    await lambda.send(new InvokeCommand({ FunctionName: 'bench-start', Payload: strToU8('{}') }));
    const cold = performance.now() - t;
    const warm: number[] = [];
    for (let i = 0; i < 50 && Date.now() < deadline; i += 1) {
      t = performance.now();
      await lambda.send(new InvokeCommand({ FunctionName: 'bench-start', Payload: strToU8('{}') }));
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    console.log(`Invoke (RequestResponse, logs written): cold ${ms(cold)}, warm p50 ${ms(percentile(warm, 50))} (${warm.length} calls)`);
    await cfn.send(new DeleteStackCommand({ StackName: 'bench' }));
  } finally {
    await stack.close();
  }
}

await main();
