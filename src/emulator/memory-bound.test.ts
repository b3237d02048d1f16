// Memory stays bounded under sustained PutEvents into a log group: the emulator (a child process, so its
// own RSS is measured) runs with small retention caps for 12 s at full speed from 4 clients; its RSS must
// stay under RSS_BOUND_MB and the log group must hold exactly the capped number of newest events.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateLogGroupCommand, paginateFilterLogEvents } from '@aws-sdk/client-cloudwatch-logs';
import { expect, it } from 'vitest';
import { clientsFor } from './test-clients.ts';

/** The documented bound (README): a fresh emulator uses about 120 MB; the cap keeps it well below this. */
export const RSS_BOUND_MB = 320;
const CAP = 5000;
const RUN_MS = 12_000;

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

it(`keeps the emulator under ${RSS_BOUND_MB} MB RSS during ${RUN_MS / 1000} s of PutEvents into a log group`, async () => {
  const child = spawn(process.execPath, ['src/emulator/main.ts', '--port', '0', '--quiet', '--region', 'eu-west-1', '--max-log-events', String(CAP)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1] as string);
      });
      child.once('exit', () => reject(new Error('the emulator exited early')));
    });
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
}, 90_000);
