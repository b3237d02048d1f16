// The WebContainer runner mounts this exact tree; here it runs under real Node (with type stripping
// turned off, as in a container's Node) to prove the mounted project checks a lab.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { buildProjectFiles, isProjectSource, toFileSystemTree } from './project-files.ts';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';

const root = new URL('../../../', import.meta.url).pathname;

function readTree(dir: string, base = dir): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) Object.assign(out, readTree(p, base));
    else out[relative(base, p)] = readFileSync(p, 'utf8');
  }
  return out;
}

async function transpileAll(files: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(files)) {
    out[path] = ts.transpileModule(text, { fileName: path, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true } }).outputText;
  }
  return { files: out, errors: [] };
}

async function mountedProject(labId: string, work: 'files' | 'solution') {
  const sources = Object.fromEntries(
    Object.entries({ ...readTree(join(root, 'src/eventbridge'), root), ...readTree(join(root, 'src/schema-registry'), root), ...readTree(join(root, 'src/labs'), root), ...readTree(join(root, 'src/cli'), root), ...readTree(join(root, 'src/emulator'), root) }),
  );
  const labFolder = readTree(join(root, 'labs', labId));
  const starter = readTree(join(root, 'labs', labId, 'files'));
  const mine = { ...starter, ...(work === 'solution' ? readTree(join(root, 'labs', labId, 'solution')) : {}) };
  const { files, errors } = await buildProjectFiles({ labId, sources, labFolder, work: mine }, transpileAll);
  expect(errors).toEqual([]);
  const dir = mkdtempSync(join(tmpdir(), `wc-${labId}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Stands in for the container's `npm install` (ajv, for schema checks): the packages already installed here.
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, files };
}

function runNode(dir: string, args: string[]) {
  return spawnSync(process.execPath, ['--no-experimental-strip-types', ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
}

describe('WebContainer project files', () => {
  it('selects runtime sources only', () => {
    expect(isProjectSource('src/eventbridge/bus/delivery.ts')).toBe(true);
    expect(isProjectSource('src/eventbridge/bus/delivery.test.ts')).toBe(false);
    expect(isProjectSource('src/eventbridge/bus/delivery-bench.ts')).toBe(false);
    expect(isProjectSource('src/labs/browser/lab-worker.ts')).toBe(false);
    expect(isProjectSource('src/labs/run-checks.ts')).toBe(true);
    expect(isProjectSource('src/cli/eventbridge.ts')).toBe(false);
    expect(isProjectSource('src/schema-registry/validator.ts')).toBe(true);
    expect(isProjectSource('src/schema-registry/talk-example.fixture.ts')).toBe(false);
  });

  it('nests paths into the tree WebContainer.mount takes', () => {
    expect(toFileSystemTree({ 'a/b.js': 'x', 'c.json': '{}' })).toEqual({ a: { directory: { 'b.js': { file: { contents: 'x' } } } }, 'c.json': { file: { contents: '{}' } } });
  });

  it('never ships the solution and contains no TypeScript the container would need to strip', async () => {
    const { files } = await mountedProject('03-first-handler', 'files');
    expect(Object.keys(files).some((p) => p.includes('solution/'))).toBe(false);
    const tsOutsideWork = Object.keys(files).filter((p) => p.endsWith('.ts') && !p.startsWith('work/') && !p.startsWith('labs/'));
    expect(tsOutsideWork).toEqual([]);
    expect(files['work/handler.js']).toContain('export const handler = async');
    expect(JSON.parse(files['package.json']!).dependencies['@aws-sdk/client-eventbridge']).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies['@aws-sdk/client-eventbridge']);
  });

  it('checks the solution (exit 0) and the starter (exit 1) of the TypeScript lab under Node without type stripping', async () => {
    const good = await mountedProject('03-first-handler', 'solution');
    const pass = runNode(good.dir, ['src/cli/lab.js', 'check', '03-first-handler', '--dir', 'work', '--no-sandbox', '--report', '.lab/check.json']);
    expect(pass.stdout).toMatch(/(\d+)\/\1 checks passed: lab complete/);
    expect(pass.status).toBe(0);
    const report = JSON.parse(readFileSync(join(good.dir, '.lab/check.json'), 'utf8')) as { passed: boolean };
    expect(report.passed).toBe(true);
    const bad = await mountedProject('03-first-handler', 'files');
    const fail = runNode(bad.dir, ['src/cli/lab.js', 'check', '03-first-handler', '--dir', 'work', '--no-sandbox']);
    expect(fail.status).toBe(1);
    expect(fail.stdout).toContain('FAIL');
  });

  it("checks a lab whose handler imports the lab's own modules (lab 11) under Node without type stripping", async () => {
    const good = await mountedProject('11-retries-and-dead-letters', 'solution');
    const pass = runNode(good.dir, ['src/cli/lab.js', 'check', '11-retries-and-dead-letters', '--dir', 'work', '--no-sandbox']);
    expect(pass.stdout + pass.stderr).toMatch(/(\d+)\/\1 checks passed: lab complete/);
    expect(pass.status).toBe(0);
  });

  it('checks a script lab (lab 12), whose script reaches a local AWS with both SDK clients, under Node without type stripping', async () => {
    const good = await mountedProject('12-test-against-local-aws', 'solution');
    const pass = runNode(good.dir, ['src/cli/lab.js', 'check', '12-test-against-local-aws', '--dir', 'work', '--no-sandbox']);
    expect(pass.stdout + pass.stderr).toMatch(/(\d+)\/\1 checks passed: lab complete/);
    expect(pass.status).toBe(0);
    const bad = await mountedProject('12-test-against-local-aws', 'files');
    expect(runNode(bad.dir, ['src/cli/lab.js', 'check', '12-test-against-local-aws', '--dir', 'work', '--no-sandbox']).status).toBe(1);
  });

  it('runs the events through the bus and prints the trace', async () => {
    const { dir } = await mountedProject('01-first-rule', 'solution');
    const res = runNode(dir, ['src/cli/lab.js', 'run', '01-first-rule', '--dir', 'work', '--no-sandbox']);
    expect(res.status).toBe(0);
    expect(res.stdout).toMatch(/Rules matched: matched big-orders/);
  });
});
