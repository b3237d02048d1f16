// JSON Schema validation for "the schema accepts / rejects these events" checks, with the schema registry's ajv
// (formats such as date-time and int64 enforced, errors in plain words). Imported lazily so labs without a
// schema check never load ajv.

export async function validateWithSchema(schema: unknown, value: unknown): Promise<{ valid: boolean; errors: string[] }> {
  const [{ createAjv }, { plainProblems }] = await Promise.all([
    import('../schema-registry/validator.ts'),
    import('../schema-registry/plain-errors.ts'),
  ]);
  let validate;
  try {
    validate = createAjv('JSONSchemaDraft7').compile(schema as object);
  } catch (e) {
    return { valid: false, errors: [`the schema itself is not valid: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const valid = validate(value);
  return { valid, errors: plainProblems(validate.errors).map((p) => `${p.path || '(event)'}: ${p.message}`) };
}
