import { describe, expect, it } from 'vitest';
import { LabDefinitionError, parseLabDefinition } from './lab-definition.ts';

const valid = {
  bus: { rules: [{ name: 'r', pattern: { file: 'p.json' }, targets: [{ id: 't', function: 'f' }] }] },
  events: { e: { source: 's', 'detail-type': 'D', detail: {} } },
  checks: [{ type: 'routes', events: ['e'], target: 't', expect: 'reach', title: 'T', failure: 'F' }],
};

function problems(value: unknown): string[] {
  try {
    parseLabDefinition(value);
    return [];
  } catch (e) {
    return (e as LabDefinitionError).problems;
  }
}

describe('parseLabDefinition', () => {
  it('accepts a valid definition, as JSON text too', () => {
    expect(parseLabDefinition(JSON.stringify(valid)).checks).toHaveLength(1);
  });

  it('names every field that is wrong', () => {
    const bad = {
      ...valid,
      events: { e: { source: 's', detail: {} } },
      checks: [
        { type: 'routes', events: ['nope'], target: 'ghost', expect: 'maybe', title: 'T' },
        { type: 'teleport', title: 'x', failure: 'y' },
        { type: 'schema', title: 'S', failure: 'F', file: 's.json', accepts: ['missing'] },
      ],
    };
    const list = problems(bad);
    expect(list).toContain('events.e needs "source", "detail-type" (strings) and "detail" (an object)');
    expect(list).toContain('checks[0].failure is required (what to look at when it fails)');
    expect(list).toContain('checks[0] names event "nope", which is not in events');
    expect(list).toContain('checks[0].target "ghost" is not a target Id in bus.rules');
    expect(list).toContain('checks[0].expect must be "reach" or "not-reach"');
    expect(list.some((p) => p.startsWith('checks[1].type must be one of'))).toBe(true);
    expect(list).toContain('checks[2] names event "missing", which is in neither events nor examples');
  });

  it('requires rules, a pattern source and a target kind', () => {
    const list = problems({ bus: { rules: [{ name: 'r', pattern: 'x', targets: [{ id: 't' }] }] }, events: {}, checks: [] });
    expect(list).toContain('bus.rules[0].pattern must be { "file": "name" } or { "inline": ... }');
    expect(list).toContain('bus.rules[0].targets[0] needs "function" or "logGroup"');
    expect(list).toContain('checks must be a non-empty list');
  });
});
