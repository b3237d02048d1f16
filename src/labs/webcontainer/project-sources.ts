// Every source file the WebContainer project needs, as text. Imported lazily (only when a learner opens
// the Node.js terminal), so none of this is in the page's initial JavaScript.
const engine = import.meta.glob<string>(['../../eventbridge/**/*.ts', '!../../eventbridge/**/*.test.ts', '!../../eventbridge/**/*-bench.ts', '!../../eventbridge/**/test-support*/**', '!../../eventbridge/**/test-support*'], { query: '?raw', import: 'default', eager: true });
const registry = import.meta.glob<string>(['../../schema-registry/*.ts', '!../../schema-registry/*.test.ts', '!../../schema-registry/*.fixture.ts'], { query: '?raw', import: 'default', eager: true });
const labs = import.meta.glob<string>(['../*.ts', '!../*.test.ts', '!../test-support.ts'], { query: '?raw', import: 'default', eager: true });
const cli = import.meta.glob<string>('../../cli/lab.ts', { query: '?raw', import: 'default', eager: true });
// The same files as EMULATOR_WIRE_SOURCES in project-files.ts (a glob takes literals only; a test compares them).
const emulator = import.meta.glob<string>(['../../emulator/json-endpoint.ts', '../../emulator/json-protocol.ts', '../../emulator/events-operations.ts', '../../emulator/operation-table.ts', '../../emulator/service-endpoint.ts', '../../emulator/service-error.ts', '../../emulator/endpoint-server.ts', '../../emulator/core-endpoints.ts', '../../emulator/core-services.ts', '../../emulator/logs-operations.ts'], { query: '?raw', import: 'default', eager: true });
const labFolders = import.meta.glob<string>(['../../../labs/*/lab.md', '../../../labs/*/lab.mdx', '../../../labs/*/checks.json', '../../../labs/*/checks.ts', '../../../labs/*/files/**'], { query: '?raw', import: 'default', eager: true });

function rebase(files: Record<string, string>, from: string, to: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) out[to + path.slice(from.length)] = text;
  return out;
}

/** Repository-relative sources: src/eventbridge/**, src/schema-registry/*.ts, src/labs/*.ts, src/cli/lab.ts. */
export function projectSources(): Record<string, string> {
  return {
    ...rebase(engine, '../../eventbridge/', 'src/eventbridge/'),
    ...rebase(registry, '../../schema-registry/', 'src/schema-registry/'),
    ...rebase(labs, '../', 'src/labs/'),
    ...rebase(cli, '../../cli/', 'src/cli/'),
    ...rebase(emulator, '../../emulator/', 'src/emulator/'),
  };
}

/** The lab folder (brief, checks, starter), paths relative to it. */
export function labFolder(labId: string): Record<string, string> {
  const prefix = `../../../labs/${labId}/`;
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(labFolders)) if (path.startsWith(prefix)) out[path.slice(prefix.length)] = text;
  return out;
}
