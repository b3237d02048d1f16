// Proves that client-cloudwatch-logs.d.ts, the editor's '@aws-sdk/client-cloudwatch-logs', invents nothing:
// compiled against the installed package, the client options are a narrower version of the package's, and each
// command's input and what `send` resolves to for it have only the package's members, with types that fit.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commandAgreementLines, exportedClasses, INVENTED_TYPE, typeCheck, type Problem } from './test-type-check.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
const OURS = readFileSync(join(DIR, 'client-cloudwatch-logs.d.ts'), 'utf8');
const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: [] };

function agreementFile(oursModule: string, text: string): string {
  const commands = exportedClasses(text).filter((c) => c !== 'CloudWatchLogsClient');
  return [
    "import type * as Real from '@aws-sdk/client-cloudwatch-logs';",
    `import type * as Ours from './${oursModule}';`,
    'type Extra<A, B> = Exclude<keyof A, keyof B>;',
    INVENTED_TYPE,
    // Options are ours to narrow: only the members we keep must be the package's.
    'const configNoExtraMember: never = null! as Extra<Ours.CloudWatchLogsClientConfig, Real.CloudWatchLogsClientConfig>;',
    'declare const ourConfig: Ours.CloudWatchLogsClientConfig;',
    'const configFits: Real.CloudWatchLogsClientConfig = ourConfig;',
    'declare const RealClient: typeof Real.CloudWatchLogsClient;',
    'const clientStandsIn: Pick<Ours.CloudWatchLogsClient, "destroy"> = new RealClient(ourConfig);',
    'declare const realClient: Real.CloudWatchLogsClient; declare const ourClient: Ours.CloudWatchLogsClient;',
    ...commandAgreementLines(commands),
    'export {};',
  ].join('\n');
}

function agreementProblems(copies: Record<string, string>): Record<string, Problem[]> {
  const files: Record<string, string> = {};
  const roots: string[] = [];
  for (const [name, text] of Object.entries(copies)) {
    files[join(DIR, `logs-${name}.ts`)] = text;
    files[join(DIR, `logs-${name}-agreement.ts`)] = agreementFile(`logs-${name}.ts`, text);
    roots.push(join(DIR, `logs-${name}-agreement.ts`), join(DIR, `logs-${name}.ts`));
  }
  const problems = typeCheck(files, roots, OPTIONS);
  return Object.fromEntries(Object.keys(copies).map((name) => [name, problems.filter((p) => p.file === join(DIR, `logs-${name}-agreement.ts`) || p.file === join(DIR, `logs-${name}.ts`))]));
}

function broken(find: string, replace: string): string {
  expect(OURS).toContain(find);
  return OURS.replace(find, replace);
}

const BROKEN: Record<string, { text: string; names: RegExp }> = {
  'invented-input-member': { text: broken('  filterPattern?: string | undefined;', '  filterPattern?: string | undefined;\n  follow?: boolean | undefined;'), names: /follow/ },
  'retyped-input-member': { text: broken('  startTime?: number | undefined;', '  startTime?: Date | undefined;'), names: /startTime/ },
  'renamed-output-member': { text: broken('  logGroupArn?: string | undefined;', '  groupArn?: string | undefined;'), names: /groupArn/ },
  'invented-option': { text: broken('  maxAttempts?: number;', '  maxAttempts?: number;\n  pollMs?: number;'), names: /pollMs/ },
};

describe("the editor's @aws-sdk/client-cloudwatch-logs", () => {
  const results = agreementProblems({ ours: OURS, ...Object.fromEntries(Object.entries(BROKEN).map(([name, b]) => [name, b.text])) });

  it('agrees with the installed package: the same names, members and types', () => {
    expect(results.ours?.map((p) => p.message)).toEqual([]);
  });

  it.each(Object.entries(BROKEN))('is caught when a copy is wrong: %s', (name, { names }) => {
    const problems = results[name] ?? [];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toMatch(names);
  });
});
