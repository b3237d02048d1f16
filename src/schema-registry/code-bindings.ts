// Code bindings: TypeScript declarations generated from a registered schema. Every object schema becomes an
// interface, so a Lambda handler can be typed as EventBridgeEvent<'OrderPlaced', OrderPlaced> (@types/aws-lambda).
import { pascalCase } from './discovery.ts';
import { parseContent } from './validator.ts';
import { isJsonObject, SchemaRegistryError, type JsonObject, type SchemaType } from './types.ts';

interface Ctx {
  declarations: Map<string, string>;
  /** Names already taken, including those whose declaration is being built. */
  taken: Set<string>;
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

function refName(ref: string): string {
  const last = ref.split('/').pop() ?? 'Unknown';
  return pascalCase(last);
}

function uniqueName(ctx: Ctx, wanted: string): string {
  let name = wanted;
  let i = 2;
  while (ctx.taken.has(name)) name = `${wanted}${i++}`;
  ctx.taken.add(name);
  return name;
}

function docComment(node: JsonObject, indent: string): string {
  const notes: string[] = [];
  if (typeof node.description === 'string') notes.push(node.description.replace(/\*\//g, '*\\/'));
  if (typeof node.format === 'string') notes.push(`format: ${node.format}`);
  return notes.length === 0 ? '' : `${indent}/** ${notes.join(' — ')} */\n`;
}

function wrap(t: string): string {
  return /[|&]/.test(t) ? `(${t})` : t;
}

function tsType(node: unknown, hint: string, ctx: Ctx): string {
  if (!isJsonObject(node)) return 'unknown';
  let t = baseType(node, hint, ctx);
  if (node.nullable === true && !/\bnull\b/.test(t)) t = `${t} | null`;
  return t;
}

function baseType(node: JsonObject, hint: string, ctx: Ctx): string {
  if (typeof node.$ref === 'string') return refName(node.$ref);
  if (Array.isArray(node.enum)) return node.enum.map((v) => JSON.stringify(v)).join(' | ') || 'never';
  if ('const' in node) return JSON.stringify(node.const);
  for (const [key, op] of [['anyOf', ' | '], ['oneOf', ' | '], ['allOf', ' & ']] as const) {
    const list = node[key];
    if (Array.isArray(list) && list.length > 0) {
      return list.map((s, i) => wrap(tsType(s, list.length === 1 ? hint : `${hint}${i + 1}`, ctx))).join(op);
    }
  }
  const type = node.type;
  if (Array.isArray(type)) return type.map((t) => baseType({ ...node, type: t }, hint, ctx)).join(' | ');
  switch (type) {
    case 'string': return 'string';
    case 'integer': case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'null': return 'null';
    case 'array': {
      const items = Array.isArray(node.items) ? 'unknown' : tsType(node.items, `${hint}Item`, ctx);
      return `${wrap(items)}[]`;
    }
    case 'object': case undefined:
      if (isJsonObject(node.properties) && Object.keys(node.properties).length > 0) {
        const name = uniqueName(ctx, hint);
        declareInterface(name, node, ctx);
        return name;
      }
      if (isJsonObject(node.additionalProperties)) return `Record<string, ${tsType(node.additionalProperties, `${hint}Value`, ctx)}>`;
      return type === 'object' ? 'Record<string, unknown>' : 'unknown';
    default: return 'unknown';
  }
}

function declareInterface(name: string, node: JsonObject, ctx: Ctx): void {
  const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
  const props = isJsonObject(node.properties) ? node.properties : {};
  const lines: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    const prop = IDENT.test(key) ? key : JSON.stringify(key);
    const opt = required.has(key) ? '' : '?';
    const t = tsType(value, `${name}${pascalCase(key)}`, ctx);
    lines.push(`${isJsonObject(value) ? docComment(value, '  ') : ''}  ${prop}${opt}: ${t};`);
  }
  const body = lines.length === 0 ? '{}' : `{\n${lines.join('\n')}\n}`;
  ctx.declarations.set(name, `${docComment(node, '')}export interface ${name} ${body}\n`);
}

function declareNamed(name: string, node: JsonObject, ctx: Ctx): void {
  const isObject = (node.type === 'object' || node.type === undefined) && isJsonObject(node.properties);
  if (isObject) {
    declareInterface(name, node, ctx);
  } else {
    ctx.declarations.set(name, `${docComment(node, '')}export type ${name} = ${tsType(node, `${name}Value`, ctx)};\n`);
  }
}

export interface CodeBindings {
  /** The generated TypeScript source. */
  code: string;
  /** Name of the type for the event's `detail`. */
  detailTypeName: string;
}

/**
 * Generates TypeScript declarations for a schema's content. For an AWSEvent-shaped schema it also emits
 * `export type <Name>Event = EventBridgeEvent<'<detail-type>', <Name>>` importing the type from 'aws-lambda'.
 */
export function generateTypeScript(type: SchemaType, content: string | object): CodeBindings {
  const parsed = parseContent(content);
  const doc = parsed.value;
  if (!isJsonObject(doc)) throw new SchemaRegistryError('BadRequestException', parsed.problems[0]?.message ?? 'schema content must be a JSON object');
  const ctx: Ctx = { declarations: new Map(), taken: new Set() };
  let named: Record<string, unknown> = {};
  let eventSchema: JsonObject | undefined;
  let detailTypeName: string;
  if (type === 'OpenApi3') {
    const components = isJsonObject(doc.components) && isJsonObject(doc.components.schemas) ? doc.components.schemas : {};
    named = { ...components };
    if (isJsonObject(named.AWSEvent)) {
      eventSchema = named.AWSEvent;
      delete named.AWSEvent;
    }
    const info = isJsonObject(doc.info) ? doc.info : {};
    detailTypeName = pascalCase(typeof info.title === 'string' ? info.title : Object.keys(named)[0] ?? 'Detail');
  } else {
    named = isJsonObject(doc.definitions) ? { ...doc.definitions } : {};
    const props = isJsonObject(doc.properties) ? doc.properties : {};
    const title = pascalCase(typeof doc.title === 'string' ? doc.title : 'Detail');
    if ('detail' in props) {
      eventSchema = doc;
      const detail = props.detail;
      detailTypeName = isJsonObject(detail) && typeof detail.$ref === 'string' ? refName(detail.$ref) : title;
      if (isJsonObject(detail) && detail.$ref === undefined) named[detailTypeName] = detail;
    } else {
      detailTypeName = title;
      named[title] = doc;
    }
  }
  const names = Object.keys(named).map((n) => [n, pascalCase(n)] as const);
  for (const [, safe] of names) ctx.taken.add(safe);
  for (const [raw, safe] of names) {
    const node = named[raw];
    if (isJsonObject(node)) declareNamed(safe, node, ctx);
  }
  const parts: string[] = [];
  let detailType: string | undefined;
  if (eventSchema !== undefined) {
    const dt = eventSchema['x-amazon-events-detail-type'];
    const props = isJsonObject(eventSchema.properties) ? eventSchema.properties : {};
    const dtProp = isJsonObject(props['detail-type']) ? props['detail-type'] : {};
    detailType = typeof dt === 'string' ? dt : Array.isArray(dtProp.enum) && typeof dtProp.enum[0] === 'string' ? dtProp.enum[0] : undefined;
    const detail = props.detail;
    if (isJsonObject(detail) && typeof detail.$ref === 'string') detailTypeName = refName(detail.$ref);
  }
  parts.push('// Generated from an EventBridge schema. Do not edit by hand: regenerate it when the schema changes.\n');
  if (eventSchema !== undefined) parts.push(`import type { EventBridgeEvent } from 'aws-lambda';\n`);
  for (const decl of ctx.declarations.values()) parts.push(decl);
  if (eventSchema !== undefined && ctx.declarations.has(detailTypeName)) {
    const literal = detailType === undefined ? 'string' : JSON.stringify(detailType);
    parts.push(`/** The whole event as a Lambda handler receives it. */\nexport type ${detailTypeName}Event = EventBridgeEvent<${literal}, ${detailTypeName}>;\n`);
  }
  return { code: parts.join('\n'), detailTypeName };
}
