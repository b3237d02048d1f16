// `npm run lab -- export ...` through the CLI's own entry point: the folder it writes, and its usage errors.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../cli/lab.ts';

it('writes the standalone project: learner files, events, template, README, exact versions and the three scripts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
  const lines: string[] = [];
  try {
    expect(await main(['export', '03-first-handler', '--solution', '--out', dir], (s) => lines.push(s))).toBe(0);
    for (const f of ['lab/handler.ts', 'lab/target.json', 'events/order-1001.json', 'template.yaml', 'README.md', 'course/checks.json', 'course/checks.ts', 'tools/lab-export/course-aws.ts']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> };
    expect(Object.keys(pkg.scripts).sort()).toEqual(['deploy', 'destroy', 'verify']);
    for (const v of Object.values(pkg.dependencies)) expect(v).toMatch(/^\d+\.\d+\.\d+$/);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('aws cloudformation deploy --template-file template.yaml --stack-name course-03-first-handler');
    expect(readFileSync(join(dir, 'lab/handler.ts'), 'utf8')).toBe(readFileSync(new URL('../../labs/03-first-handler/solution/handler.ts', import.meta.url), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('answers usage errors with exit 2 and a sentence', async () => {
  const lines: string[] = [];
  expect(await main(['export', '03-first-handler'], (s) => lines.push(s))).toBe(2);
  expect(await main(['export'], (s) => lines.push(s))).toBe(2);
  expect(await main(['deploy', '01-first-rule', '--stack-name', '1-bad name'], (s) => lines.push(s))).toBe(2);
  expect(lines).toEqual(['error: export needs --out <folder>', 'error: export needs a lab id. Try: npm run lab -- list', expect.stringMatching(/^error: --stack-name: letters, digits and hyphens/)]);
});
