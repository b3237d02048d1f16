// `npm run lab -- export|deploy|verify|destroy <id> [--dir PATH | --starter | --solution] ...`: the lab as a
// standalone project, and that project deployed, verified and destroyed (course-aws.ts does the AWS part).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { loadLab } from '../labs/load-lab.ts';

/** The CLI's own way of choosing the files (src/cli/lab.ts passes it in: a static import would be a cycle). */
type FilesFor = typeof filesFor;
import type { FilesSource, filesFor } from '../cli/lab.ts';
import { commonJsTranspiler } from './commonjs.ts';
import { main as toolMain, optionValue } from './course-aws.ts';
import { buildProject, TOOL_FILES } from './project.ts';

const REPO = new URL('../../', import.meta.url).pathname;

export function toolTexts(): Record<string, string> {
  return Object.fromEntries(Object.entries(TOOL_FILES).map(([p, repoPath]) => [p, readFileSync(join(REPO, repoPath), 'utf8')]));
}

export const nodeTranspile = commonJsTranspiler(async () => ts as never);

export async function exportLab(id: string, source: FilesSource, filesFor: FilesFor): Promise<Record<string, string>> {
  const lab = loadLab(id);
  return buildProject({
    labId: lab.id, title: lab.title, definition: lab.definition, files: filesFor(lab, source),
    ...(lab.customChecksPath ? { customChecks: readFileSync(lab.customChecksPath, 'utf8') } : {}),
    tools: toolTexts(), transpile: nodeTranspile,
  });
}

export function writeProject(files: Record<string, string>, outDir: string): void {
  for (const [path, text] of Object.entries(files)) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

const value = optionValue;

function sourceFrom(args: string[]): FilesSource {
  const dir = value(args, '--dir');
  if (dir) return { kind: 'dir', path: resolve(dir) };
  return args.includes('--solution') ? { kind: 'solution' } : { kind: 'starter' };
}

const WITH_VALUE = new Set(['--dir', '--out', '--region', '--profile', '--endpoint', '--stack-name', '--timeout', '--quiet', '--archive-wait']);

export async function exportCommand(command: string, args: string[], out: (s: string) => void, filesFor: FilesFor): Promise<number> {
  const id = args.find((a, i) => !a.startsWith('--') && !WITH_VALUE.has(args[i - 1] ?? ''));
  if (!id) throw new Error(`${command} needs a lab id. Try: npm run lab -- list`);
  const files = await exportLab(id, sourceFrom(args), filesFor);
  if (command === 'export') {
    const dest = value(args, '--out');
    if (!dest) throw new Error('export needs --out <folder>');
    writeProject(files, resolve(dest));
    out(`Wrote ${Object.keys(files).length} files to ${resolve(dest)}. Next: cd there, npm install, npm run deploy.`);
    return 0;
  }
  // deploy / verify / destroy from the repository: the same tool on a freshly exported copy.
  const dir = mkdtempSync(join(tmpdir(), `course-${id}-`));
  try {
    writeProject(files, dir);
    return await toolMain([command, ...args.filter((a) => a !== id)], dir, out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
