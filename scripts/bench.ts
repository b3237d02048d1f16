// `npm run bench`: every benchmark, one after the other (never in parallel: the machine is shared and small).
// Figures are written into the README by hand; nothing here is asserted.
import { spawnSync } from 'node:child_process';

const benches = ['scripts/bench-engine.ts', 'scripts/bench-delivery.ts', 'scripts/bench-emulator.ts'];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench}`);
  const r = spawnSync(process.execPath, [bench, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
