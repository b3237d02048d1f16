// TypeScript -> JavaScript for the learner's handlers and for the WebContainer project. We use the
// compiler Monaco already ships (an ES module), loaded lazily inside the worker only when a lab has
// TypeScript: it is large (about 9 MB, roughly 2 MB gzipped), so it never counts against the page budget,
// and unlike a hand-written type stripper it handles every syntax the learner may write.

// `?url` keeps the compiler a file of its own (it is a self-contained ES module already), fetched by
// import() on first use only.
import { transpileWith, type TsLike } from '../transpile-module.ts';
import compilerUrl from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js?url';

let compiler: Promise<TsLike> | undefined;

function loadCompiler(): Promise<TsLike> {
  compiler ??= (import(/* @vite-ignore */ compilerUrl) as Promise<{ typescript: TsLike }>).then((m) => m.typescript);
  return compiler;
}

/** Returns JavaScript for `source`; `.ts` imports are rewritten to `.js`. Syntax errors throw with file:line:column. */
export async function transpile(fileName: string, source: string): Promise<string> {
  return (await transpileWithMap(fileName, source)).js;
}

/** As transpile, with the source map (for mapping error positions back to the learner's lines). */
export async function transpileWithMap(fileName: string, source: string): Promise<{ js: string; map?: string }> {
  if (!/\.(m|c)?ts$/.test(fileName)) return { js: source };
  return transpileWith(await loadCompiler(), fileName, source, 'esm');
}
