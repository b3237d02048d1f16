import { describe, expect, it } from 'vitest';
import { parseLabDefinition } from '../labs/lab-definition.ts';
import { runChecks } from '../labs/run-checks.ts';
import { functionHost } from '../labs/test-support.ts';
import { labSchema } from '../schemas/lab.ts';
import { exampleBoard } from './example-board.ts';
import { exportLab, labId } from './export-lab.ts';
import { parse } from 'yaml';

function filesUnder(files: Record<string, string>, dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([p]) => p.startsWith(`${dir}/`)).map(([p, t]) => [p.slice(dir.length + 1), t]));
}

describe('lab export', () => {
  const board = exampleBoard();
  const files = exportLab(board);

  it('is a lab folder in our format: a valid brief and checks.json, starter files and a solution', () => {
    expect(labId(board)).toBe('90-food-delivery');
    const fm = parse(/^---\n([\s\S]*?)\n---/.exec(files['lab.md']!)![1]!);
    expect(labSchema.parse(fm)).toMatchObject({ id: '90-food-delivery', module: 'eventbridge-storming' });
    const def = parseLabDefinition(files['checks.json']);
    expect(def.bus.rules.map((r) => r.name).sort()).toEqual(['delivery-consumes', 'kitchen-consumes', 'menu-catalogue-consumes', 'orders-consumes', 'payments-consumes']);
    expect(Object.keys(filesUnder(files, 'files')).sort()).toEqual(Object.keys(filesUnder(files, 'solution')).sort());
  });

  it('passes its checks with the solution and fails them with the starter files', async () => {
    const def = parseLabDefinition(files['checks.json']);
    const solved = await runChecks(def, filesUnder(files, 'solution'), functionHost({}));
    expect(solved.results.filter((r) => r.status !== 'passed')).toEqual([]);
    const starter = await runChecks(def, filesUnder(files, 'files'), functionHost({}));
    expect(starter.passed).toBe(false);
    expect(starter.results.filter((r) => r.status === 'failed').length).toBe(def.checks.filter((c) => c.type === 'routes' && c.expect === 'reach').length);
  });
});
