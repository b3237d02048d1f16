// A script lab's script behind the grader's boundary (a child process, no network, no files), tried as an
// attacker would: honest code reaches the local AWS with both real SDK clients over the pipe; a script that loops,
// reaches for files or the network, or floods its output fails its own checks, in bounded time, and nothing else.
import { describe, expect, it } from 'vitest';
import { useTrapServer } from './trap-server.test-support.ts';
import { parseLabDefinition } from '../lab-definition.ts';
import type { LabCheckReport } from '../lab-types.ts';
import { SandboxedLabRunner } from './sandboxed-runner.ts';

const definition = parseLabDefinition({
  script: { file: 'script.ts', timeoutMs: 1500 },
  bus: { rules: [] },
  events: {},
  checks: [
    { id: 'runs', type: 'script-runs', expect: 'returns', title: 'runs', failure: 'it did not run' },
    { id: 'own-bus', type: 'script-custom-bus', title: 'own bus', failure: 'no rule on its bus' },
  ],
});

// What an honest script does first: a bus, a log group and a rule, through both real clients.
const PRELUDE = `import { CreateEventBusCommand, EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient, CreateLogGroupCommand } from '@aws-sdk/client-cloudwatch-logs';
const build = async () => {
  await new EventBridgeClient({}).send(new CreateEventBusCommand({ Name: 'b' }));
  await new CloudWatchLogsClient({}).send(new CreateLogGroupCommand({ logGroupName: '/aws/events/b' }));
  await new EventBridgeClient({}).send(new PutRuleCommand({ Name: 'r', EventBusName: 'b', EventPattern: '{"source":["s"]}' }));
};
`;

async function grade(code: string): Promise<{ report: LabCheckReport; ms: number }> {
  const started = Date.now();
  const runner = new SandboxedLabRunner({ loadLimitMs: 3000 });
  await runner.mount({ id: 'sandbox-script', definition, files: { 'script.ts': PRELUDE + code } });
  const report = await runner.check();
  return { report, ms: Date.now() - started };
}

const status = (r: LabCheckReport) => r.results.map((x) => `${x.id}:${x.status}`);
const said = (r: LabCheckReport) => r.results.map((x) => x.message ?? '').join('\n');

const trap = useTrapServer();

describe('a lab script in the grader sandbox', () => {
  it('reaches the local AWS with the real EventBridge and CloudWatch Logs clients over the pipe', async () => {
    const { report } = await grade('export async function main() { await build(); }');
    // It built the rule on its own bus; it returned without putting events, which script-runs does not accept.
    expect(status(report)).toEqual(['runs:failed', 'own-bus:passed']);
    expect(said(report)).toContain('returned without putting any event');
  });

  it('a script that loops forever is stopped at its timeout, and fails its own checks', async () => {
    const { report, ms } = await grade('export async function main() { await build(); for (;;) {} }');
    expect(ms).toBeLessThan(15_000);
    expect(report.results[0]?.status).toBe('failed');
    expect(said(report)).toMatch(/(Stopped: script\.ts did not finish within 1\.5 s|did not finish within 1500 ms)/);
  });

  it('a script cannot read files or reach the network; it fails its own checks', async () => {
    const fsRead = await grade(`import { readFileSync } from 'node:fs';
      export async function main() { await build(); console.log(readFileSync('/etc/passwd', 'utf8')); }`);
    expect(fsRead.report.results[0]?.status).toBe('failed');
    expect(said(fsRead.report)).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted/);
    expect(JSON.stringify(fsRead.report)).not.toMatch(/root:x:0:0/);
    const net = await grade(`export async function main() { await build(); await (globalThis as any).fetch('http://127.0.0.1:${trap.port()}/'); }`);
    expect(net.report.results[0]?.status).toBe('failed');
    expect(trap.connections()).toBe(0);
  });

  it('a script that floods its output is cut off and fails its own checks in bounded time', async () => {
    const { report, ms } = await grade("export async function main() { for (let i = 0; i < 200_000; i++) console.log('x'.repeat(200)); }");
    expect(ms).toBeLessThan(20_000);
    expect(report.results[0]?.status).toBe('failed');
    expect(JSON.stringify(report).length).toBeLessThan(100_000);
  });
});
