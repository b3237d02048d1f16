import { RuleMachine } from '../src/eventbridge/index.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const rules = makeRules(1000, 'com.shop', 1);
const events = makeEvents(50, 3);
const m: any = new RuleMachine();
for (const [n, p] of rules) m.addRule(n, p);
let states = 0, fms = 0, leaves = 0, scans = 0, trans=0;
const root = m.root;
// count structure
const seen = new Set(); let maxPaths = 0; let totalScan = 0;
const walk = (s: any) => { if (seen.has(s)) return; seen.add(s); maxPaths = Math.max(maxPaths, s.byPath.size); for (const t of s.trans.values()) { trans++; walk(t.next);} };
walk(root);
console.log('states', seen.size, 'trans', trans, 'maxPaths', maxPaths, 'rootPaths', [...root.byPath.keys()]);
const origLookup = Object.getPrototypeOf([...root.byPath.values()][0]).lookup;
let lookups = 0;
Object.getPrototypeOf([...root.byPath.values()][0]).lookup = function (...a: any[]) { lookups++; scans += this.scan?.length ?? 0; return origLookup.apply(this, a); };
const origEnq = m.enqueue.bind(m); let enq = 0;
m.enqueue = (...a: any[]) => { enq++; return origEnq(...a); };
for (const e of events) m.matchingRules(e);
console.log('per event: lookups', lookups / events.length, 'scan entries', scans / events.length, 'enqueues', enq / events.length);
// per-path stats in fms visited
const fmStats: any[] = [];
for (const s of seen as Set<any>) for (const [p, fm] of s.byPath) { fm.lookup({ path: p, kind: 0, s: '', num: undefined, arrays: [] }, -1, []); fmStats.push([p, fm.transitions.size, fm.ranges.length, fm.prefixLens.length, fm.scan.length, fm.exact.size]); }
fmStats.sort((a, b) => b[1] - a[1]);
console.log(fmStats.slice(0, 10));
