// The TypeScript compiler Monaco ships (an ES module), loaded on first use only, for the page's runner and
// for Download project. Imported as a chunk rather than copied as a file, so that the build minifies it
// (9 MB raw, 1.57 MB gzipped as shipped; about 1 MB gzipped minified) and the worker's copy and the page's
// copy are one file (astro.config.mjs names this chunk the same way in both builds).
import type { TsLike } from '../transpile-module.ts';

let compiler: Promise<TsLike> | undefined;

export function loadTypeScript(): Promise<TsLike> {
  compiler ??= import('monaco-editor/languages/features/typescript/lib/typescriptServices.js').then((m) => m.typescript as unknown as TsLike);
  return compiler;
}
