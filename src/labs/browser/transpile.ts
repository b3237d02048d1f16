// TypeScript -> JavaScript for the learner's handlers and for the WebContainer project. We use the
// compiler Monaco already ships (an ES module), loaded lazily inside the worker only when a lab has
// TypeScript: it is large (about 9 MB, roughly 2 MB gzipped), so it never counts against the page budget,
// and unlike a hand-written type stripper it handles every syntax the learner may write.

// `?url` keeps the compiler out of the worker bundle (workers are bundled as one file, without code
// splitting): it is a separate, self-contained ES module file fetched by import() on first use only.
import compilerUrl from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js?url';

type Ts = typeof import('monaco-editor/languages/features/typescript/lib/typescriptServices.js').typescript;
let compiler: Promise<Ts> | undefined;

function loadCompiler(): Promise<Ts> {
  compiler ??= (import(/* @vite-ignore */ compilerUrl) as Promise<{ typescript: Ts }>).then((m) => m.typescript);
  return compiler;
}

export class TranspileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** Returns JavaScript for `source`; `.ts` imports are rewritten to `.js`. Syntax errors throw with file:line:column. */
export async function transpile(fileName: string, source: string): Promise<string> {
  return (await transpileWithMap(fileName, source)).js;
}

/** As transpile, with the source map (for mapping error positions back to the learner's lines). */
export async function transpileWithMap(fileName: string, source: string): Promise<{ js: string; map?: string }> {
  if (!/\.(m|c)?ts$/.test(fileName)) return { js: source };
  const ts = await loadCompiler();
  const out = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true, sourceMap: true },
  });
  const d = out.diagnostics?.[0];
  if (d) {
    const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    throw new TranspileError(`${fileName}${pos ? `:${pos.line + 1}:${pos.character + 1}` : ''}: ${text}`);
  }
  // The map is used in memory; the comment pointing at a .map file would only cause a failed fetch.
  return { js: out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n'), ...(out.sourceMapText ? { map: out.sourceMapText } : {}) };
}
