// Reads a CloudFormation template in JSON or YAML. YAML short forms (!Ref, !GetAtt, !Sub, ...) become the
// long forms ({ Ref }, { "Fn::GetAtt": [...] }) through the yaml library's custom tags.
import { parse as parseYaml, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';
import { ServiceError } from '../../service-error.ts';

/** Template bodies CloudFormation accepts in a request (51,200 bytes); larger ones need S3. */
export const MAX_TEMPLATE_BODY_BYTES = 51200;

const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'And', 'Equals', 'If', 'Not', 'Or', 'ToJsonString', 'Length',
] as const;

const longForm = (name: string, value: unknown): unknown => {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  // !GetAtt Resource.Attribute is the long form's two-element list.
  if (name === 'GetAtt' && typeof value === 'string') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)] };
  }
  return { [`Fn::${name}`]: value };
};

function cloudFormationTags(): Tags {
  const tags: Tags = [];
  for (const name of ['Ref', 'Condition', ...FUNCTIONS]) {
    const tag = `!${name}`;
    tags.push({ tag, resolve: (value: string) => longForm(name, value) });
    tags.push({ tag, collection: 'seq', resolve: (seq) => longForm(name, (seq as YAMLSeq).toJSON()) });
    tags.push({ tag, collection: 'map', resolve: (map) => longForm(name, (map as YAMLMap).toJSON()) });
  }
  return tags;
}

export interface Template {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<string, { Type: string; Default?: unknown; AllowedValues?: unknown[]; Description?: string; NoEcho?: unknown }>;
  Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, { Value: unknown; Description?: string; Condition?: string; Export?: { Name: unknown } }>;
}

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
}

const formatError = (message: string): ServiceError => new ServiceError('ValidationError', `Template format error: ${message}`);

export function parseTemplate(body: string): Template {
  if (Buffer.byteLength(body) > MAX_TEMPLATE_BODY_BYTES) {
    throw new ServiceError('ValidationError', `1 validation error detected: Value at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TEMPLATE_BODY_BYTES}`);
  }
  let value: unknown;
  const trimmed = body.trimStart();
  try {
    value = trimmed.startsWith('{') ? JSON.parse(body) : parseYaml(body, { customTags: cloudFormationTags(), maxAliasCount: 100 });
  } catch (e) {
    throw formatError(trimmed.startsWith('{') ? `JSON not well-formed. (${(e as Error).message})` : `YAML not well-formed. (${(e as Error).message.split('\n')[0]})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw formatError('unsupported structure.');
  const t = value as Partial<Template>;
  if (typeof t.Resources !== 'object' || t.Resources === null || Object.keys(t.Resources).length === 0) {
    throw formatError('At least one Resources member must be defined.');
  }
  for (const [id, r] of Object.entries(t.Resources)) {
    if (!/^[A-Za-z0-9]+$/.test(id)) throw formatError(`Resource name ${id} is non alphanumeric.`);
    if (typeof r !== 'object' || r === null || typeof (r as TemplateResource).Type !== 'string') {
      throw formatError(`[/Resources/${id}] Every Resources object must contain a Type member.`);
    }
  }
  return t as Template;
}
