import { RuleMachine } from '../src/eventbridge/index.ts';
import { flattenEvent } from '../src/eventbridge/event-flatten.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const rules = makeRules(1000, 'com.shop', 1);
const events = makeEvents(500, 3);
const m: any = new RuleMachine();
for (const [n, p] of rules) m.addRule(n, p);
const trie = m.wantedPaths();
const flats = events.map((e) => flattenEvent(e, trie));
let statesV = 0, pathChecks = 0, leafLookups = 0, hitsT = 0, found = 0;
for (const ev of flats) {
  const q = [m.root]; const seen = new Set();
  while (q.length) { const s = q.pop(); if (seen.has(s)) continue; seen.add(s); statesV++;
    found += s.terminals.size;
    s.paths.forEach((p: string, i: number) => { pathChecks++; const leaves = ev.slots![s.ids[i]]; if (!leaves) return; for (const l of leaves) { leafLookups++; const out: any[] = []; s.machines[i].lookup(l, Math.random(), out); hitsT += out.length; for (const t of out) q.push(t.next); } });
    for (const t of s.absent) if (!ev.slots![m.pathIds.get(t.cond.path)]) q.push(t.next);
  }
}
const n = flats.length;
console.log({ states: statesV / n, pathChecks: pathChecks / n, leafLookups: leafLookups / n, hits: hitsT / n, found: found / n });
