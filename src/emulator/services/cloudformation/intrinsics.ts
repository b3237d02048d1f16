// Intrinsic functions and condition functions, evaluated against the stack's parameters, pseudo
// parameters, conditions and the resources created so far; and the references that order resources.
import { ServiceError } from '../../service-error.ts';
import type { Template } from './template-parse.ts';

/** Marks a property removed by { Ref: AWS::NoValue }. */
export const NO_VALUE = Symbol('AWS::NoValue');

export interface ResolvedResource {
  ref: string;
  attributes: Record<string, string>;
}

export interface EvalScope {
  template: Template;
  parameters: Record<string, string>;
  pseudo: Record<string, string>;
  conditions: Record<string, boolean>;
  resources: Record<string, ResolvedResource>;
}

const fail = (message: string): never => { throw new ServiceError('ValidationError', `Template error: ${message}`); };

function only(o: Record<string, unknown>): [string, unknown] | undefined {
  const keys = Object.keys(o);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]?.startsWith('Fn::')) ? [keys[0] as string, o[keys[0] as string]] : undefined;
}

function ref(name: string, s: EvalScope): unknown {
  if (name === 'AWS::NoValue') return NO_VALUE;
  if (Object.hasOwn(s.pseudo, name)) return s.pseudo[name];
  if (Object.hasOwn(s.parameters, name)) {
    const type = s.template.Parameters?.[name]?.Type ?? 'String';
    return type.startsWith('List<') || type === 'CommaDelimitedList' ? (s.parameters[name] as string).split(',') : s.parameters[name];
  }
  const r = s.resources[name];
  if (r === undefined) return fail(`instance of Fn::Ref references undefined resource ${name}`);
  return r.ref;
}

function getAtt(resource: string, attribute: string, s: EvalScope): string {
  const r = s.resources[resource];
  if (r === undefined) return fail(`instance of Fn::GetAtt references undefined resource ${resource}`);
  const v = r.attributes[attribute];
  if (v === undefined) return fail(`Unsupported attribute ${attribute} of ${resource}`);
  return v;
}

function sub(template: string, vars: Record<string, unknown>, s: EvalScope): string {
  return template.replace(/\$\{([^}]*)\}/g, (whole, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (Object.hasOwn(vars, name)) return String(vars[name]);
    const dot = name.indexOf('.');
    if (dot > 0 && !name.startsWith('AWS::')) return getAtt(name.slice(0, dot), name.slice(dot + 1), s);
    const v = ref(name, s);
    return Array.isArray(v) ? v.join(',') : String(v === NO_VALUE ? '' : v);
  });
}

export function condition(name: string, s: EvalScope): boolean {
  if (!Object.hasOwn(s.conditions, name)) return fail(`Unresolved condition dependency ${name}`);
  return s.conditions[name] as boolean;
}

