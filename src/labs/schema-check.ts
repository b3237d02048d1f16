// JSON Schema validation for "the schema accepts / rejects these events" checks. Ajv is imported lazily so
// labs without a schema check never load it.

export async function validateWithSchema(schema: unknown, value: unknown): Promise<{ valid: boolean; errors: string[] }> {
  const { default: Ajv } = await import('ajv');
  const ajv = new (Ajv as unknown as new (o: object) => { compile(s: unknown): ((v: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null } })({ allErrors: true, strict: false });
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    return { valid: false, errors: [`the schema itself is not valid: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const valid = validate(value);
  return { valid, errors: (validate.errors ?? []).map((e) => `${e.instancePath || '(event)'} ${e.message ?? ''}`.trim()) };
}
