// What a target receives: the event itself, a constant Input, the part at InputPath, or a filled InputTemplate.
import { evaluateJsonPath, parseJsonPath } from './json-path.ts';
import {
  EVENT_VARIABLES,
  RESERVED_VARIABLES,
  isJsonTemplate,
  jsonText,
  minifyJson,
  rawText,
  scanTemplate,
  unknownPlaceholders,
} from './input-template.ts';
import { InputTransformError } from './input-types.ts';
import type { InputProblem, JsonInput, TargetInputConfig, TransformContext } from './input-types.ts';

const MAX_PATHS = 100;
const KEY = /^[A-Za-z0-9_.\-]+$/;
const RESERVED = new Set<string>(RESERVED_VARIABLES);

/** Checks a target's input settings; returns every problem found ([] when valid). Never throws. */
export function validateTargetInput(config: TargetInputConfig): InputProblem[] {
  const problems: InputProblem[] = [];
  if (config === null || typeof config !== 'object') return [{ path: '', message: 'target input settings must be an object' }];
  const set = (['Input', 'InputPath', 'InputTransformer'] as const).filter((k) => config[k] !== undefined);
  if (set.length > 1) {
    problems.push({
      path: set.join(','),
      message: `only one of Input, InputPath or InputTransformer may be set, but ${set.join(' and ')} are`,
    });
  }
  if (config.Input !== undefined) {
    if (typeof config.Input !== 'string') problems.push({ path: 'Input', message: 'must be a string of JSON text' });
    else {
      try {
        JSON.parse(config.Input);
      } catch (e) {
        problems.push({ path: 'Input', message: `must be valid JSON text: ${(e as Error).message}` });
      }
    }
  }
  if (config.InputPath !== undefined) {
    const parsed = parseJsonPath(config.InputPath);
    if (typeof parsed === 'string') problems.push({ path: 'InputPath', message: parsed });
  }
  if (config.InputTransformer !== undefined) problems.push(...transformerProblems(config.InputTransformer));
  return problems;
}

function transformerProblems(t: TargetInputConfig['InputTransformer']): InputProblem[] {
  const problems: InputProblem[] = [];
  if (t === null || typeof t !== 'object') return [{ path: 'InputTransformer', message: 'must be an object with an InputTemplate' }];
  const map = t.InputPathsMap ?? {};
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    problems.push({ path: 'InputTransformer.InputPathsMap', message: 'must be an object of name -> JSON path' });
  } else {
    const keys = Object.keys(map);
    if (keys.length > MAX_PATHS) {
      problems.push({ path: 'InputTransformer.InputPathsMap', message: `has ${keys.length} entries; at most ${MAX_PATHS} are allowed` });
    }
    for (const key of keys) {
      const where = `InputTransformer.InputPathsMap.${key}`;
      if (!KEY.test(key) || key.length > 256) {
        problems.push({ path: where, message: `"${key}" is not a valid variable name (use letters, digits, ".", "-", "_")` });
      } else if (RESERVED.has(key) || key.toLowerCase().startsWith('aws.')) {
        problems.push({ path: where, message: `"${key}" is reserved: names starting with "aws." belong to EventBridge` });
      }
      const parsed = parseJsonPath(map[key]);
      if (typeof parsed === 'string') problems.push({ path: where, message: `JSON path ${parsed}` });
    }
  }
  const template = t.InputTemplate;
  if (typeof template !== 'string' || template.length === 0) {
    problems.push({ path: 'InputTransformer.InputTemplate', message: 'is required and must be a non-empty string' });
    return problems;
  }
  if (template.length > 8192) {
    problems.push({ path: 'InputTransformer.InputTemplate', message: 'must be at most 8192 characters' });
  }
  const known = (name: string): boolean => RESERVED.has(name) || Object.hasOwn(map ?? {}, name);
  const parts = scanTemplate(template, known);
  for (const p of parts) {
    if (p.kind !== 'var') continue;
    if (p.asKey) {
      problems.push({ path: 'InputTransformer.InputTemplate', message: `placeholder <${p.name}> cannot be used as an object key` });
    }
    if (EVENT_VARIABLES.has(p.name) && p.inString) {
      problems.push({
        path: 'InputTransformer.InputTemplate',
        message: `<${p.name}> can only be used as the value of a JSON field, not inside a string`,
      });
    }
  }
  for (const name of unknownPlaceholders(template, known)) {
    problems.push({ path: 'InputTransformer.InputTemplate', message: `placeholder <${name}> is not defined in InputPathsMap`, code: 'invalid-placeholder' });
  }
  if (isJsonTemplate(template) && problems.length === 0) {
    // Fill every placeholder with a sample value and check the result is JSON.
    const sample = parts.map((p) => (p.kind === 'text' ? p.text : p.inString ? 'x' : '"x"')).join('');
    try {
      JSON.parse(sample);
    } catch (e) {
      problems.push({
        path: 'InputTransformer.InputTemplate',
        message: `is not valid JSON once placeholders are filled: ${(e as Error).message}`,
      });
    }
  }
  return problems;
}