/** Evaluates a template value; { Ref: AWS::NoValue } members are dropped. */
export function evaluate(value: unknown, s: EvalScope): unknown {
  if (Array.isArray(value)) return value.map((v) => evaluate(v, s)).filter((v) => v !== NO_VALUE);
  if (typeof value !== 'object' || value === null) return value;
  const fn = only(value as Record<string, unknown>);
  if (fn === undefined) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const e = evaluate(v, s);
      if (e !== NO_VALUE) out[k] = e;
    }
    return out;
  }
  const [name, arg] = fn;
  const args = (): unknown[] => (Array.isArray(arg) ? arg : fail(`${name} needs a list`));
  switch (name) {
    case 'Ref': return ref(String(arg), s);
    case 'Condition': return condition(String(arg), s);
    case 'Fn::GetAtt': {
      const [r, a] = Array.isArray(arg) ? arg.map((x) => String(evaluate(x, s))) : String(arg).split(/\.(.*)/s);
      return getAtt(r ?? '', a ?? '', s);
    }
    case 'Fn::Sub': {
      if (typeof arg === 'string') return sub(arg, {}, s);
      const [text, vars] = args();
      return sub(String(text), (evaluate(vars ?? {}, s) as Record<string, unknown>), s);
    }
    case 'Fn::Join': {
      const [delim, list] = args();
      const items = evaluate(list, s);
      if (!Array.isArray(items)) return fail('Fn::Join needs a list of values');
      return items.map(String).join(String(delim));
    }
    case 'Fn::Select': {
      const [index, list] = args();
      const items = evaluate(list, s);
      const i = Number(evaluate(index, s));
      if (!Array.isArray(items) || !Number.isInteger(i) || i < 0 || i >= items.length) return fail('Fn::Select index out of bounds');
      return items[i];
    }
    case 'Fn::Split': {
      const [delim, text] = args();
      return String(evaluate(text, s)).split(String(delim));
    }
    case 'Fn::If': {
      const [c, yes, no] = args();
      return evaluate(condition(String(c), s) ? yes : no, s);
    }
    case 'Fn::Equals': {
      const [a, b] = args();
      return JSON.stringify(evaluate(a, s)) === JSON.stringify(evaluate(b, s));
    }
    case 'Fn::Not': return !(evaluate(args()[0], s) as boolean);
    case 'Fn::And': return args().every((c) => evaluate(c, s) === true);
    case 'Fn::Or': return args().some((c) => evaluate(c, s) === true);
    case 'Fn::FindInMap': {
      const [m, k1, k2] = args().map((x) => String(evaluate(x, s)));
      const v = s.template.Mappings?.[m ?? '']?.[k1 ?? '']?.[k2 ?? ''];
      return v === undefined ? fail(`Mapping ${m} has no ${k1}.${k2}`) : v;
    }
    case 'Fn::Base64': return Buffer.from(String(evaluate(arg, s))).toString('base64');
    case 'Fn::GetAZs': return ['a', 'b', 'c'].map((z) => `${s.pseudo['AWS::Region']}${z}`);
    case 'Fn::ToJsonString': return JSON.stringify(evaluate(arg, s));
    case 'Fn::Length': {
      const items = evaluate(arg, s);
      return Array.isArray(items) ? items.length : fail('Fn::Length needs a list');
    }
    default:
      return fail(`the emulator does not support ${name}`);
  }
}

/** Logical ids a value refers to (Ref, Fn::GetAtt, Fn::Sub variables), parameters and pseudo parameters excluded. */
export function references(value: unknown, resources: ReadonlySet<string>, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const v of value) references(v, resources, out);
    return out;
  }
  if (typeof value === 'string' || typeof value !== 'object' || value === null) return out;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'Ref' && typeof v === 'string' && resources.has(v)) out.add(v);
    else if (k === 'Fn::GetAtt') {
      const target = Array.isArray(v) ? String(v[0]) : String(v).split('.')[0] ?? '';
      if (resources.has(target)) out.add(target);
    } else if (k === 'Fn::Sub') {
      const text = Array.isArray(v) ? String(v[0]) : String(v);
      for (const m of text.matchAll(/\$\{([^!}][^}.]*)[^}]*\}/g)) if (resources.has((m[1] as string).trim())) out.add((m[1] as string).trim());
      if (Array.isArray(v)) references(v[1], resources, out);
    } else references(v, resources, out);
  }
  return out;
}

/** Creation order: every resource after the ones it references or DependsOn; a cycle is a ValidationError. */
export function creationOrder(template: Template, ids: readonly string[]): string[] {
  const set = new Set(ids);
  const deps = new Map<string, Set<string>>();
  for (const id of ids) {
    const r = template.Resources[id];
    const d = references(r?.Properties ?? {}, set);
    const dependsOn = r?.DependsOn === undefined ? [] : Array.isArray(r.DependsOn) ? r.DependsOn : [r.DependsOn];
    for (const x of dependsOn) {
      if (!Object.hasOwn(template.Resources, x)) fail(`Template format error: Unresolved resource dependencies [${x}] in the Resources block of the template`);
      if (set.has(x)) d.add(x);
    }
    d.delete(id);
    deps.set(id, d);
  }
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, path: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') fail(`Circular dependency between resources: [${path.join(', ')}]`);
    state.set(id, 'visiting');
    for (const d of deps.get(id) ?? []) visit(d, [...path, d]);
    state.set(id, 'done');
    order.push(id);
  };
  for (const id of [...ids].sort()) visit(id, [id]);
  return order;
}
