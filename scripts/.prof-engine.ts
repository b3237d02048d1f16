import { RuleMachine } from '../src/eventbridge/index.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const rules = makeRules(1000, 'com.shop', 1);
const events = makeEvents(500, 3);
const m = new RuleMachine();
for (const [n, p] of rules) m.addRule(n, p);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let tp = 0, tr = 0;
for (let k = 0; k < 40; k++) {
  let t = cpu(); for (const e of events) JSON.parse(e); const a = cpu() - t; 
  t = cpu(); for (const e of events) m.matchingRules(e); const b = cpu() - t;
  if (k >= 10) { tp += a; tr += b; }
}
console.log('parse/s', Math.round(30 * 500 / tp * 1000), 'rm/s', Math.round(30 * 500 / tr * 1000), 'ratio', (tp / tr).toFixed(2));
