// Test helper: type-checks files with the typescript package's compiler API. `files` come first; then
// names under file:/// exist only there (as in the editor's TypeScript worker), others are read from the disk.
import ts from 'typescript';

export interface Problem {
  file: string;
  message: string;
}

export function typeCheck(files: Record<string, string>, roots: string[], options: ts.CompilerOptions): Problem[] {
  const host = ts.createCompilerHost(options, true);
  const virtual = (name: string) => files[name] ?? (name.startsWith('file:///') ? null : undefined);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => {
    const text = virtual(name);
    return text === undefined ? fileExists.call(host, name) : text !== null;
  };
  host.readFile = (name) => {
    const text = virtual(name);
    return text === undefined ? readFile.call(host, name) : (text ?? undefined);
  };
  host.getSourceFile = (name, language, onError, create) => {
    const text = virtual(name);
    if (text === undefined) return getSourceFile.call(host, name, language, onError, create);
    return text === null ? undefined : ts.createSourceFile(name, text, language, true);
  };
  // The worker lists node_modules directories of its own; on the disk there is nothing to list under file:///.
  host.directoryExists = (name) => (name.startsWith('file:///') ? Object.keys(files).some((f) => f.startsWith(`${name.replace(/\/$/, '')}/`)) : ts.sys.directoryExists(name));
  const program = ts.createProgram({ rootNames: roots, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => ({ file: d.file?.fileName ?? '(options)', message: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));
}

/** `Invented<A, B>`: the member names in A, at any depth (through arrays too), that B lacks at the same place. */
export const INVENTED_TYPE = [
  'type Elem<T> = T extends readonly (infer E)[] ? E : T;',
  'type Invented<A, B> = A extends object ? (B extends object ? Exclude<keyof A, keyof B> | { [K in keyof A & keyof B]: Invented<Elem<NonNullable<A[K]>>, Elem<NonNullable<B[K]>>> }[keyof A & keyof B] : never) : never;',
].join('\n');

/**
 * Lines that compile only when each of our narrowed command classes (`Ours.<Name>`) is the package's
 * (`Real.<Name>`) in part: its input has no member the package's lacks, at any depth, and fits the package's;
 * the package's class stands in for ours; and what our client's `send` resolves to has no member the package's
 * answer lacks and takes it. Needs the type namespaces `Real` and `Ours`, INVENTED_TYPE, and `realClient` /
 * `ourClient` declared.
 */
export function commandAgreementLines(commands: readonly string[]): string[] {
  return commands.flatMap((c) => [
    `declare const Real${c}Class: typeof Real.${c}; declare const Ours${c}Class: typeof Ours.${c};`,
    `declare const our${c}Input: ConstructorParameters<typeof Ours.${c}>[0];`,
    `const ${c}StandsIn: typeof Ours.${c} = Real${c}Class;`,
    `const ${c}NoInventedInput: never = null! as Invented<typeof our${c}Input, Real.${c}['input']>;`,
    `const ${c}InputFits: Real.${c}['input'] = our${c}Input;`,
    `const ${c}SentByReal = realClient.send(new Real${c}Class(our${c}Input));`,
    `const ${c}SentByOurs = ourClient.send(new Ours${c}Class(our${c}Input));`,
    `const ${c}NoInventedOutput: never = null! as Invented<Awaited<typeof ${c}SentByOurs>, Awaited<typeof ${c}SentByReal>>;`,
    `const ${c}OutputFits: Awaited<typeof ${c}SentByOurs> = null! as Awaited<typeof ${c}SentByReal>;`,
  ]);
}

/** The exported class names of a declaration file's text. */
export function exportedClasses(text: string): string[] {
  const file = ts.createSourceFile('ours.ts', text, ts.ScriptTarget.ES2022);
  return file.statements.filter((s) => ts.isClassDeclaration(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)).map((s) => (s as ts.ClassDeclaration).name?.text ?? '');
}
