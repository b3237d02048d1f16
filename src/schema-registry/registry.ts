// An in-memory EventBridge schema registry, shaped like the AWS Schemas API: registries hold schemas,
// each schema keeps numbered versions, events are validated against the schema registered for their
// source and detail-type, and discovery records inferred schemas in the "discovered-schemas" registry.
import { generateTypeScript, type CodeBindings } from './code-bindings.ts';
import { discoveredSchemaName, pascalCase, SchemaDiscoverer } from './discovery.ts';
import { compileEventSchema, parseContent, type CompiledEventSchema } from './validator.ts';
import { isJsonObject, SCHEMA_TYPES, SchemaRegistryError, type JsonObject, type SchemaProblem, type SchemaType } from './types.ts';

export const DISCOVERED_REGISTRY = 'discovered-schemas';

export interface SchemaVersionInfo {
  SchemaName: string;
  SchemaArn: string;
  SchemaVersion: string;
  Type: SchemaType;
  Content: string;
  Description?: string;
  VersionCreatedDate: string;
}

interface SchemaEntry {
  name: string;
  description?: string;
  versions: SchemaVersionInfo[];
  compiled: Map<string, CompiledEventSchema>;
}

interface RegistryEntry {
  name: string;
  description?: string;
  schemas: Map<string, SchemaEntry>;
}

export interface EventValidation {
  /** The schema the event was checked against, or undefined when none is registered for it. */
  schema?: { RegistryName: string; SchemaName: string; SchemaVersion: string };
  valid: boolean;
  problems: SchemaProblem[];
}

const NAME = /^[\w.@-]{1,385}$/;

function notFound(what: string): SchemaRegistryError {
  return new SchemaRegistryError('NotFoundException', `${what} does not exist`, 404);
}

/** Which (source, detail-type) a schema is for: from the x-amazon-events-* annotations, or its "source@DetailType" name. */
export function schemaBinding(type: SchemaType, content: unknown, schemaName: string): { source?: string; detailType?: string } {
  let holder: unknown = content;
  if (type === 'OpenApi3' && isJsonObject(content) && isJsonObject(content.components) && isJsonObject(content.components.schemas)) {
    holder = content.components.schemas.AWSEvent;
  }
  if (isJsonObject(holder)) {
    const source = holder['x-amazon-events-source'];
    const detailType = holder['x-amazon-events-detail-type'];
    if (typeof source === 'string' && typeof detailType === 'string') return { source, detailType };
    const props = holder.properties;
    if (isJsonObject(props)) {
      const one = (p: unknown): string | undefined => {
        if (!isJsonObject(p)) return undefined;
        if (typeof p.const === 'string') return p.const;
        return Array.isArray(p.enum) && p.enum.length === 1 && typeof p.enum[0] === 'string' ? p.enum[0] : undefined;
      };
      const s = one(props.source);
      const d = one(props['detail-type']);
      if (s !== undefined && d !== undefined) return { source: s, detailType: d };
    }
  }
  const at = schemaName.lastIndexOf('@');
  if (at > 0) return { source: schemaName.slice(0, at), detailType: schemaName.slice(at + 1) };
  return {};
}

export class SchemaRegistryService {
  private registries = new Map<string, RegistryEntry>();
  private discoverer = new SchemaDiscoverer();
  private region: string;
  private account: string;
  private now: () => number;

  constructor(opts: { region?: string; account?: string; now?: () => number } = {}) {
    this.region = opts.region ?? 'us-east-1';
    this.account = opts.account ?? '123456789012';
    this.now = opts.now ?? (() => Date.now());
    this.registries.set(DISCOVERED_REGISTRY, { name: DISCOVERED_REGISTRY, description: 'Schemas inferred from events', schemas: new Map() });
  }

  private arn(kind: 'registry' | 'schema', ...parts: string[]): string {
    return `arn:aws:schemas:${this.region}:${this.account}:${kind}/${parts.join('/')}`;
  }

