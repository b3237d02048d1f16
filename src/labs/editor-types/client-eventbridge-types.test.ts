// Proves that client-eventbridge.d.ts, the editor's '@aws-sdk/client-eventbridge', invents nothing:
// compiled against the installed package, every export exists there under the same name, every data
// shape has the same members with types assignable both ways, the client options are a narrower
// version of the package's, and the client and command classes can stand in for ours.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { commandAgreementLines, INVENTED_TYPE, typeCheck, type Problem } from './test-type-check.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
const OURS = readFileSync(join(DIR, 'client-eventbridge.d.ts'), 'utf8');
const OPTIONS: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true, types: [] };
const CLASSES = ['EventBridgeClient', 'PutEventsCommand'];
// Options are ours to narrow (the package's also take providers and Smithy internals); only the
// members we keep must be the package's.
const NARROWED = ['EventBridgeClientConfig'];

function exportsOf(text: string): { interfaces: string[]; classes: string[] } {
  const file = ts.createSourceFile('ours.ts', text, ts.ScriptTarget.ES2022);
  const exported = (s: ts.Statement) => ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return {
    interfaces: file.statements.filter((s) => ts.isInterfaceDeclaration(s) && exported(s)).map((s) => (s as ts.InterfaceDeclaration).name.text),
    classes: file.statements.filter((s) => ts.isClassDeclaration(s) && exported(s)).map((s) => (s as ts.ClassDeclaration).name?.text ?? ''),
  };
}

/** The checks for one copy of our declarations, as a file that must compile clean. */
function agreementFile(oursModule: string, text: string): string {
  const { interfaces, classes } = exportsOf(text);
  const lines = [
    "import type * as Real from '@aws-sdk/client-eventbridge';",
    "import type * as Smithy from '@smithy/types';",
    `import type * as Ours from './${oursModule}';`,
    'type Extra<A, B> = Exclude<keyof A, keyof B>;',
    'declare function same<A>(a: A): void;',
    INVENTED_TYPE,
  ];
  // A lab script's commands, checked member by member against the package's (their shapes are narrowed).
  const scriptCommands = classes.filter((c) => c.endsWith('Command') && !CLASSES.includes(c));
  const unchecked = classes.filter((c) => !CLASSES.includes(c) && !scriptCommands.includes(c));
  if (unchecked.length) lines.push(`const uncheckedClasses: never = ${JSON.stringify(unchecked.join(', '))};`);
  for (const name of interfaces) {
    lines.push(`declare const ours${name}: Ours.${name};`, `declare const real${name}: Real.${name};`);
    lines.push(`const ${name}NoExtraMember: never = null! as Extra<Ours.${name}, Real.${name}>;`, `const ${name}OursToReal: Real.${name} = ours${name};`);
    if (!NARROWED.includes(name)) lines.push(`const ${name}NoMissingMember: never = null! as Extra<Real.${name}, Ours.${name}>;`, `const ${name}RealToOurs: Ours.${name} = real${name};`);
  }
  // The helper shapes under the exported ones, against @smithy/types where the package takes them.
  lines.push(
    "type OurMetadata = Ours.PutEventsCommandOutput['$metadata'];",
    'const metadataSameMembers: [never, never] = null! as [Extra<OurMetadata, Smithy.ResponseMetadata>, Extra<Smithy.ResponseMetadata, OurMetadata>];',
    'declare const ourMetadata: OurMetadata; declare const realMetadata: Smithy.ResponseMetadata;',
    'const metadataBothWays: [Smithy.ResponseMetadata, OurMetadata] = [ourMetadata, realMetadata];',
    "type OurCredentials = Exclude<NonNullable<Ours.EventBridgeClientConfig['credentials']>, (...args: never[]) => unknown>;",
    'declare const ourCredentials: OurCredentials; declare const realCredentials: Smithy.AwsCredentialIdentity;',
    'const credentialsBothWays: [Smithy.AwsCredentialIdentity, OurCredentials] = [ourCredentials, realCredentials];',
    'const credentialsSameMembers: [never, never] = null! as [Extra<OurCredentials, Smithy.AwsCredentialIdentity>, Extra<Smithy.AwsCredentialIdentity, OurCredentials>];',
    // The package's classes stand in for ours: what our constructors take, theirs take; what our
    // instances have, theirs have.
    'declare const RealClient: typeof Real.EventBridgeClient; declare const RealCommand: typeof Real.PutEventsCommand;',
    'declare const ourClientArgs: ConstructorParameters<typeof Ours.EventBridgeClient>;',
    'const clientStandsIn: Pick<Ours.EventBridgeClient, "destroy"> = new RealClient(...ourClientArgs);',
    'const commandStandsIn: typeof Ours.PutEventsCommand = RealCommand;',
    // What send resolves to for a PutEventsCommand is exactly our output type.
    'declare const realClient: Real.EventBridgeClient; declare const ourInput: Ours.PutEventsCommandInput;',
    'declare const ourClient: Ours.EventBridgeClient; declare const ourCommand: Ours.PutEventsCommand;',
    'const sentByReal = realClient.send(new RealCommand(ourInput));',
    'const sentByOurs = ourClient.send(ourCommand);',
    'same<typeof sentByOurs>(sentByReal); same<typeof sentByReal>(sentByOurs);',
    'const sentSameMembers: [never, never] = null! as [Extra<Awaited<typeof sentByOurs>, Awaited<typeof sentByReal>>, Extra<Awaited<typeof sentByReal>, Awaited<typeof sentByOurs>>];',
    'const inputSame: [Ours.PutEventsCommandInput, Real.PutEventsCommand["input"]] = [new RealCommand(ourInput).input, ourCommand.input];',
    ...commandAgreementLines(scriptCommands),
    'export {};',
  );
  return lines.join('\n');
}

