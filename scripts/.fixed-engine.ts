import { RuleMachine } from '../src/eventbridge/index.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const events = makeEvents(500, 3);
const full = new RuleMachine(); for (const [n, p] of makeRules(1000, 'com.shop', 1)) full.addRule(n, p);
const best = [1e9, 1e9];
for (let k = 0; k < 600; k++) {
  const s = (k * 100) % 500;
  let t = performance.now(); for (let i = s; i < s + 100; i++) JSON.parse(events[i]!); const a = performance.now() - t;
  t = performance.now(); for (let i = s; i < s + 100; i++) full.matchingRules(events[i]!); const c = performance.now() - t;
  if (k > 150) { best[0] = Math.min(best[0]!, a); best[1] = Math.min(best[1]!, c); }
}
console.log('µs/event parse, rm', best.map((x) => (x * 10).toFixed(2)).join(' '), 'ratio', (best[0]! / best[1]!).toFixed(2));
