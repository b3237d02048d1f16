// The lab's project built in the browser (project.ts, the same code as `lab export`) and zipped with fflate.
// Loaded only when Download project is pressed: the YAML writer and the zip code stay off the lab page.
import { strToU8, zipSync } from 'fflate';
import { commonJsTranspiler } from '../../lab-export/commonjs.ts';
import { loadTypeScript } from '../../labs/browser/typescript-compiler.ts';
import { buildProject, TOOL_FILES } from '../../lab-export/project.ts';
import type { LabDefinition, LabFiles } from '../../labs/lab-types.ts';

// The repository files the project carries, as text, keyed by repository path.
const repoTexts = import.meta.glob<string>(['../../lab-export/course-aws.ts', '../../lab-export/project-layout.ts', '../../lab-export/script-on-aws.ts', '../../labs/partial-match.ts', '../../labs/script-call-judges.ts'], { query: '?raw', import: 'default', eager: true });
const customChecks = import.meta.glob<string>('../../../labs/*/checks.ts', { query: '?raw', import: 'default', eager: true });

// The compiler is fetched only when a lab with handlers is downloaded.
const transpile = commonJsTranspiler(loadTypeScript);

function tools(): Record<string, string> {
  return Object.fromEntries(Object.entries(TOOL_FILES).map(([path, repoPath]) => {
    const text = repoTexts[`../../${repoPath.replace(/^src\//, '')}`];
    if (text === undefined) throw new Error(`missing ${repoPath}`);
    return [path, text];
  }));
}

export async function projectZip(labId: string, title: string, definition: LabDefinition, files: LabFiles): Promise<Uint8Array> {
  const custom = customChecks[`../../../labs/${labId}/checks.ts`];
  const project = await buildProject({ labId, title, definition, files, tools: tools(), transpile, ...(custom !== undefined ? { customChecks: custom } : {}) });
  return zipSync(Object.fromEntries(Object.entries(project).map(([p, text]) => [`course-${labId}/${p}`, strToU8(text)])), { level: 6, mtime: new Date('2026-01-01T00:00:00Z') });
}
