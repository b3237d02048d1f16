// The browser gathers the WebContainer project's sources with import.meta.glob; check the globs pick the
// runtime files, skip tests, benches and solutions, and that the result runs under Node.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { labFolder, projectSources } from './project-sources.ts';
import { buildProjectFiles, EMULATOR_WIRE_SOURCES } from './project-files.ts';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';

const root = new URL('../../../', import.meta.url).pathname;

describe('project sources gathered by import.meta.glob', () => {
  it('has the engine, the lab runner and the CLI, without tests or benches', () => {
    const paths = Object.keys(projectSources());
    expect(paths).toContain('src/eventbridge/index.ts');
    expect(paths).toContain('src/eventbridge/bus/event-bridge-service.ts');
    expect(paths).toContain('src/labs/run-checks.ts');
    expect(paths).toContain('src/labs/node-session-worker.ts');
    expect(paths).toContain('src/cli/lab.ts');
    expect(paths.filter((p) => p.startsWith('src/emulator/')).sort()).toEqual([...EMULATOR_WIRE_SOURCES].sort());
    expect(paths.filter((p) => p.endsWith('.test.ts') || p.endsWith('-bench.ts') || p.includes('test-support'))).toEqual([]);
  });

  it('takes the lab folder without its solution', () => {
    const folder = labFolder('03-first-handler');
    expect(Object.keys(folder).sort()).toEqual(expect.arrayContaining(['checks.json', 'checks.ts', 'lab.md', 'files/handler.ts']));
    expect(Object.keys(folder).some((p) => p.startsWith('solution/'))).toBe(false);
  });

  it('builds a project that checks the starter under Node', async () => {
    const folder = labFolder('01-first-rule');
    const work = { 'pattern.json': folder['files/pattern.json']! };
    const { files } = await buildProjectFiles({ labId: '01-first-rule', sources: projectSources(), labFolder: folder, work }, async (input) => {
      const out: Record<string, string> = {};
      for (const [p, text] of Object.entries(input)) out[p] = ts.transpileModule(text, { fileName: p, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true } }).outputText;
      return { files: out, errors: [] };
    });
    const dir = mkdtempSync(join(tmpdir(), 'wc-globs-'));
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), text);
    }
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const res = spawnSync(process.execPath, ['--no-experimental-strip-types', 'src/cli/lab.js', 'check', '01-first-rule', '--dir', 'work', '--no-sandbox'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    expect(res.stdout).toMatch(/3\/7 checks passed/);
    expect(res.status).toBe(1);
  });
});
