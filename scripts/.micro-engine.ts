import { RuleMachine } from '../src/eventbridge/index.ts';
import { flattenEvent } from '../src/eventbridge/event-flatten.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const rules = makeRules(1000, 'com.shop', 1);
const events = makeEvents(500, 3);
const m: any = new RuleMachine();
for (const [n, p] of rules) m.addRule(n, p);
const trie = m.wantedPaths();
const flats = events.map((e) => flattenEvent(e, trie));
// collect (fm, leaf) pairs visited
const pairs: [any, any][] = [];
for (const ev of flats.slice(0, 100)) {
  const q = [m.root]; const seen = new Set();
  while (q.length) { const s = q.pop(); if (seen.has(s)) continue; seen.add(s);
    s.paths.forEach((p: string, i: number) => { const leaves = ev.slots![s.ids[i]]; if (!leaves) return; for (const l of leaves) { pairs.push([s.machines[i], l]); const out: any[] = []; s.machines[i].lookup(l, -5, out); for (const t of out) q.push(t.next); } });
  }
}
console.log('pairs', pairs.length);
const out: any[] = [];
let st = 1;
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  for (let k = 0; k < 200; k++) for (const [fm, l] of pairs) { out.length = 0; fm.lookup(l, st++, out); }
  console.log('ns/lookup', ((performance.now() - t) * 1e6 / (200 * pairs.length)).toFixed(0));
}
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  for (let k = 0; k < 200; k++) for (const f of flats.slice(0, 100)) m.matchFlat(f);
  console.log('µs/matchFlat', ((performance.now() - t) * 1e3 / (200 * 100)).toFixed(2));
}
const proto = Object.getPrototypeOf(pairs[0]![0]);
const orig = proto.rebuild; let rb = 0; proto.rebuild = function () { rb++; return orig.call(this); };
for (const f of flats.slice(0, 100)) m.matchFlat(f);
console.log('rebuilds', rb);
let maxEx = 0; for (const [fm] of pairs) { maxEx = Math.max(maxEx, fm.transitions.size); }
console.log('max transitions', maxEx);
