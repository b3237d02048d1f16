// Custom checks for lab 03, referenced by name from checks.json ({ "type": "custom", "name": ... }).
import type { CustomChecks } from '../../src/labs/run-checks.ts';

export const checks: CustomChecks = {
  async oneConfirmationPerOrder({ run }) {
    const obs = await run();
    const loops = obs.trace.filter((t) => t.kind === 'loop.warning');
    if (loops.length) return { passed: false, message: loops[0]!.message };
    const confirmations = obs.emitted.filter((e) => e['detail-type'] === 'OrderConfirmed');
    const orders = obs.eventIds.size;
    if (confirmations.length !== orders) return { passed: false, message: `${orders} order(s) caused ${confirmations.length} OrderConfirmed event(s).` };
    return { passed: true };
  },
};
