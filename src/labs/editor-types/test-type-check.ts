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
