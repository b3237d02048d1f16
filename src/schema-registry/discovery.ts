// Schema discovery: infers an OpenAPI 3 schema from the events seen, the way EventBridge's discoverer
// presents it: an AWSEvent envelope whose `detail` references a named schema, nested objects as their own
// named schemas, fields optional unless present in every event, integer widened to number when both appear.
import { isJsonObject, type JsonObject } from './types.ts';

type Kind = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

/** What we have learned about the values seen at one place in the events. */
interface Shape {
  kinds: Set<Kind>;
  /** True while every string seen here looked like an RFC 3339 date-time. */
  allDateTime: boolean;
  items?: Shape;
  props: Map<string, Shape>;
  /** How many objects were seen here, and in how many each property appeared (for `required`). */
  objectCount: number;
  propCounts: Map<string, number>;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function newShape(): Shape {
  return { kinds: new Set(), allDateTime: true, props: new Map(), objectCount: 0, propCounts: new Map() };
}

function observe(shape: Shape, value: unknown): void {
  if (value === null) shape.kinds.add('null');
  else if (typeof value === 'boolean') shape.kinds.add('boolean');
  else if (typeof value === 'number') shape.kinds.add(Number.isInteger(value) ? 'integer' : 'number');
  else if (typeof value === 'string') {
    shape.kinds.add('string');
    if (!DATE_TIME.test(value)) shape.allDateTime = false;
  } else if (Array.isArray(value)) {
    shape.kinds.add('array');
    shape.items ??= newShape();
    for (const item of value) observe(shape.items, item);
  } else if (isJsonObject(value)) {
    shape.kinds.add('object');
    shape.objectCount += 1;
    for (const [k, v] of Object.entries(value)) {
      let child = shape.props.get(k);
      if (child === undefined) {
        child = newShape();
        shape.props.set(k, child);
      }
      shape.propCounts.set(k, (shape.propCounts.get(k) ?? 0) + 1);
      observe(child, v);
    }
  }
}

/** "Order Placed" / "order-placed" / "orderPlaced" -> "OrderPlaced"; always a valid identifier. */
export function pascalCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((w) => w !== '');
  let out = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (out === '') out = 'Unnamed';
  if (/^\d/.test(out)) out = `_${out}`;
  return out;
}

class SchemaNamer {
  readonly schemas: Record<string, JsonObject> = {};
  unique(wanted: string, parent: string): string {
    const candidates = [wanted, `${parent}${wanted}`];
    for (const c of candidates) if (!(c in this.schemas)) return c;
    let i = 2;
    while (`${wanted}${i}` in this.schemas) i += 1;
    return `${wanted}${i}`;
  }
}

function toSchema(shape: Shape, name: string, parent: string, namer: SchemaNamer): JsonObject {
  const kinds = new Set(shape.kinds);
  const nullable = kinds.delete('null');
  if (kinds.has('integer') && kinds.has('number')) kinds.delete('integer');
  const variants = [...kinds].map((k) => kindSchema(k, shape, name, parent, namer));
  let out: JsonObject;
  if (variants.length === 0) out = {};
  else if (variants.length === 1) out = variants[0] as JsonObject;
  else out = { anyOf: variants };
  if (nullable) {
    // OpenAPI 3.0 has no "null" type; `nullable` marks it. A $ref cannot carry siblings, so wrap it.
    if (typeof out.$ref === 'string') out = { allOf: [out] };
    out = { ...out, nullable: true };
  }
  return out;
}

function kindSchema(kind: Kind, shape: Shape, name: string, parent: string, namer: SchemaNamer): JsonObject {
  switch (kind) {
    case 'string': return shape.allDateTime ? { type: 'string', format: 'date-time' } : { type: 'string' };
    case 'integer': return { type: 'integer', format: 'int64' };
    case 'number': return { type: 'number', format: 'double' };
    case 'boolean': return { type: 'boolean' };
    case 'array': {
      const items = shape.items && shape.items.kinds.size > 0 ? toSchema(shape.items, `${name}Item`, parent, namer) : {};
      return { type: 'array', items };
    }
    case 'object': return objectRef(shape, name, parent, namer);
    default: return {};
  }
}

