// Proves that client-eventbridge.d.ts, the editor's '@aws-sdk/client-eventbridge', invents nothing:
// compiled against the installed package, every export exists there under the same name, every data
// shape has the same members with types assignable both ways, the client options are a narrower
// version of the package's, and the client and command classes can stand in for ours.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describeAgreement, editOf } from './declaration-agreement.test-support.ts';
import { commandAgreementLines, exportedClasses, INVENTED_TYPE } from './test-type-check.ts';

const DIR = dirname(fileURLToPath(import.meta.url));
const OURS = readFileSync(join(DIR, 'client-eventbridge.d.ts'), 'utf8');
const broken = editOf(OURS);
const CLASSES = ['EventBridgeClient', 'PutEventsCommand'];
// Options are ours to narrow (the package's also take providers and Smithy internals); only the
// members we keep must be the package's.
const NARROWED = ['EventBridgeClientConfig'];

/** The exported interface names of a declaration file's text (its classes: exportedClasses). */
function exportedInterfaces(text: string): string[] {
  const file = ts.createSourceFile('ours.ts', text, ts.ScriptTarget.ES2022);
  return file.statements.filter((s) => ts.isInterfaceDeclaration(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)).map((s) => (s as ts.InterfaceDeclaration).name.text);
}

/** The checks for one copy of our declarations, as a file that must compile clean. */
function agreementFile(oursModule: string, text: string): string {
  const interfaces = exportedInterfaces(text);
  const classes = exportedClasses(text);
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

describeAgreement({ packageName: '@aws-sdk/client-eventbridge', dir: DIR, ours: OURS, prefix: '', agreementFile, broken: BROKEN });