/** The payload text the target receives. Throws InputTransformError (naming the field) on invalid settings. */
export function transformInput(config: TargetInputConfig, event: JsonInput, ctx: TransformContext): string {
  const problems = validateTargetInput(config ?? {});
  if (problems.length > 0) throw new InputTransformError(problems);
  let parsedEvent: unknown;
  try {
    parsedEvent = typeof event === 'string' ? JSON.parse(event) : event;
  } catch (e) {
    throw new InputTransformError([{ path: 'event', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  if (config.Input !== undefined) return config.Input;
  if (config.InputPath !== undefined) {
    const parsed = parseJsonPath(config.InputPath);
    if (typeof parsed === 'string') throw new InputTransformError([{ path: 'InputPath', message: parsed }]);
    const { found, value } = evaluateJsonPath(parsed, parsedEvent);
    return jsonText(value, found);
  }
  if (config.InputTransformer === undefined) return JSON.stringify(parsedEvent);
  return fillTemplate(config.InputTransformer, parsedEvent, ctx);
}

function fillTemplate(t: NonNullable<TargetInputConfig['InputTransformer']>, event: unknown, ctx: TransformContext): string {
  const map = t.InputPathsMap ?? {};
  const values = new Map<string, { found: boolean; value: unknown }>();
  for (const [name, path] of Object.entries(map)) {
    const parsed = parseJsonPath(path);
    values.set(name, typeof parsed === 'string' ? { found: false, value: undefined } : evaluateJsonPath(parsed, event));
  }
  const ev = (event ?? {}) as Record<string, unknown>;
  // <aws.events.event> is the envelope without detail, and AWS names its detail-type field detailType there.
  const withoutDetail = Object.fromEntries(Object.entries(ev).filter(([k]) => k !== 'detail').map(([k, v]) => [k === 'detail-type' ? 'detailType' : k, v]));
  const reserved: Record<string, unknown> = {
    'aws.events.rule-arn': ctx.ruleArn,
    'aws.events.rule-name': ctx.ruleName,
    'aws.events.event.ingestion-time': ctx.ingestionTime ?? ev['time'],
    'aws.events.event': withoutDetail,
    'aws.events.event.json': ev,
  };
  const known = (name: string): boolean => RESERVED.has(name) || values.has(name);
  const json = isJsonTemplate(t.InputTemplate);
  const filled = scanTemplate(t.InputTemplate, known)
    .map((p) => {
      if (p.kind === 'text') return p.text;
      const v = RESERVED.has(p.name) ? { found: reserved[p.name] !== undefined, value: reserved[p.name] } : values.get(p.name)!;
      if (!p.inString) return v.found && v.value !== undefined ? jsonText(v.value, true) : '""'; // AWS sends "" for a missing path
      if (json && v.found && v.value !== null && typeof v.value === 'object') {
        // AWS accepts such a template at PutTargets but does not deliver the event: it fails here.
        throw new InputTransformError([{
          path: 'InputTransformer.InputTemplate',
          message: `<${p.name}> is an object or array placed inside a quoted string; EventBridge does not deliver such an event`,
          code: 'object-in-string',
        }]);
      }
      return rawText(v.value, v.found);
    })
    .join('');
  if (!json) return filled;
  // AWS sends JSON output minified. An unescaped value can break the JSON; then it is sent as filled.
  try {
    JSON.parse(filled);
    return minifyJson(filled);
  } catch {
    return filled;
  }
}