function objectRef(shape: Shape, name: string, parent: string, namer: SchemaNamer): JsonObject {
  if (shape.props.size === 0) return { type: 'object' };
  const unique = namer.unique(name, parent);
  const schema: JsonObject = { type: 'object' };
  namer.schemas[unique] = schema; // reserve the name before children pick theirs
  const required: string[] = [];
  const properties: JsonObject = {};
  for (const key of [...shape.props.keys()].sort()) {
    properties[key] = toSchema(shape.props.get(key) as Shape, pascalCase(key), unique, namer);
    if (shape.propCounts.get(key) === shape.objectCount) required.push(key);
  }
  if (required.length > 0) schema.required = required;
  schema.properties = properties;
  return { $ref: `#/components/schemas/${unique}` };
}

function envelope(source: string, detailType: string, detailRef: JsonObject): JsonObject {
  return {
    type: 'object',
    required: ['detail-type', 'resources', 'detail', 'id', 'source', 'time', 'region', 'version', 'account'],
    'x-amazon-events-detail-type': detailType,
    'x-amazon-events-source': source,
    properties: {
      detail: detailRef,
      account: { type: 'string' },
      'detail-type': { type: 'string' },
      id: { type: 'string' },
      region: { type: 'string' },
      resources: { type: 'array', items: { type: 'string' } },
      source: { type: 'string' },
      time: { type: 'string', format: 'date-time' },
      version: { type: 'string' },
    },
  };
}

/** The registry name AWS gives a discovered schema: "<source>@<DetailTypeInPascalCase>". */
export function discoveredSchemaName(source: string, detailType: string): string {
  return `${source}@${pascalCase(detailType)}`;
}

interface Group { source: string; detailType: string; detail: Shape; count: number }

/** Accumulates events and infers one OpenAPI 3 schema per (source, detail-type). */
export class SchemaDiscoverer {
  private groups = new Map<string, Group>();

  /** Learns from one event; returns the discovered schema's name, or undefined if it has no source/detail-type. */
  observe(event: unknown): string | undefined {
    const e = typeof event === 'string' ? safeParse(event) : event;
    if (!isJsonObject(e) || typeof e.source !== 'string' || typeof e['detail-type'] !== 'string') return undefined;
    const name = discoveredSchemaName(e.source, e['detail-type']);
    let g = this.groups.get(name);
    if (g === undefined) {
      g = { source: e.source, detailType: e['detail-type'], detail: newShape(), count: 0 };
      this.groups.set(name, g);
    }
    g.count += 1;
    observe(g.detail, e.detail ?? {});
    return name;
  }

  names(): string[] {
    return [...this.groups.keys()].sort();
  }

  eventCount(name: string): number {
    return this.groups.get(name)?.count ?? 0;
  }

  /** The OpenAPI 3 document inferred so far for a discovered schema name. */
  schema(name: string): JsonObject | undefined {
    const g = this.groups.get(name);
    if (g === undefined) return undefined;
    const namer = new SchemaNamer();
    const title = pascalCase(g.detailType);
    namer.schemas.AWSEvent = {}; // reserved so no detail schema takes the name
    let detailRef = toSchema(g.detail, title, 'AWSEvent', namer);
    if (detailRef.$ref === undefined && detailRef.type === 'object') {
      // an always-empty detail still gets its named schema, as the discoverer does
      namer.schemas[title] = { type: 'object' };
      detailRef = { $ref: `#/components/schemas/${title}` };
    }
    namer.schemas.AWSEvent = envelope(g.source, g.detailType, detailRef);
    const ordered: JsonObject = { AWSEvent: namer.schemas.AWSEvent };
    for (const [k, v] of Object.entries(namer.schemas)) if (k !== 'AWSEvent') ordered[k] = v;
    return {
      openapi: '3.0.0',
      info: { version: '1.0.0', title },
      paths: {},
      components: { schemas: ordered },
    };
  }
}

/** Infers the schema of events that share one source and detail-type (the first event's). */
export function inferSchema(events: readonly unknown[]): JsonObject {
  const d = new SchemaDiscoverer();
  let first: string | undefined;
  for (const e of events) {
    const name = d.observe(e);
    first ??= name;
  }
  if (first === undefined) throw new Error('inferSchema needs at least one event with "source" and "detail-type"');
  return d.schema(first) as JsonObject;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
