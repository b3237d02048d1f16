import { RuleMachine } from '../src/eventbridge/index.ts';
import { makeEvents, makeRules } from './bench-engine.ts';
const rules = makeRules(1000, 'com.shop', 1);
const events = makeEvents(500, 3);
const m = new RuleMachine();
for (const [n, p] of rules) m.addRule(n, p);
for (let k = 0; k < 60; k++) for (const e of events) m.matchingRules(e);