  private registry(name: string): RegistryEntry {
    const r = this.registries.get(name);
    if (r === undefined) throw notFound(`Registry ${JSON.stringify(name)}`);
    return r;
  }

  private schemaEntry(registryName: string, schemaName: string): SchemaEntry {
    const s = this.registry(registryName).schemas.get(schemaName);
    if (s === undefined) throw notFound(`Schema ${JSON.stringify(schemaName)} in registry ${JSON.stringify(registryName)}`);
    return s;
  }

  createRegistry(i: { RegistryName: string; Description?: string }): { RegistryName: string; RegistryArn: string } {
    if (typeof i.RegistryName !== 'string' || !NAME.test(i.RegistryName)) {
      throw new SchemaRegistryError('BadRequestException', 'RegistryName must be 1-385 letters, digits, ".", "_", "-" or "@"');
    }
    if (this.registries.has(i.RegistryName)) throw new SchemaRegistryError('ConflictException', `Registry ${JSON.stringify(i.RegistryName)} already exists`, 409);
    this.registries.set(i.RegistryName, { name: i.RegistryName, description: i.Description, schemas: new Map() });
    return { RegistryName: i.RegistryName, RegistryArn: this.arn('registry', i.RegistryName) };
  }

  describeRegistry(i: { RegistryName: string }): { RegistryName: string; RegistryArn: string; Description?: string } {
    const r = this.registry(i.RegistryName);
    return { RegistryName: r.name, RegistryArn: this.arn('registry', r.name), Description: r.description };
  }

  listRegistries(i: { RegistryNamePrefix?: string } = {}): { Registries: { RegistryName: string; RegistryArn: string }[] } {
    const names = [...this.registries.keys()].filter((n) => n.startsWith(i.RegistryNamePrefix ?? '')).sort();
    return { Registries: names.map((n) => ({ RegistryName: n, RegistryArn: this.arn('registry', n) })) };
  }

  deleteRegistry(i: { RegistryName: string }): void {
    this.registry(i.RegistryName);
    this.registries.delete(i.RegistryName);
  }

  private checkedContent(type: unknown, content: unknown): { type: SchemaType; compiled: CompiledEventSchema; text: string } {
    if (!SCHEMA_TYPES.includes(type as SchemaType)) {
      throw new SchemaRegistryError('BadRequestException', `Type must be "OpenApi3" or "JSONSchemaDraft4", got ${JSON.stringify(type)}`);
    }
    const text = typeof content === 'string' ? content : JSON.stringify(content);
    const result = compileEventSchema(type as SchemaType, text);
    if (!result.ok) {
      const detail = result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ');
      throw new SchemaRegistryError('BadRequestException', `Content is not a valid ${String(type)} schema: ${detail}`, 400, result.problems);
    }
    return { type: type as SchemaType, compiled: result.schema, text };
  }

  createSchema(i: { RegistryName: string; SchemaName: string; Type: SchemaType; Content: string | object; Description?: string }): SchemaVersionInfo {
    const r = this.registry(i.RegistryName);
    if (typeof i.SchemaName !== 'string' || !NAME.test(i.SchemaName)) {
      throw new SchemaRegistryError('BadRequestException', 'SchemaName must be 1-385 letters, digits, ".", "_", "-" or "@"');
    }
    if (r.schemas.has(i.SchemaName)) throw new SchemaRegistryError('ConflictException', `Schema ${JSON.stringify(i.SchemaName)} already exists`, 409);
    const checked = this.checkedContent(i.Type, i.Content);
    const entry: SchemaEntry = { name: i.SchemaName, description: i.Description, versions: [], compiled: new Map() };
    r.schemas.set(i.SchemaName, entry);
    return this.addVersion(r.name, entry, checked);
  }

