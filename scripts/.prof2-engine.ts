import { RuleMachine } from '../src/eventbridge/index.ts';
import { flattenEvent } from '../src/eventbridge/event-flatten.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const rules = makeRules(1000, 'com.shop', 1);
const events = makeEvents(500, 3);
const m: any = new RuleMachine();
for (const [n, p] of rules) m.addRule(n, p);
const trie = m.wantedPaths();
const flats = events.map((e) => flattenEvent(e, trie));
console.log('kept leaves/event', flats.reduce((a, f) => a + f.leaves.length, 0) / flats.length);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const T = [0, 0, 0, 0];
for (let k = 0; k < 40; k++) {
  let t = cpu(); for (const e of events) JSON.parse(e); const a = cpu() - t;
  t = cpu(); for (const e of events) flattenEvent(e, trie); const b = cpu() - t;
  t = cpu(); for (const f of flats) m.matchFlat(f); const c = cpu() - t;
  t = cpu(); for (const e of events) m.matchingRules(e); const d = cpu() - t;
  if (k >= 10) { T[0] += a; T[1] += b; T[2] += c; T[3] += d; }
}
console.log('µs/event parse, flatten, matchFlat, total', T.map((x) => (x * 1000 / 15000).toFixed(2)).join(' '));
