// Rewrites ajv's error objects as {path, message} in plain words a learner can act on.
import type { ErrorObject } from 'ajv';
import { joinPath, pointerToPath } from './json-path.ts';
import type { SchemaProblem } from './types.ts';

const FORMAT_WORDS: Record<string, string> = {
  'date-time': 'a date-time like 2024-01-31T12:00:00Z',
  date: 'a date like 2024-01-31',
  time: 'a time like 12:00:00Z',
  email: 'an email address',
  uri: 'an absolute URI',
  uuid: 'a UUID',
  int32: 'a whole number that fits in 32 bits',
  int64: 'a whole number (int64)',
  float: 'a number',
  double: 'a number',
  byte: 'base64-encoded text',
  ipv4: 'an IPv4 address',
  ipv6: 'an IPv6 address',
  hostname: 'a host name',
};

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  if (typeof v === 'number') return Number.isInteger(v) ? `the whole number ${v}` : `the number ${v}`;
  return `${typeof v} ${String(v)}`;
}

function article(type: string): string {
  const words: Record<string, string> = {
    string: 'a string', number: 'a number', integer: 'a whole number', boolean: 'true or false',
    object: 'an object', array: 'an array', null: 'null',
  };
  return words[type] ?? type;
}

function typeWords(t: unknown): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  return list.map((x) => article(String(x))).join(' or ');
}

export function plainProblems(errors: readonly ErrorObject[] | null | undefined, basePath = ''): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const at = joinPathStr(basePath, pointerToPath(e.instancePath));
    const p = e.params as Record<string, unknown>;
    let path = at;
    let message: string;
    switch (e.keyword) {
      case 'required':
        path = joinPath(at, [String(p.missingProperty)]);
        message = 'is required but missing';
        break;
      case 'additionalProperties':
        path = joinPath(at, [String(p.additionalProperty)]);
        message = 'is not allowed here (the schema does not list this field)';
        break;
      case 'type':
        message = `should be ${typeWords(p.type)} but is ${describeValue(e.data)}`;
        break;
      case 'format':
        message = `should be ${FORMAT_WORDS[String(p.format)] ?? `in format "${String(p.format)}"`} but is ${describeValue(e.data)}`;
        break;
      case 'enum':
        message = `should be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} but is ${describeValue(e.data)}`;
        break;
      case 'const':
        message = `should be exactly ${JSON.stringify(p.allowedValue)} but is ${describeValue(e.data)}`;
        break;
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        const words: Record<string, string> = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'more than', exclusiveMaximum: 'less than' };
        const comp = String(p.comparison ?? '');
        const w = comp === '>' ? 'more than' : comp === '<' ? 'less than' : words[e.keyword];
        message = `should be ${w} ${String(p.limit)} but is ${String(e.data)}`;
        break;
      }
      case 'minLength': message = `should have at least ${String(p.limit)} characters`; break;
      case 'maxLength': message = `should have at most ${String(p.limit)} characters`; break;
      case 'minItems': message = `should have at least ${String(p.limit)} items`; break;
      case 'maxItems': message = `should have at most ${String(p.limit)} items`; break;
      case 'pattern': message = `should match the pattern ${String(p.pattern)} but is ${describeValue(e.data)}`; break;
      case 'anyOf': case 'oneOf': message = 'does not match any of the allowed shapes'; break;
      default: message = e.message ?? `fails the "${e.keyword}" rule`;
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

function joinPathStr(base: string, rest: string): string {
  if (base === '') return rest;
  if (rest === '') return base;
  return rest.startsWith('[') ? base + rest : `${base}.${rest}`;
}