  /** Stores new content as the next version; identical content keeps the current version. */
  updateSchema(i: { RegistryName: string; SchemaName: string; Type?: SchemaType; Content: string | object; Description?: string }): SchemaVersionInfo {
    const entry = this.schemaEntry(i.RegistryName, i.SchemaName);
    const latest = entry.versions[entry.versions.length - 1] as SchemaVersionInfo;
    const checked = this.checkedContent(i.Type ?? latest.Type, i.Content);
    if (i.Description !== undefined) entry.description = i.Description;
    if (checked.text === latest.Content && checked.type === latest.Type) return latest;
    return this.addVersion(i.RegistryName, entry, checked);
  }

  private addVersion(registryName: string, entry: SchemaEntry, checked: { type: SchemaType; compiled: CompiledEventSchema; text: string }): SchemaVersionInfo {
    const last = entry.versions[entry.versions.length - 1];
    const version = String(last === undefined ? 1 : Number(last.SchemaVersion) + 1);
    const info: SchemaVersionInfo = {
      SchemaName: entry.name,
      SchemaArn: this.arn('schema', registryName, entry.name),
      SchemaVersion: version,
      Type: checked.type,
      Content: checked.text,
      Description: entry.description,
      VersionCreatedDate: new Date(this.now()).toISOString(),
    };
    entry.versions.push(info);
    entry.compiled.set(version, checked.compiled);
    return info;
  }

  describeSchema(i: { RegistryName: string; SchemaName: string; SchemaVersion?: string }): SchemaVersionInfo {
    const entry = this.schemaEntry(i.RegistryName, i.SchemaName);
    const v = i.SchemaVersion === undefined ? entry.versions[entry.versions.length - 1] : entry.versions.find((x) => x.SchemaVersion === i.SchemaVersion);
    if (v === undefined) throw notFound(`Version ${JSON.stringify(i.SchemaVersion)} of schema ${JSON.stringify(i.SchemaName)}`);
    return { ...v };
  }

  listSchemas(i: { RegistryName: string; SchemaNamePrefix?: string }): { Schemas: { SchemaName: string; SchemaArn: string; VersionCount: number }[] } {
    const r = this.registry(i.RegistryName);
    const list = [...r.schemas.values()].filter((s) => s.name.startsWith(i.SchemaNamePrefix ?? '')).sort((a, b) => a.name.localeCompare(b.name));
    return { Schemas: list.map((s) => ({ SchemaName: s.name, SchemaArn: this.arn('schema', r.name, s.name), VersionCount: s.versions.length })) };
  }

  listSchemaVersions(i: { RegistryName: string; SchemaName: string }): { SchemaVersions: { SchemaName: string; SchemaVersion: string; Type: SchemaType }[] } {
    const entry = this.schemaEntry(i.RegistryName, i.SchemaName);
    return { SchemaVersions: entry.versions.map((v) => ({ SchemaName: v.SchemaName, SchemaVersion: v.SchemaVersion, Type: v.Type })) };
  }

  deleteSchema(i: { RegistryName: string; SchemaName: string }): void {
    this.schemaEntry(i.RegistryName, i.SchemaName);
    this.registry(i.RegistryName).schemas.delete(i.SchemaName);
  }

  deleteSchemaVersion(i: { RegistryName: string; SchemaName: string; SchemaVersion: string }): void {
    const entry = this.schemaEntry(i.RegistryName, i.SchemaName);
    const idx = entry.versions.findIndex((v) => v.SchemaVersion === i.SchemaVersion);
    if (idx < 0) throw notFound(`Version ${JSON.stringify(i.SchemaVersion)} of schema ${JSON.stringify(i.SchemaName)}`);
    if (entry.versions.length === 1) {
      throw new SchemaRegistryError('BadRequestException', 'cannot delete the only version of a schema; delete the schema instead');
    }
    entry.versions.splice(idx, 1);
    entry.compiled.delete(i.SchemaVersion);
  }

