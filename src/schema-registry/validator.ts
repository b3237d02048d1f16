// Compiles a registered schema (OpenAPI 3 or JSON Schema draft 4) with ajv and validates events against it.
// Note: ajv generates validation code with `new Function`, so a page with a strict Content-Security-Policy
// (no 'unsafe-eval') must run this in a Web Worker allowed to eval, or in Node.
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { componentSchemas, convertOpenApi } from './openapi-to-json-schema.ts';
import { plainProblems } from './plain-errors.ts';
import { isJsonObject, type JsonObject, type SchemaProblem, type SchemaType } from './types.ts';

/** What the compiled schema describes: the whole event envelope, or only its `detail`. */
export type SchemaScope = 'event' | 'detail';

export interface CompiledEventSchema {
  scope: SchemaScope;
  /** Name of the schema that is the root (e.g. "AWSEvent"), for OpenAPI documents. */
  rootName?: string;
  validate(event: unknown): SchemaProblem[];
}

export type CompileResult = { ok: true; schema: CompiledEventSchema } | { ok: false; problems: SchemaProblem[] };

/** An ajv set up as the registry uses it: every error, OpenAPI and JSON Schema formats known, no console noise. */
export function createAjv(type: SchemaType | 'JSONSchemaDraft7'): Ajv {
  const opts = { allErrors: true, strict: false, verbose: true, logger: false as const };
  const ajv: Ajv = type === 'JSONSchemaDraft4' ? (new Ajv04(opts) as unknown as Ajv) : new Ajv(opts);
  // ajv-formats knows the OpenAPI formats too: int32, int64, float, double, byte, binary, password.
  addFormats(ajv);
  return ajv;
}

export function parseContent(content: string | object): { value?: unknown; problems: SchemaProblem[] } {
  if (typeof content !== 'string') return { value: content, problems: [] };
  try {
    return { value: JSON.parse(content), problems: [] };
  } catch (e) {
    return { problems: [{ path: '', message: `Content is not valid JSON: ${(e as Error).message}` }] };
  }
}

/** Which schema of an OpenAPI document is the root: AWSEvent if present, else the one named by info.title, else the first. */
export function openApiRoot(doc: JsonObject, names: string[]): { name: string; scope: SchemaScope } | undefined {
  if (names.includes('AWSEvent')) return { name: 'AWSEvent', scope: 'event' };
  const info = doc.info;
  const title = isJsonObject(info) && typeof info.title === 'string' ? info.title : undefined;
  if (title !== undefined && names.includes(title)) return { name: title, scope: 'detail' };
  const first = names[0];
  return first === undefined ? undefined : { name: first, scope: 'detail' };
}

export function compileEventSchema(type: SchemaType, content: string | object): CompileResult {
  const parsed = parseContent(content);
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems };
  const doc = parsed.value;
  let jsonSchema: JsonObject;
  let scope: SchemaScope;
  let rootName: string | undefined;
  if (type === 'OpenApi3') {
    const { schemas, problems } = componentSchemas(doc);
    const root = isJsonObject(doc) ? openApiRoot(doc, Object.keys(schemas)) : undefined;
    if (problems.length > 0 || root === undefined) return { ok: false, problems };
    const converted = convertOpenApi(doc, root.name);
    if (converted.problems.length > 0) return { ok: false, problems: converted.problems };
    jsonSchema = converted.schema;
    scope = root.scope;
    rootName = root.name;
  } else if (type === 'JSONSchemaDraft4') {
    if (!isJsonObject(doc)) return { ok: false, problems: [{ path: '', message: 'a JSON Schema must be a JSON object' }] };
    jsonSchema = doc;
    const props = doc.properties;
    scope = isJsonObject(props) && 'detail' in props && ('source' in props || 'detail-type' in props) ? 'event' : 'detail';
  } else {
    return { ok: false, problems: [{ path: 'Type', message: `must be "OpenApi3" or "JSONSchemaDraft4", got ${JSON.stringify(type)}` }] };
  }
  let fn: ValidateFunction;
  try {
    fn = createAjv(type).compile(jsonSchema);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `the schema cannot be compiled: ${(e as Error).message}` }] };
  }
  const schema: CompiledEventSchema = {
    scope,
    rootName,
    validate(event: unknown): SchemaProblem[] {
      const target = scope === 'detail' ? (isJsonObject(event) ? event.detail : undefined) : event;
      if (scope === 'detail' && target === undefined) return [{ path: 'detail', message: 'is required but missing' }];
      return fn(target) ? [] : plainProblems(fn.errors, scope === 'detail' ? 'detail' : '');
    },
  };
  return { ok: true, schema };
}
