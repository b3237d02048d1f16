// The Node project a WebContainer mounts for a lab: the engine, the lab runner and the CLI compiled to
// JavaScript (a WebContainer's Node cannot be assumed to strip types), the lab's brief and checks, and the
// learner's files in work/ (with a compiled .js beside each .ts). The same tree runs under plain Node,
// which is how it is tested. Pure: no DOM, no Node APIs.
import type { LabFiles } from '../lab-types.ts';

export interface ProjectInput {
  labId: string;
  /** Repository-relative TypeScript sources: src/eventbridge/**, src/labs/*.ts, src/cli/lab.ts. */
  sources: Record<string, string>;
  /** The lab folder's own files: lab.md(x), checks.json, checks.ts (optional), files/** (the starter). */
  labFolder: Record<string, string>;
  /** The learner's current files. */
  work: LabFiles;
}

export type TranspileAll = (files: Record<string, string>) => Promise<{ files: Record<string, string>; errors: string[] }>;

/** The emulator's wire code the lab bus answers SDK requests with (src/labs/lab-wire.ts), the EventBridge and Logs endpoints of a lab script's local AWS (script-wire.ts), and its HTTP server (node-handler-host.ts). */
export const EMULATOR_WIRE_SOURCES = ['json-endpoint', 'json-protocol', 'events-operations', 'operation-table', 'service-endpoint', 'service-error', 'endpoint-server', 'core-endpoints', 'core-services', 'logs-operations'].map((n) => `src/emulator/${n}.ts`);

/** Which repository sources the project needs: runtime code only (no tests, benches or browser code). */
export function isProjectSource(path: string): boolean {
  if (EMULATOR_WIRE_SOURCES.includes(path)) return true;
  if (!path.endsWith('.ts') || path.endsWith('.d.ts') || /\.test\.ts$|-bench\.ts$|test-support|\.fixture\.ts$/.test(path)) return false;
  if (path.startsWith('src/eventbridge/') || path.startsWith('src/schema-registry/')) return true;
  if (path === 'src/cli/lab.ts') return true;
  return /^src\/labs\/[^/]+\.ts$/.test(path);
}

const toJs = (path: string) => path.replace(/\.ts$/, '.js');

export async function buildProjectFiles(input: ProjectInput, transpileAll: TranspileAll): Promise<{ files: Record<string, string>; errors: string[] }> {
  const { labId } = input;
  const toCompile: Record<string, string> = {};
  for (const [path, text] of Object.entries(input.sources)) if (isProjectSource(path)) toCompile[path] = text;
  const labBase = `labs/${labId}/`;
  for (const [path, text] of Object.entries(input.labFolder)) if (path === 'checks.ts') toCompile[`${labBase}checks.ts`] = text;
  for (const [path, text] of Object.entries(input.work)) if (path.endsWith('.ts')) toCompile[`work/${path}`] = text;
  const compiled = await transpileAll(toCompile);
  const files: Record<string, string> = {};
  for (const [path, js] of Object.entries(compiled.files)) files[toJs(path)] = js;
  for (const [path, text] of Object.entries(input.labFolder)) {
    if (path === 'checks.ts' || path.startsWith('solution/')) continue; // never ship the solution to the learner's container
    files[labBase + path] = text;
  }
  for (const [path, text] of Object.entries(input.work)) files[`work/${path}`] = text;
  files['package.json'] = `${JSON.stringify(
    {
      name: `lab-${labId}`,
      private: true,
      type: 'module',
      scripts: {
        check: `node src/cli/lab.js check ${labId} --dir work --report .lab/check.json --no-sandbox`,
        run: `node src/cli/lab.js run ${labId} --dir work --report .lab/run.json --no-sandbox`,
      },
      // JSON Schema checks use the schema registry's Ajv setup; the lab format reads checks.json with zod and briefs with
      // yaml. The container installs them from the npm registry.
      // Handlers import the real AWS SDK client, as in Lambda.
      dependencies: { '@aws-sdk/client-eventbridge': '3.1169.0', ajv: '8.20.0', 'ajv-draft-04': '1.0.0', 'ajv-formats': '3.0.1', yaml: '2.9.1', zod: '4.6.7' },
    },
    null,
    2,
  )}\n`;
  files['.lab/.keep'] = '';
  files['README.md'] = `# Lab ${labId}\n\nYour files are in work/. Run \`npm run check\` to check them and \`npm run run\` to put the lab's events through the bus.\n`;
  return { files, errors: compiled.errors };
}

/** The nested shape WebContainer.mount() takes. */
export interface DirectoryNode {
  directory: Record<string, DirectoryNode | FileNode>;
}
export interface FileNode {
  file: { contents: string };
}

export function toFileSystemTree(files: Record<string, string>): Record<string, DirectoryNode | FileNode> {
  const root: Record<string, DirectoryNode | FileNode> = {};
  for (const [path, contents] of Object.entries(files)) {
    const parts = path.split('/');
    let dir = root;
    for (const part of parts.slice(0, -1)) {
      const node = (dir[part] ??= { directory: {} }) as DirectoryNode;
      dir = node.directory;
    }
    dir[parts.at(-1)!] = { file: { contents } };
  }
  return root;
}
