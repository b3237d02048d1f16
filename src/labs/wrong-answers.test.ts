// Every lab's checks against real mistakes: the solution passes, the starter fails, and each wrong answer in
// labs/<id>/wrong-answers/ fails first at the check its expect.json names, with a message that points at the mistake.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listLabIds, loadLab, type LabOnDisk } from './load-lab.ts';
import { runChecks, type CustomChecks } from './run-checks.ts';
import type { HandlerHost, LabHandler } from './lab-scenario.ts';
import type { LabCheckReport, LabFiles } from './lab-types.ts';

const root = mkdtempSync(join(tmpdir(), 'lab-wrong-answers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let runs = 0;

/** Handlers imported from a fresh folder per run (Node strips their types), as the CLI's worker does. */
function diskHost(files: LabFiles): HandlerHost {
  const dir = join(root, String(runs++));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return {
    async loadHandler(file, _source, exportName): Promise<LabHandler> {
      const mod = (await import(pathToFileURL(join(dir, file)).href)) as Record<string, unknown>;
      const fn = mod[exportName];
      if (typeof fn !== 'function') throw new Error(`${file} has no exported function "${exportName}".`);
      return fn as LabHandler;
    },
  };
}

async function check(lab: LabOnDisk, files: LabFiles): Promise<LabCheckReport> {
  const custom: CustomChecks = lab.customChecksPath ? (((await import(pathToFileURL(lab.customChecksPath).href)) as { checks?: CustomChecks }).checks ?? {}) : {};
  return runChecks(lab.definition, files, diskHost(files), custom);
}

const failing = (r: LabCheckReport) => r.results.filter((x) => x.status !== 'passed').map((x) => `${x.id}: ${x.message ?? ''}`);

for (const id of listLabIds()) {
  const lab = loadLab(id);
  describe(`lab ${id}`, () => {
    it('the solution passes every check', async () => {
      const report = await check(lab, { ...lab.starter, ...lab.solution });
      expect(failing(report)).toEqual([]);
    });

    it('the starter fails at least one check', async () => {
      expect((await check(lab, lab.starter)).passed).toBe(false);
    });

    for (const wrong of lab.wrongAnswers) {
      it(`wrong answer "${wrong.name}" fails first at ${wrong.expect.failsFirst}, pointing at the mistake`, async () => {
        const report = await check(lab, { ...lab.starter, ...lab.solution, ...wrong.files });
        const first = report.results.find((r) => r.status !== 'passed');
        expect(first?.id, `${wrong.expect.mistake}\nFailing: ${failing(report).join('\n')}`).toBe(wrong.expect.failsFirst);
        const said = [first?.message ?? '', ...(first?.explanations ?? [])].join('\n');
        for (const text of wrong.expect.mentions) expect(said, `the message should mention ${text}`).toContain(text);
      });
    }
  });
}
