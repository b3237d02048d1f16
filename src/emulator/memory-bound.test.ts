// Memory stays bounded under sustained PutEvents into a log group: the emulator (a child process, so its
// own RSS is measured) runs with small retention caps for 60 s (as the issue asks) at full speed from 4 clients; its RSS must
// stay under RSS_BOUND_MB and the log group must hold exactly the capped number of newest events.
import { readFileSync } from 'node:fs';
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { expect, it } from 'vitest';
import { clientsFor, spawnEmulator } from './test-clients.ts';

/**
 * The documented bound (README). With all seven services loaded (Lambda, SQS, IAM, STS and CloudFormation
 * bring their SDK clients), one run peaked at 330 MB; without the cap the heap grows until the process dies.
 */
export const RSS_BOUND_MB = 400;
const CAP = 5000;
const RUN_MS = 60_000;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

it(`keeps the emulator under ${RSS_BOUND_MB} MB RSS during ${RUN_MS / 1000} s of PutEvents into a log group`, async () => {
  const { url, child } = await spawnEmulator(['--region', 'eu-west-1', '--max-log-events', String(CAP)]);
  const guard = setTimeout(() => child.kill('SIGKILL'), 150_000);
  try {
    const { events, logs } = clientsFor(url);
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/flood' }));
    await events.send(new PutRuleCommand({ Name: 'all', EventPattern: '{"source":["flood"]}' }));
    await events.send(new PutTargetsCommand({ Rule: 'all', Targets: [{ Id: 'l', Arn: 'arn:aws:logs:eu-west-1:123456789012:log-group:/flood' }] }));
    const pad = 'x'.repeat(2000);
    let sent = 0;
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid as number))), 250);
    const end = Date.now() + RUN_MS;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (Date.now() < end) {
        await events.send(new PutEventsCommand({ Entries: Array.from({ length: 10 }, () => ({ Source: 'flood', DetailType: 'd', Detail: JSON.stringify({ n: sent++, pad }) })) }));
      }
    }));
    clearInterval(sampler);
    peak = Math.max(peak, rssMb(child.pid as number));
    let retained = 0;
    let newest = -1;
    for await (const p of paginateFilterLogEvents({ client: logs }, { logGroupName: '/flood' })) {
      for (const e of p.events ?? []) {
        retained++;
        newest = Math.max(newest, (JSON.parse(e.message ?? '{}') as { detail: { n: number } }).detail.n);
      }
    }
    console.log(`memory bound: ${sent} events sent, ${retained} retained, peak RSS ${peak.toFixed(0)} MB (bound ${RSS_BOUND_MB} MB)`);
    expect(sent).toBeGreaterThan(CAP);
    expect(retained).toBe(CAP);
    expect(newest).toBe(sent - 1);
    expect(peak).toBeLessThan(RSS_BOUND_MB);
  } finally {
    clearTimeout(guard);
    child.kill('SIGKILL');
  }
}, 180_000);
