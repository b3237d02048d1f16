// The conformance vectors (verdicts from aws/event-ruler and from real AWS), run
// through both the reference matcher (testEventPattern) and the RuleMachine.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleMachine, testEventPattern, validatePattern } from './index.ts';

interface ConformanceCase {
  id: string;
  feature?: string;
  pattern: unknown;
  event: unknown;
  pattern_text?: string;
  event_text?: string;
  expected?: boolean;
  invalid?: boolean;
  quirk?: boolean;
  raw_number_sensitive?: boolean;
  expected_after_json_parse_roundtrip?: boolean;
  event_ruler_agrees?: boolean;
}

// The vectors live in the repository (provenance and licence in conformance/README.md).
const conformanceDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'conformance');

function loadCases(file: string): ConformanceCase[] {
  return readFileSync(path.join(conformanceDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ConformanceCase);
}

const patternText = (c: ConformanceCase): string => c.pattern_text ?? JSON.stringify(c.pattern);
const eventText = (c: ConformanceCase): string => c.event_text ?? JSON.stringify(c.event);

for (const file of ['eventbridge-patterns.jsonl', 'aws-validated-patterns.jsonl']) {
  const cases = loadCases(file);
  describe(file, () => {
    it('has cases', () => {
      expect(cases.length).toBeGreaterThan(100);
    });
    for (const c of cases) {
      it(`${c.id}${c.quirk ? ' (quirk)' : ''}`, () => {
        const p = patternText(c);
        const problems = validatePattern(p);
        if (c.invalid) {
          expect(problems.length).toBeGreaterThan(0);
          for (const pr of problems) expect(typeof pr.message).toBe('string');
          expect(() => new RuleMachine().addRule('r', p)).toThrow(/not valid/);
          return;
        }
        expect(problems).toEqual([]);
        const e = eventText(c);
        expect(testEventPattern(p, e)).toBe(c.expected);
        const m = new RuleMachine();
        m.addRule('r', p);
        expect(m.matchingRules(e)).toEqual(c.expected ? ['r'] : []);
        if (c.raw_number_sensitive && c.expected_after_json_parse_roundtrip !== undefined) {
          // Parsed objects lose the number spelling; the verdict follows the round trip.
          const po = JSON.parse(p) as object;
          const eo = JSON.parse(e) as object;
          if (JSON.stringify(po) !== 'null' && !JSON.stringify(eo).includes('null')) {
            expect(testEventPattern(po, eo)).toBe(c.expected_after_json_parse_roundtrip);
          }
        }
      });
    }
  });
}

describe('all conformance rules in one RuleMachine', () => {
  it('matches exactly the rules the reference matcher matches, for every event', () => {
    const cases = [...loadCases('eventbridge-patterns.jsonl'), ...loadCases('aws-validated-patterns.jsonl')].filter((c) => !c.invalid);
    const m = new RuleMachine();
    cases.forEach((c, i) => m.addRule(`${i}:${c.id}`, patternText(c)));
    for (const c of cases) {
      const e = eventText(c);
      const want = cases
        .map((r, i) => (testEventPattern(patternText(r), e) ? `${i}:${r.id}` : undefined))
        .filter((x): x is string => x !== undefined)
        .sort();
      expect(m.matchingRules(e)).toEqual(want);
    }
  });
});
