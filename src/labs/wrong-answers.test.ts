// Every lab's checks against real mistakes: the solution passes, the starter fails, and each wrong answer in
// labs/<id>/wrong-answers/ fails first at the check its expect.json names, with a message that points at the mistake.
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listLabIds, loadLab, type LabOnDisk } from './load-lab.ts';
import { runChecks, type CustomChecks } from './run-checks.ts';
import type { LabCheckReport, LabFiles } from './lab-types.ts';
import { nodeHandlerHost } from './node-handler-host.ts';

// The functions replace process.env while they run, as each has its own Lambda environment: restore it.
const savedEnv = { ...process.env };
afterAll(() => {
  for (const k of Object.keys(process.env)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

/** Handlers imported from a fresh folder per run (Node strips their types), as the CLI's unsandboxed worker does. */
async function check(lab: LabOnDisk, files: LabFiles): Promise<LabCheckReport> {
  const custom: CustomChecks = lab.customChecksPath ? (((await import(pathToFileURL(lab.customChecksPath).href)) as { checks?: CustomChecks }).checks ?? {}) : {};
  const functions = await nodeHandlerHost(lab.id, files);
  try {
    return await runChecks(lab.definition, files, functions.host, custom);
  } finally {
    await functions.dispose();
  }
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
