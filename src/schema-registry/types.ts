// Shared shapes of the schema registry. Names follow the AWS Schemas API (PascalCase) where a shape mirrors it.
import { AwsError } from '../eventbridge/aws-error.ts';

export type SchemaType = 'OpenApi3' | 'JSONSchemaDraft4';
export const SCHEMA_TYPES: readonly SchemaType[] = ['OpenApi3', 'JSONSchemaDraft4'];

/** One validation or schema problem, in plain words. `path` is like "detail.items[2].price"; "" means the whole value. */
export interface SchemaProblem {
  path: string;
  message: string;
}

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Thrown by the registry; `code` is the AWS Schemas API error name, `status` its HTTP status. */
export class SchemaRegistryError extends AwsError {
  readonly problems: SchemaProblem[];
  constructor(code: string, message: string, status = 400, problems: SchemaProblem[] = []) {
    super(code, message, status);
    this.problems = problems;
  }
}
