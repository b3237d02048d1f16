import { describe, expect, it } from 'vitest';
import { NodeLabRunner } from './node-runner.ts';
import { parseLabDefinition } from './lab-definition.ts';
import type { LabTraceEntry, OutputLine } from './lab-types.ts';

const definition = parseLabDefinition({
  bus: {
    rules: [{ name: 'all', pattern: { inline: { source: ['s'] } }, targets: [{ id: 'fn', function: 'fn' }] }],
    functions: { fn: { file: 'fn.ts', timeoutMs: 300 } },
  },
  events: { one: { source: 's', 'detail-type': 'D', detail: { n: 1 } } },
  checks: [{ id: 'called', type: 'handler-called', events: ['one'], function: 'fn', with: { detail: { n: 1 } }, title: 'called', failure: 'not called' }],
});

describe('NodeLabRunner (the LabRunner interface in a Node worker thread)', () => {
  it('mounts files, streams output and trace, checks, and disposes', async () => {
    const runner = new NodeLabRunner();
    await runner.mount({ id: 'test', definition, files: { 'fn.ts': 'export function handler(e: { detail: { n: number } }): void { console.log("got", e.detail.n); }' } });
    const lines: OutputLine[] = [];
    const trace: LabTraceEntry[] = [];
    const run = await runner.run({ onOutput: (l) => lines.push(l), onTrace: (t) => trace.push(t) });
    expect(lines).toContainEqual({ stream: 'log', text: 'got 1' });
    expect(trace.map((t) => t.kind)).toContain('attempt.succeeded');
    expect(run.trace.length).toBe(trace.length);
    const results: string[] = [];
    const report = await runner.check({ onResult: (r) => results.push(r.status) });
    expect(report.passed).toBe(true);
    expect(results).toEqual(['passed']);
    runner.dispose();
    await expect(runner.run()).rejects.toThrow(/mount\(\) a lab first/);
  });

  it('stops a synchronous endless loop after the handler timeout and can run again', async () => {
    const runner = new NodeLabRunner();
    await runner.mount({ id: 'test', definition, files: { 'fn.ts': 'export function handler(): void { for (;;) {} }' } });
    const report = await runner.run();
    expect(report.output.at(-1)?.text).toMatch(/fn \(fn\.ts\) ran longer than its 0\.3 s timeout/);
    await runner.mount({ id: 'test', definition, files: { 'fn.ts': 'export function handler(): void {}' } });
    expect((await runner.check()).passed).toBe(true);
  });

  it("points the handler's own SDK client at the session's bus through the environment, as a deployed function reads it", async () => {
    const emitting = parseLabDefinition({
      bus: {
        rules: [{ name: 'all', pattern: { inline: { source: ['s'] } }, targets: [{ id: 'fn', function: 'fn' }] }],
        functions: { fn: { file: 'fn.ts', timeoutMs: 3000 } },
      },
      events: { one: { source: 's', 'detail-type': 'D', detail: { n: 1 } } },
      checks: [{ id: 'emitted', type: 'emitted', events: ['one'], event: { source: 'done', detail: { n: 1, fn: 'fn', region: 'us-east-1' } }, title: 'emitted', failure: 'not emitted' }],
    });
    const code = `import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
      const client = new EventBridgeClient({});
      export const handler = async (e: { detail: { n: number } }, context: { functionName: string; getRemainingTimeInMillis(): number }) => {
        console.log('endpoint', process.env.AWS_ENDPOINT_URL_EVENTBRIDGE, context.getRemainingTimeInMillis() > 0);
        const detail = { n: e.detail.n, fn: context.functionName, region: process.env.AWS_REGION };
        const res = await client.send(new PutEventsCommand({ Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'done', DetailType: 'Done', Detail: JSON.stringify(detail) }] }));
        if (res.FailedEntryCount) throw new Error('rejected');
      };`;
    const runner = new NodeLabRunner();
    await runner.mount({ id: 'test', definition: emitting, files: { 'fn.ts': code } });
    const report = await runner.check();
    expect(report.results[0]?.message).toBeUndefined();
    expect(report.passed).toBe(true);
    const run = await runner.run();
    expect(run.output.map((l) => l.text).join('\n')).toMatch(/endpoint http:\/\/127\.0\.0\.1:\d+ true/);
  });

  it('cancels with an AbortSignal', async () => {
    const runner = new NodeLabRunner();
    await runner.mount({ id: 'test', definition, files: { 'fn.ts': 'export async function handler(): Promise<void> { await new Promise((r) => setTimeout(r, 200)); }' } });
    const ctl = new AbortController();
    const pending = runner.run({ signal: ctl.signal });
    ctl.abort();
    const report = await pending;
    expect(report.output.at(-1)?.text).toBe('Cancelled.');
  });
});
