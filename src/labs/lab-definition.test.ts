import { describe, expect, it } from 'vitest';
import { LabDefinitionError, parseLabDefinition, parseWrongAnswer } from './lab-definition.ts';

const valid = {
  bus: { rules: [{ name: 'r', pattern: { file: 'p.json' }, targets: [{ id: 't', function: 'f' }] }] },
  events: { e: { source: 's', 'detail-type': 'D', detail: {} } },
  holdouts: { h: { source: 's', 'detail-type': 'D', detail: { n: 1 } } },
  checks: [{ id: 'arrives', type: 'routes', events: ['e', 'h'], target: 't', expect: 'reach', title: 'T', failure: 'F' }],
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
  it('accepts a valid definition, as JSON text too, hold-outs included', () => {
    const def = parseLabDefinition(JSON.stringify(valid));
    expect(def.checks).toHaveLength(1);
    expect(Object.keys(def.holdouts ?? {})).toEqual(['h']);
  });

  it('names every field that is wrong', () => {
    const bad = {
      ...valid,
      events: { e: { source: 's', detail: {} } },
      checks: [
        { id: 'one', type: 'routes', events: ['e'], target: 't', expect: 'maybe', title: 'T' },
        { id: 'two', type: 'teleport', title: 'x', failure: 'y' },
        { id: 'Three Words', type: 'schema', title: 'S', failure: 'F', file: 's.json' },
      ],
    };
    const list = problems(bad);
    expect(list).toContain('events.e.detail-type: must be a string');
    expect(list).toContain('checks[0].failure: is required (what to look at when it fails)');
    expect(list).toContain('checks[0].expect: must be "reach" or "not-reach"');
    expect(list.some((p) => p.startsWith('checks[1].type: must be one of: pattern-valid'))).toBe(true);
    expect(list).toContain('checks[2].id: must be kebab-case, e.g. big-orders-arrive');
  });

  it('checks names across the file: events, targets, functions and unique ids', () => {
    const list = problems({
      ...valid,
      holdouts: { e: { source: 's', 'detail-type': 'D', detail: {} } },
      checks: [
        { id: 'a', type: 'routes', events: ['nope'], target: 'ghost', expect: 'reach', title: 'T', failure: 'F' },
        { id: 'a', type: 'schema', title: 'S', failure: 'F', file: 's.json', accepts: ['missing'] },
        { id: 'b', type: 'handler-succeeds', events: ['e'], function: 'f', title: 'S', failure: 'F' },
      ],
    });
    expect(list).toEqual([
      'holdouts.e: has the name of a sample event; hold-outs need their own names',
      'checks[0].events: names event "nope", which is in neither events nor holdouts',
      'checks[0].target: "ghost" is not a target Id in bus.rules',
      'checks[1].id: "a" is the id of an earlier check; ids must be unique',
      'checks[1]: names event "missing", which is in neither events, holdouts nor examples',
      'checks[2].function: "f" is not in bus.functions',
    ]);
  });

  it('requires an archive for archived checks and a replay for replayed ones, and an ISO time on events', () => {
    const list = problems({
      ...valid,
      events: { e: { source: 's', 'detail-type': 'D', detail: {}, time: '10:00' } },
      checks: [
        { id: 'a', type: 'archived', events: ['h'], expect: 'stored', title: 'T', failure: 'F' },
        { id: 'b', type: 'replayed', events: ['h'], target: 't', expect: 'reach', title: 'T', failure: 'F' },
      ],
    });
    expect(list).toContain('events.e.time: must be an ISO 8601 date-time such as 2026-03-14T10:15:00Z');
    expect(problems({ ...valid, checks: [{ id: 'a', type: 'archived', events: ['h'], expect: 'stored', title: 'T', failure: 'F' }, { id: 'b', type: 'replayed', events: ['h'], target: 't', expect: 'reach', title: 'T', failure: 'F' }] })).toEqual([
      'checks[0].type: an "archived" check needs bus.archive',
      'checks[1].type: a "replayed" check needs bus.replay',
    ]);
  });

  it('checks that buses, schedules and the clock a lab names exist', () => {
    const list = problems({
      ...valid,
      bus: {
        rules: [{ name: 'r', eventBus: 'nope', pattern: { file: 'p.json' }, targets: [{ id: 't', eventBus: 'gone' }] }],
        schedules: [{ name: 's', file: 's.json', targets: [{ id: 'x', function: 'x' }] }],
      },
      checks: [{ id: 'a', type: 'scheduled', rule: 'other', times: [], title: 'T', failure: 'F' }],
    });
    expect(list).toEqual([
      'bus.rules[0].eventBus: "nope" is not in bus.buses',
      'bus: target t names bus "gone", which is not in bus.buses',
      'bus.schedules: need a clock to run on',
      'checks[0].rule: "other" is not in bus.schedules',
    ]);
  });

  it('checks that a dead-lettered check names a lab queue, and that invoke settings have a clock', () => {
    const list = problems({
      ...valid,
      bus: { rules: [{ name: 'r', pattern: { file: 'p.json' }, targets: [{ id: 't', function: 'f' }] }], functions: { f: { file: 'f.ts', invokeConfig: { file: 'invoke.json' } } }, queues: ['failed', 'not a name'] },
      checks: [
        { id: 'a', type: 'dead-lettered', events: ['h'], queue: 'other', expect: 'stored', title: 'T', failure: 'F' },
        { id: 'b', type: 'emits-per-event', events: ['h'], detailType: 'Done', count: -1, title: 'T', failure: 'F' },
      ],
    });
    expect(list).toContain('bus.queues[1]: must be an SQS queue name');
    expect(list).toContain('checks[0].queue: "other" is not in bus.queues');
    expect(list).toContain("bus.functions.f.invokeConfig: needs a clock, so that Lambda's retries take no real time");
    expect(list.some((l) => l.startsWith('checks[1].count:'))).toBe(true);
  });

  it('checks a script lab: script checks need a script, their worlds and events are named, the script entry is strict', () => {
    const script = { ...valid, script: { file: 'smoke-test.ts', export: 'main', env: { READ_DEADLINE_MS: '1000' } } };
    const ok = [
      { id: 'a', type: 'script-runs', expect: 'returns', world: { failEntry: 'ThrottlingException', logDelayMs: 400 }, title: 'T', failure: 'F' },
      { id: 'b', type: 'script-pattern', matches: ['h'], misses: ['e'], title: 'T', failure: 'F' },
    ];
    expect(problems({ ...script, checks: ok })).toEqual([]);
    expect(problems({ ...valid, checks: ok })).toContain('checks[0].type: a "script-runs" check needs "script"');
    const list = problems({
      ...script,
      script: { file: 'smoke-test.ts', exports: 'main' },
      checks: [
        { id: 'a', type: 'script-runs', expect: 'passes', world: { failEntry: 'Throttled', logDelayMs: 5000, crash: true }, title: 'T', failure: 'F' },
      ],
    });
    expect(list).toContain('script: has unknown field(s) exports: use file, export, timeoutMs or env');
    expect(list).toContain('checks[0].expect: must be "returns" or "throws"');
    expect(list).toContain('checks[0].world.failEntry: must be "ThrottlingException" or "InternalFailure"');
    expect(list).toContain('checks[0].world.logDelayMs: must be at most 2000 ms');
    expect(list).toContain('checks[0].world: has unknown field(s) crash: use failEntry, logDelayMs, lose or leftovers');
    const named = problems({ ...script, checks: [{ id: 'b', type: 'script-pattern', matches: ['nope'], misses: ['e'], title: 'T', failure: 'F' }] });
    expect(named).toEqual(['checks[0]: names event "nope", which is in neither events nor holdouts']);
  });

  it('requires rules, a pattern source and a target kind', () => {
    const list = problems({ bus: { rules: [{ name: 'r', pattern: 'x', targets: [{ id: 't' }] }] }, events: {}, checks: [] });
    expect(list).toContain('bus.rules[0].pattern: must be { "file": "name" } or { "inline": ... }');
    expect(list).toContain('bus.rules[0].targets[0]: needs one of "function", "logGroup" or "eventBus"');
    expect(list).toContain('checks: must be a non-empty list');
  });

  it('says so when the text is not JSON or not an object', () => {
    expect(problems('{ nope')[0]).toMatch(/^the file is not valid JSON/);
    expect(problems([])).toEqual(['the file must hold a JSON object']);
  });
});

describe('parseWrongAnswer', () => {
  it('reads an expect.json and names a missing field', () => {
    expect(parseWrongAnswer('{"mistake":"m","failsFirst":"a","mentions":["x"]}', 'w').failsFirst).toBe('a');
    expect(() => parseWrongAnswer('{"mistake":"m","failsFirst":"a"}', 'w/expect.json')).toThrow('w/expect.json: mentions: is required');
    expect(() => parseWrongAnswer('{"mistake":"m","failsFirst":"a","mentions":[],"extra":1}', 'w')).toThrow(/mentions: must name at least one text/);
  });
});
