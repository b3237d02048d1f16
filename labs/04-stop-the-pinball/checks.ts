// Custom checks for lab 04, referenced by name from checks.json ({ "type": "custom", "name": ... }).
import type { CustomChecks } from '../../src/labs/run-checks.ts';

/** The follow-up events each event should cause, in order: the intended flow and nothing more (any event not listed: nothing). */
const expected: Record<string, string[]> = {
  'order-1001': ['OrderAccepted', 'OrderReady', 'OrderCompleted'],
  'order-2002': ['OrderAccepted', 'OrderReady', 'OrderCompleted'],
  'order-1002-cancelled': [],
  'kitchen-opened': [],
  'accepted-o-2001': ['OrderReady', 'OrderCompleted'],
  'completed-o-2001': [],
};

const list = (types: string[]): string => (types.length ? types.join(', ') : 'nothing');

export const checks: CustomChecks = {
  async noPinball({ definition, run }) {
    const problems: string[] = [];
    // One event at a time (samples and hold-outs), so every follow-up event is known to come from that event.
    for (const name of [...Object.keys(definition.events), ...Object.keys(definition.holdouts ?? {})]) {
      const obs = await run([name]);
      if (obs.setupProblems.length) return { passed: false, message: obs.setupProblems.join('\n') };
      const loop = obs.trace.find((t) => t.kind === 'loop.warning');
      if (loop) {
        // The full chain is in the trace; the repeating part is what the learner must break.
        const repeating = /Repeating: (.*)$/.exec(loop.message)?.[1];
        problems.push(`${name}: the bus stopped a loop (${repeating ? `repeating ${repeating}` : loop.message}).`);
        continue;
      }
      const caused = obs.emitted.map((e) => String(e['detail-type']));
      const want = expected[name] ?? [];
      if (caused.join('>') !== want.join('>')) problems.push(`${name} caused ${list(caused)}; expected ${list(want)}.`);
    }
    return problems.length ? { passed: false, message: problems.join('\n') } : { passed: true };
  },
};
