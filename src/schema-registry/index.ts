// Public entry of the schema registry (pure TypeScript: runs in the browser, a worker and Node).
export * from './types.ts';
export { compileEventSchema, type CompiledEventSchema, type CompileResult, type SchemaScope } from './validator.ts';
export { convertOpenApi } from './openapi-to-json-schema.ts';
export { plainProblems } from './plain-errors.ts';
export { SchemaDiscoverer, inferSchema, discoveredSchemaName, pascalCase } from './discovery.ts';
export { generateTypeScript, type CodeBindings } from './code-bindings.ts';
export { SchemaRegistryService, DISCOVERED_REGISTRY, schemaBinding, type SchemaVersionInfo, type EventValidation } from './registry.ts';
