// Reads and checks a lab's checks.json, so an author's mistake names the field and the problem.
import type { LabCheck, LabDefinition } from './lab-types.ts';

const CHECK_FIELDS: Record<LabCheck['type'], string[]> = {
  'pattern-valid': ['file'],
  'input-valid': ['file'],
  routes: ['events', 'target', 'expect'],
  'handler-called': ['events', 'function', 'with'],
  emitted: ['events', 'event'],
  'log-contains': ['events', 'logGroup', 'contains'],
  schema: ['file'],
  custom: ['name'],
};

export class LabDefinitionError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`checks.json is not valid:\n- ${problems.join('\n- ')}`);
    this.name = 'LabDefinitionError';
    this.problems = problems;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkSource(where: string, v: unknown, problems: string[]): void {
  if (!isRecord(v) || (typeof v.file !== 'string' && !('inline' in v))) problems.push(`${where} must be { "file": "name" } or { "inline": ... }`);
}

/** Returns the definition typed, or throws LabDefinitionError listing every problem found. */
export function parseLabDefinition(raw: unknown): LabDefinition {
  const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
  const problems: string[] = [];
  if (!isRecord(value)) throw new LabDefinitionError(['the file must hold a JSON object']);
  const bus = value.bus;
  const events = isRecord(value.events) ? value.events : {};
  if (!isRecord(value.events)) problems.push('events must be an object of named events');
  const examples = isRecord(value.examples) ? value.examples : {};
  const targetIds = new Set<string>();
  if (!isRecord(bus) || !Array.isArray(bus.rules)) problems.push('bus.rules must be a list of rules');
  else {
    bus.rules.forEach((rule: unknown, i: number) => {
      const at = `bus.rules[${i}]`;
      if (!isRecord(rule) || typeof rule.name !== 'string') return problems.push(`${at}.name is required`);
      checkSource(`${at}.pattern`, rule.pattern, problems);
      if (!Array.isArray(rule.targets)) return problems.push(`${at}.targets must be a list`);
      rule.targets.forEach((t: unknown, j: number) => {
        if (!isRecord(t) || typeof t.id !== 'string') return problems.push(`${at}.targets[${j}].id is required`);
        targetIds.add(t.id);
        if (typeof t.function !== 'string' && typeof t.logGroup !== 'string') problems.push(`${at}.targets[${j}] needs "function" or "logGroup"`);
        if (t.input !== undefined) checkSource(`${at}.targets[${j}].input`, t.input, problems);
      });
    });
    if (bus.functions !== undefined) {
      if (!isRecord(bus.functions)) problems.push('bus.functions must be an object');
      else for (const [name, f] of Object.entries(bus.functions)) if (!isRecord(f) || typeof f.file !== 'string') problems.push(`bus.functions.${name}.file is required`);
    }
  }
  for (const [name, e] of [...Object.entries(events), ...Object.entries(examples)]) {
    if (!isRecord(e) || typeof e.source !== 'string' || typeof e['detail-type'] !== 'string' || !isRecord(e.detail))
      problems.push(`events.${name} needs "source", "detail-type" (strings) and "detail" (an object)`);
  }
  if (!Array.isArray(value.checks) || value.checks.length === 0) problems.push('checks must be a non-empty list');
  else {
    value.checks.forEach((c: unknown, i: number) => {
      const at = `checks[${i}]`;
      if (!isRecord(c)) return problems.push(`${at} must be an object`);
      const fields = CHECK_FIELDS[c.type as LabCheck['type']];
      if (!fields) return problems.push(`${at}.type must be one of: ${Object.keys(CHECK_FIELDS).join(', ')}`);
      if (typeof c.title !== 'string' || !c.title) problems.push(`${at}.title is required (the learner sees it)`);
      if (typeof c.failure !== 'string' || !c.failure) problems.push(`${at}.failure is required (what to look at when it fails)`);
      for (const f of fields) if (c[f] === undefined) problems.push(`${at}.${f} is required for a "${String(c.type)}" check`);
      for (const n of Array.isArray(c.events) ? c.events : []) if (typeof n !== 'string' || !(n in events)) problems.push(`${at} names event "${String(n)}", which is not in events`);
      const samples = [...(Array.isArray(c.accepts) ? c.accepts : []), ...(Array.isArray(c.rejects) ? c.rejects : [])];
      for (const n of samples) if (typeof n !== 'string' || !(n in events || n in examples)) problems.push(`${at} names event "${String(n)}", which is in neither events nor examples`);
      if (c.type === 'routes' && typeof c.target === 'string' && !targetIds.has(c.target)) problems.push(`${at}.target "${c.target}" is not a target Id in bus.rules`);
      if (c.type === 'routes' && c.expect !== 'reach' && c.expect !== 'not-reach') problems.push(`${at}.expect must be "reach" or "not-reach"`);
    });
  }
  if (problems.length) throw new LabDefinitionError(problems);
  return value as unknown as LabDefinition;
}
