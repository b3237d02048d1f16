// The labs' wrong handlers and wrong scripts, deployed and verified as aws-roundtrip.test.ts does the solutions.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesFor } from '../cli/lab.ts';
import { listLabIds, loadLab } from '../labs/load-lab.ts';
import { main as tool } from './course-aws.ts';
import { exportLab, writeProject } from './export-command.ts';
import { notCheckableOnAws } from './project-layout.ts';
import { linkNodeModules, useEmulator } from './aws-roundtrip.test-support.ts';

const emulator = useEmulator();

// The labs' own wrong handlers (and wrong scripts, which verify runs), deployed as the learner wrote them: on AWS (here the emulator's Lambda) each fails the
// check that catches it in the browser, from what the function really did. Checks AWS cannot show are left out.
const wrongHandlers = listLabIds().flatMap((id) => {
  const lab = loadLab(id);
  // What a function is deployed from (its code and its asynchronous invocation settings), or the script verify runs.
  const handlerFiles = new Set([...Object.values(lab.definition.bus.functions ?? {}).flatMap((f) => [f.file, ...(f.invokeConfig ? [f.invokeConfig.file] : [])]), ...(lab.definition.script ? [lab.definition.script.file] : [])]);
  const checkable = (id: string) => { const c = lab.definition.checks.find((x) => x.id === id); return c !== undefined && !notCheckableOnAws(c); };
  return lab.wrongAnswers
    .filter((w) => Object.keys(w.files).some((f) => handlerFiles.has(f)) && checkable(w.expect.failsFirst))
    .map((w) => ({ id, name: w.name, files: w.files, failsFirst: w.expect.failsFirst }));
});

describe('wrong handlers on AWS', () => {
  it('there are some to deploy', () => expect(wrongHandlers.length).toBeGreaterThanOrEqual(5));
  it.each(wrongHandlers)('$id $name: verify exits 1 and fails $failsFirst', async ({ id, name, files, failsFirst }) => {
    const work = mkdtempSync(join(tmpdir(), `aws-${name}-`));
    const dir = mkdtempSync(join(tmpdir(), `aws-${name}-project-`));
    const lines: string[] = [];
    const out = (s: string) => lines.push(s);
    try {
      cpSync(join('labs', id, 'solution'), work, { recursive: true });
      for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
      writeProject(await exportLab(id, { kind: 'dir', path: work }, filesFor), dir);
      linkNodeModules(dir);
      const common = ['--endpoint', emulator(), '--yes', '--stack-name', `t-wrong-${name}`.slice(0, 41), '--timeout', '60', '--quiet', '3'];
      expect(await tool(['deploy', ...common], dir, out), lines.join('\n')).toBe(0);
      expect(await tool(['verify', ...common], dir, out), lines.join('\n')).toBe(1);
      expect(lines.some((l) => l.startsWith('✗ ') && l.endsWith(`[${failsFirst}]`)), lines.join('\n')).toBe(true);
      expect(await tool(['destroy', ...common], dir, out)).toBe(0);
    } finally {
      rmSync(work, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