  /** Finds the latest schema registered for an event's source and detail-type (user registries before discovered ones). */
  findSchemaFor(source: string, detailType: string, registryName?: string): { RegistryName: string; SchemaName: string; SchemaVersion: string } | undefined {
    const squash = (s: string) => pascalCase(s).toLowerCase();
    const regs = [...this.registries.values()]
      .filter((r) => registryName === undefined || r.name === registryName)
      .sort((a, b) => Number(a.name === DISCOVERED_REGISTRY) - Number(b.name === DISCOVERED_REGISTRY) || a.name.localeCompare(b.name));
    for (const r of regs) {
      for (const s of [...r.schemas.values()].sort((a, b) => a.name.localeCompare(b.name))) {
        const latest = s.versions[s.versions.length - 1] as SchemaVersionInfo;
        const b = schemaBinding(latest.Type, parseContent(latest.Content).value, s.name);
        if (b.source === source && b.detailType !== undefined && (b.detailType === detailType || squash(b.detailType) === squash(detailType))) {
          return { RegistryName: r.name, SchemaName: s.name, SchemaVersion: latest.SchemaVersion };
        }
      }
    }
    return undefined;
  }

  /** Validates an event (object or JSON text) against the schema registered for its source and detail-type. */
  validateEvent(event: unknown, opts: { RegistryName?: string } = {}): EventValidation {
    const parsed = typeof event === 'string' ? parseContent(event) : { value: event, problems: [] };
    if (parsed.problems.length > 0) return { valid: false, problems: parsed.problems };
    const e = parsed.value;
    if (!isJsonObject(e)) return { valid: false, problems: [{ path: '', message: 'an event must be a JSON object' }] };
    const problems: SchemaProblem[] = [];
    if (typeof e.source !== 'string') problems.push({ path: 'source', message: 'is required and must be a string' });
    if (typeof e['detail-type'] !== 'string') problems.push({ path: 'detail-type', message: 'is required and must be a string' });
    if (problems.length > 0) return { valid: false, problems };
    const found = this.findSchemaFor(e.source as string, e['detail-type'] as string, opts.RegistryName);
    if (found === undefined) {
      return { valid: false, problems: [{ path: '', message: `no schema is registered for source ${JSON.stringify(e.source)} and detail-type ${JSON.stringify(e['detail-type'])}` }] };
    }
    const compiled = this.schemaEntry(found.RegistryName, found.SchemaName).compiled.get(found.SchemaVersion) as CompiledEventSchema;
    const result = compiled.validate(e);
    return { schema: found, valid: result.length === 0, problems: result };
  }

  /** Schema discovery: learns from an event and records the inferred schema as a new version when it changed. */
  discover(event: unknown): SchemaVersionInfo | undefined {
    const name = this.discoverer.observe(event);
    if (name === undefined) return undefined;
    const content = JSON.stringify(this.discoverer.schema(name) as JsonObject, null, 2);
    const r = this.registry(DISCOVERED_REGISTRY);
    if (r.schemas.has(name)) return this.updateSchema({ RegistryName: DISCOVERED_REGISTRY, SchemaName: name, Content: content });
    return this.createSchema({ RegistryName: DISCOVERED_REGISTRY, SchemaName: name, Type: 'OpenApi3', Content: content });
  }

  /** Code bindings (TypeScript only) for a schema version, as GetCodeBindingSource returns source text. */
  getCodeBindingSource(i: { RegistryName: string; SchemaName: string; SchemaVersion?: string; Language?: string }): CodeBindings {
    if (i.Language !== undefined && !/^typescript/i.test(i.Language)) {
      throw new SchemaRegistryError('BadRequestException', `Language ${JSON.stringify(i.Language)} is not supported here; only TypeScript bindings are generated`);
    }
    const v = this.describeSchema(i);
    return generateTypeScript(v.Type, v.Content);
  }
}

export { discoveredSchemaName };