/** Type-checks every copy of our declarations against the package in one program (the package's types load once). */
function agreementProblems(copies: Record<string, string>): Record<string, Problem[]> {
  const files: Record<string, string> = {};
  const roots: string[] = [];
  for (const [name, text] of Object.entries(copies)) {
    // As a .ts module, so that skipLibCheck (which spares the package's files) still checks it.
    files[join(DIR, `${name}.ts`)] = text;
    files[join(DIR, `${name}-agreement.ts`)] = agreementFile(`${name}.ts`, text);
    roots.push(join(DIR, `${name}-agreement.ts`), join(DIR, `${name}.ts`));
  }
  const problems = typeCheck(files, roots, OPTIONS);
  return Object.fromEntries(Object.keys(copies).map((name) => [name, problems.filter((p) => p.file === join(DIR, `${name}-agreement.ts`) || p.file === join(DIR, `${name}.ts`))]));
}

/** Our declarations with one edit, which must apply. */
function broken(find: string, replace: string): string {
  expect(OURS).toContain(find);
  return OURS.replace(find, replace);
}

const BROKEN: Record<string, { text: string; names: RegExp }> = {
  'renamed-entry-member': { text: broken('EventBusName?: string | undefined;', 'EventBus?: string | undefined;'), names: /EventBus/ },
  'retyped-entry-member': { text: broken('Detail?: string | undefined;', 'Detail?: string | object | undefined;'), names: /Detail/ },
  'output-member-made-required': { text: broken('FailedEntryCount?: number | undefined;', 'FailedEntryCount: number;'), names: /FailedEntryCount/ },
  'renamed-result-member': { text: broken('ErrorMessage?: string | undefined;', 'Message?: string | undefined;'), names: /ErrorMessage|Message/ },
  'invented-option': { text: broken('maxAttempts?: number;', 'maxAttempts?: number;\n  timeoutMs?: number;'), names: /timeoutMs/ },
  'retyped-option': { text: broken('maxAttempts?: number;', 'maxAttempts?: string;'), names: /maxAttempts/ },
  'invented-export': { text: `${OURS}\nexport interface PutEventsOptions { batch?: boolean }\n`, names: /PutEventsOptions/ },
  'invented-script-input': { text: broken('  Force?: boolean | undefined;\n}\ninterface PutTargetsInput', '  Force?: boolean | undefined;\n  Cascade?: boolean | undefined;\n}\ninterface PutTargetsInput'), names: /Cascade/ },
  'retyped-script-input': { text: broken('  Ids: string[] | undefined;', '  Ids: string | undefined;'), names: /Ids/ },
  'invented-script-output': { text: broken('  FailedEntries?: TargetResultEntry[] | undefined;', '  FailedEntries?: TargetResultEntry[] | undefined;\n  Removed?: number | undefined;'), names: /Removed/ },
  'invented-command': { text: `${OURS}\nexport declare class PutEventCommand { constructor(input: PutEventsCommandInput); }\n`, names: /PutEventCommand/ },
  'send-resolving-to-the-wrong-shape': { text: broken('send(command: PutEventsCommand): Promise<PutEventsCommandOutput>;', 'send(command: PutEventsCommand): Promise<PutEventsResultEntry>;'), names: /PutEventsResultEntry|EventId/ },
  'retyped-credentials': { text: broken('readonly sessionToken?: string;', 'readonly sessionToken?: number;'), names: /sessionToken/ },
  'renamed-metadata-member': { text: broken('requestId?: string;', 'requestID?: string;'), names: /requestI[dD]/ },
};

describe("the editor's @aws-sdk/client-eventbridge", () => {
  const results = agreementProblems({ ours: OURS, ...Object.fromEntries(Object.entries(BROKEN).map(([name, b]) => [name, b.text])) });

  it('agrees with the installed package: same names, same members, same types', () => {
    expect(results.ours?.map((p) => p.message)).toEqual([]);
  });

  it.each(Object.entries(BROKEN))('is caught when a copy is wrong: %s', (name, { names }) => {
    const problems = results[name] ?? [];
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toMatch(names);
  });
});
