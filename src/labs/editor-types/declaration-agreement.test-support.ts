// Test helper: proves that one of the editor's SDK declaration files invents nothing, by compiling it
// (and copies of it with one deliberate mistake each) against the installed package in one program, so the
// package's types load once. Each package's test gives the file that states the agreement.
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typeCheck, type Problem } from './test-type-check.ts';

const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: [] };

export interface AgreementSuite {
  /** What the suite is named after: the package our declarations stand for. */
  packageName: string;
  /** The folder the copies are written under (virtually), so relative imports resolve beside the real file. */
  dir: string;
  /** Our declarations as they are. */
  ours: string;
  /** Distinguishes this suite's virtual file names from another's. */
  prefix: string;
  /** The file that compiles clean only when the copy at `oursModule` (text `text`) agrees with the package. */
  agreementFile(oursModule: string, text: string): string;
  /** Copies with one mistake each (made with editOf), and what their problems must name. */
  broken: Record<string, { text: string; names: RegExp }>;
}

/** Our declarations with one edit, which must apply. */
export function editOf(ours: string): (find: string, replace: string) => string {
  return (find, replace) => {
    expect(ours).toContain(find);
    return ours.replace(find, replace);
  };
}

function agreementProblems(suite: AgreementSuite): Record<string, Problem[]> {
  const copies: Record<string, string> = { ours: suite.ours, ...Object.fromEntries(Object.entries(suite.broken).map(([name, b]) => [name, b.text])) };
  const files: Record<string, string> = {};
  const roots: string[] = [];
  const module = (name: string) => join(suite.dir, `${suite.prefix}${name}.ts`);
  const agreement = (name: string) => join(suite.dir, `${suite.prefix}${name}-agreement.ts`);
  for (const [name, text] of Object.entries(copies)) {
    // As a .ts module, so that skipLibCheck (which spares the package's files) still checks it.
    files[module(name)] = text;
    files[agreement(name)] = suite.agreementFile(`${suite.prefix}${name}.ts`, text);
    roots.push(agreement(name), module(name));
  }
  const problems = typeCheck(files, roots, OPTIONS);
  return Object.fromEntries(Object.keys(copies).map((name) => [name, problems.filter((p) => p.file === agreement(name) || p.file === module(name))]));
}

/** The suite: ours compiles clean, and every broken copy is caught with a problem that names its mistake. */
export function describeAgreement(suite: AgreementSuite): void {
  describe(`the editor's ${suite.packageName}`, () => {
    const results = agreementProblems(suite);

    it('agrees with the installed package: the same names, members and types', () => {
      expect(results.ours?.map((p) => p.message)).toEqual([]);
    });

    it.each(Object.entries(suite.broken))('is caught when a copy is wrong: %s', (name, { names }) => {
      const problems = results[name] ?? [];
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.map((p) => p.message).join('\n')).toMatch(names);
    });
  });
}
