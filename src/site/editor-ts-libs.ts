// The standard library the lab editor's TypeScript worker type-checks against. Monaco's worker bundles
// every lib file TypeScript ships (the DOM, web workers, every ES edition: 3.1 MB, 433 KB gzipped) and a
// handler needs one edition without the DOM, so the build gives the worker only that edition and what it
// references (about 50 KB gzipped).
import type { Plugin } from 'vite';

/** The one lib the editor names in its compiler options (a file name, as the language service takes it). */
export const EDITOR_TS_LIB = 'lib.es2022.d.ts';

/** `name` and every lib it pulls in with `/// <reference lib="..." />`, in no particular order. */
export function libClosure(libs: Record<string, string>, name: string): string[] {
  const seen = new Set<string>();
  const todo = [name];
  while (todo.length > 0) {
    const next = todo.pop()!;
    if (seen.has(next)) continue;
    const text = libs[next];
    if (text === undefined) throw new Error(`TypeScript's lib ${next} is not among Monaco's lib files`);
    seen.add(next);
    for (const m of text.matchAll(/\/\/\/\s*<reference\s+lib="([^"]+)"\s*\/>/g)) todo.push(`lib.${m[1]!.toLowerCase()}.d.ts`);
  }
  return [...seen];
}

const LIB_MODULE = /[\\/]monaco-editor[\\/]esm[\\/]vs[\\/]languages[\\/]features[\\/]typescript[\\/]lib[\\/]lib\.js$/;

/** A Vite plugin that rewrites Monaco's lib map (`lib/lib.js`, imported by its TypeScript worker) to the closure of `lib`. */
export function editorTsLibs(lib = EDITOR_TS_LIB): Plugin {
  return {
    name: 'course:editor-ts-libs',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0]!;
      if (!LIB_MODULE.test(file)) return undefined;
      const { libFileMap } = (await import(/* @vite-ignore */ `file://${file}`)) as { libFileMap: Record<string, string> };
      const keep = Object.fromEntries(libClosure(libFileMap, lib).sort().map((n) => [n, libFileMap[n]!]));
      return `export const libFileMap = ${JSON.stringify(keep)};\n`;
    },
  };
}

