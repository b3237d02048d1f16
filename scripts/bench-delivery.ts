// Throughput of the whole path (PutEvents -> RuleMachine -> input -> handler, trace on) on a ManualClock.
// Run: node scripts/bench-delivery.ts   (prints events/s; nothing is asserted)
import { EventBridgeService } from '../src/eventbridge/bus/event-bridge-service.ts';
import { ManualClock } from '../src/eventbridge/bus/manual-clock.ts';

async function run(rules: number, events: number): Promise<string> {
  const svc = new EventBridgeService({ clock: new ManualClock() });
  let delivered = 0;
  svc.registerFunction('f', () => void delivered++);
  for (let r = 0; r < rules; r++) {
    svc.putRule({ Name: `r${r}`, EventPattern: JSON.stringify({ source: ['shop'], detail: { kind: [`k${r}`] } }) });
    svc.putTargets({ Rule: `r${r}`, Targets: [{ Id: 't', Arn: svc.functionArn('f') }] });
  }
  const started = performance.now();
  for (let i = 0; i < events; i += 10) {
    const Entries = Array.from({ length: 10 }, (_, j) => ({
      Source: 'shop',
      DetailType: 'Bench',
      Detail: JSON.stringify({ kind: `k${(i + j) % rules}`, n: i + j }),
    }));
    svc.putEvents({ Entries });
    if (i % 1000 === 0) await svc.whenIdle();
  }
  await svc.whenIdle();
  const ms = performance.now() - started;
  return `${rules} rules, ${events} events, ${delivered} deliveries: ${Math.round(events / (ms / 1000))} events/s`;
}

await run(10, 2000); // warm-up
for (const rules of [10, 1000]) console.log(await run(rules, 20_000));
