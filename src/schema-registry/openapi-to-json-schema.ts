// Converts the OpenAPI 3 flavour of JSON Schema (as EventBridge stores it under components.schemas) into
// plain JSON Schema (draft-07) that ajv compiles. OpenAPI 3.0 differs from JSON Schema in a few keywords:
// `nullable`, boolean `exclusiveMinimum/Maximum` (draft-4 style), `example`, `discriminator`, `xml`,
// `externalDocs` and `x-*` extensions. References point at #/components/schemas/Name; we move those
// schemas to #/definitions/Name so the converted document is self-contained.
import { isJsonObject, type JsonObject, type SchemaProblem } from './types.ts';

const COMPONENT_PREFIX = '#/components/schemas/';
const DROPPED = new Set(['nullable', 'discriminator', 'xml', 'externalDocs', 'example']);
const SCHEMA_MAP_KEYS = ['properties', 'patternProperties', 'definitions'];
const SCHEMA_LIST_KEYS = ['allOf', 'anyOf', 'oneOf'];
const SCHEMA_KEYS = ['items', 'additionalProperties', 'not', 'additionalItems'];

export interface ConvertedOpenApi {
  /** JSON Schema whose root is `{ $ref: '#/definitions/<root>' }` plus every component under `definitions`. */
  schema: JsonObject;
  problems: SchemaProblem[];
}

/** The named schemas of an OpenAPI 3 document, or problems when the document is not shaped like one. */
export function componentSchemas(doc: unknown): { schemas: Record<string, JsonObject>; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  if (!isJsonObject(doc)) return { schemas: {}, problems: [{ path: '', message: 'an OpenAPI 3 schema must be a JSON object' }] };
  if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    problems.push({ path: 'openapi', message: 'must be a version string starting with "3." (for example "3.0.0")' });
  }
  const components = doc.components;
  const schemas = isJsonObject(components) ? components.schemas : undefined;
  if (!isJsonObject(schemas) || Object.keys(schemas).length === 0) {
    problems.push({ path: 'components.schemas', message: 'must be an object holding at least one named schema' });
    return { schemas: {}, problems };
  }
  const out: Record<string, JsonObject> = {};
  for (const [name, s] of Object.entries(schemas)) {
    if (isJsonObject(s)) out[name] = s;
    else problems.push({ path: `components.schemas.${name}`, message: 'must be a schema object' });
  }
  return { schemas: out, problems };
}

export function convertOpenApi(doc: unknown, rootName: string): ConvertedOpenApi {
  const { schemas, problems } = componentSchemas(doc);
  const definitions: JsonObject = {};
  for (const [name, s] of Object.entries(schemas)) {
    definitions[name] = convertNode(s, `components.schemas.${name}`, problems);
  }
  if (!(rootName in schemas)) problems.push({ path: 'components.schemas', message: `has no schema named "${rootName}"` });
  return { schema: { $ref: `#/definitions/${rootName}`, definitions }, problems };
}

function convertNode(node: unknown, path: string, problems: SchemaProblem[]): unknown {
  if (!isJsonObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref') {
      if (typeof value === 'string' && value.startsWith(COMPONENT_PREFIX)) {
        out.$ref = `#/definitions/${value.slice(COMPONENT_PREFIX.length)}`;
      } else {
        problems.push({ path: `${path}.$ref`, message: `only references to ${COMPONENT_PREFIX}<Name> are supported, got ${JSON.stringify(value)}` });
      }
    } else if (SCHEMA_MAP_KEYS.includes(key) && isJsonObject(value)) {
      const map: JsonObject = {};
      for (const [k, v] of Object.entries(value)) map[k] = convertNode(v, `${path}.${key}.${k}`, problems);
      out[key] = map;
    } else if (SCHEMA_LIST_KEYS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((v, i) => convertNode(v, `${path}.${key}[${i}]`, problems));
    } else if (SCHEMA_KEYS.includes(key)) {
      out[key] = Array.isArray(value) ? value.map((v, i) => convertNode(v, `${path}.${key}[${i}]`, problems)) : convertNode(value, `${path}.${key}`, problems);
    } else {
      out[key] = value;
    }
  }
  // OpenAPI 3.0 uses draft-4 booleans: { minimum: 0, exclusiveMinimum: true } means "> 0".
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    // a $ref or a combination (anyOf/allOf/oneOf) has no single type to widen: allow null beside it
    else if (typeof out.$ref === 'string' || 'anyOf' in out || 'allOf' in out || 'oneOf' in out) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}
