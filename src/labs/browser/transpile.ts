// TypeScript -> JavaScript for the learner's handlers and for the WebContainer project, with the compiler
// Monaco ships (typescript-compiler.ts), loaded inside the worker only when a lab has TypeScript: it is
// large, so it never counts against the page budget, and unlike a hand-written type stripper it handles
// every syntax the learner may write.
import { transpileWith } from '../transpile-module.ts';
import { loadTypeScript } from './typescript-compiler.ts';

/** Returns JavaScript for `source`; `.ts` imports are rewritten to `.js`. Syntax errors throw with file:line:column. */
export async function transpile(fileName: string, source: string): Promise<string> {
  return (await transpileWithMap(fileName, source)).js;
}

/** As transpile, with the source map (for mapping error positions back to the learner's lines). */
export async function transpileWithMap(fileName: string, source: string): Promise<{ js: string; map?: string }> {
  if (!/\.(m|c)?ts$/.test(fileName)) return { js: source };
  return transpileWith(await loadTypeScript(), fileName, source, 'esm');
}
