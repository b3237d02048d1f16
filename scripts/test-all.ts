// `npm test`: every check the project has, in the order that fails fastest, with one closing count.
// Steps: type check, unit tests (Vitest), build, lab checks (CLI), size budget, link check, browser tests (Playwright).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'ebc-test-'));
const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Where the step runs; default: the repository. */
  cwd?: string;
}

// The unit tests run in a copy of the repository's own files (tracked, or new and not ignored) with nothing
// beside it, as a public clone has: a test that reads outside the repository fails here, not only elsewhere.
function cleanCopy(): string | undefined {
  let files: string[];
  try {
    files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    console.warn('test-all: not a git checkout; the unit tests run in place');
    return undefined;
  }
  const dir = join(mkdtempSync(join(tmpdir(), 'ebc-clone-')), 'repo');
  for (const file of files) {
    if (!existsSync(file)) continue; // deleted in the work tree, not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(file, join(dir, file));
  }
  // Hard links: fast and small. Astro's dev server cannot work through a symlinked node_modules.
  if (spawnSync('cp', ['-al', resolve('node_modules'), join(dir, 'node_modules')]).status !== 0) {
    cpSync(resolve('node_modules'), join(dir, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  return dir;
}
const only = process.argv.slice(2);
const wants = (name: string): boolean => !only.length || only.includes(name.replace(/ /g, '-'));
const unitDir = wants('unit tests') ? cleanCopy() : undefined;

const steps: Step[] = [
  { name: 'type check', command: ['npx', 'astro', 'check', '--minimumSeverity', 'error'] },
  { name: 'unit tests', command: ['npx', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`], ...(unitDir ? { cwd: unitDir } : {}) },
  { name: 'build', command: ['npx', 'astro', 'build'] },
  { name: 'lab checks', command: ['node', 'scripts/check-all-labs.ts'] },
  { name: 'size budget', command: ['node', 'scripts/size.ts', '--check'] },
  { name: 'link check', command: ['node', 'scripts/check-links.ts', 'dist'] },
  { name: 'browser tests', command: ['npx', 'playwright', 'test', '--reporter=list,json'], env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } },
];

const failed: string[] = [];
for (const step of steps) {
  if (!wants(step.name)) continue;
  const script = step.command[1] ?? '';
  if (step.command[0] === 'node' && script.startsWith('scripts/') && !existsSync(script)) {
    console.error(`\n✗ ${step.name}: ${script} is missing`);
    failed.push(step.name);
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.command.join(' ')}${step.cwd ? ` (in a clean copy, ${step.cwd})` : ''}`);
  const started = Date.now();
  const result = spawnSync(step.command[0] ?? '', step.command.slice(1), { stdio: 'inherit', cwd: step.cwd, env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (result.status === 0) console.log(`✓ ${step.name} (${seconds} s)`);
  else {
    console.error(`✗ ${step.name} failed (exit ${result.status ?? result.signal}, ${seconds} s)`);
    failed.push(step.name);
  }
}

if (unitDir) rmSync(dirname(unitDir), { recursive: true, force: true });

// One closing line for all runners, so a reader (or CI) sees the whole count at once.
function counts(file: string, read: (json: any) => { passed: number; failed: number }): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  try {
    return read(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 1 };
  }
}
const unit = counts(vitestJson, (j) => ({ passed: j.numPassedTests ?? 0, failed: j.numFailedTests ?? 0 }));
// A flaky browser test passed on its retry; it is counted as passed and listed by Playwright's own report.
const browser = counts(playwrightJson, (j) => ({ passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0), failed: j.stats?.unexpected ?? 0 }));
const passed = unit.passed + browser.passed;
// A failed step with no failed test in it (type check, build, budgets) still counts as one failure.
const failedTests = Math.max(unit.failed + browser.failed, failed.length);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; browser: ${browser.passed} passed, ${browser.failed} failed`);
if (failed.length) console.error(`failed steps: ${failed.join(', ')}`);
console.log(`tests: ${passed} passed, ${failedTests} failed`);
process.exit(failed.length ? 1 : 0);
