import { describe, expect, it } from 'vitest';
import { parseLabDefinition } from './lab-definition.ts';
import { serveSession } from './serve-session.ts';
import type { SessionMessage } from './session-protocol.ts';
import { MAX_OUTPUT_LINES, OUTPUT_TRUNCATED } from './output-limits.ts';
import type { LabHandler } from './lab-scenario.ts';

const definition = parseLabDefinition({
  bus: { rules: [{ name: 'all', pattern: { inline: { source: ['s'] } }, targets: [{ id: 'fn', function: 'fn' }] }], functions: { fn: { file: 'fn.js' } } },
  events: { one: { source: 's', 'detail-type': 'D', detail: {} } },
  checks: [{ id: 'called', type: 'handler-called', events: ['one'], function: 'fn', with: {}, title: 'called', failure: 'not called' }],
});

async function serve(handler: LabHandler): Promise<SessionMessage[]> {
  const posted: SessionMessage[] = [];
  await serveSession({ kind: 'run', labId: 't', definition, files: { 'fn.js': '' } }, (m) => posted.push(m), { loadHandler: async () => handler });
  return posted;
}

describe('serveSession output', () => {
  it('batches output lines and keeps them before the messages that follow them', async () => {
    const posted = await serve(async () => {
      for (let i = 0; i < 120; i++) console.log(`line ${i}`);
    });
    const batches = posted.filter((m) => m.type === 'output');
    expect(batches.length).toBeLessThanOrEqual(3);
    expect(batches.flatMap((b) => b.lines.map((l) => l.text))).toEqual(Array.from({ length: 120 }, (_, i) => `line ${i}`));
    expect(posted.findIndex((m) => m.type === 'output')).toBeLessThan(posted.findIndex((m) => m.type === 'exit'));
  });

  it('caps output at the line limit with one "output truncated" notice, in the stream and in the report', async () => {
    const posted = await serve(async () => {
      for (let i = 0; i < 100_000; i++) console.log('x');
    });
    const streamed = posted.flatMap((m) => (m.type === 'output' ? m.lines : []));
    expect(streamed).toHaveLength(MAX_OUTPUT_LINES + 1);
    expect(streamed.at(-1)?.text).toBe(OUTPUT_TRUNCATED);
    const done = posted.find((m) => m.type === 'done');
    expect(done?.type === 'done' && done.report.output.length).toBe(MAX_OUTPUT_LINES + 1);
  });
});
