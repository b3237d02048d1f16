import { RuleMachine } from '../src/eventbridge/index.ts';
import { makeRules } from './bench-engine.ts';
const all = [...makeRules(1000, 'com.shop', 1), ...makeRules(9000, 'org.other', 2)];
const texts = all.map(([n, p]) => [n, JSON.stringify(p)] as const);
for (let r = 0; r < 3; r++) {
  const t = performance.now();
  const m = new RuleMachine();
  for (const [n, p] of texts) m.addRule(n, p);
  console.log('build ms', (performance.now() - t).toFixed(0));
}
