// Which modules a compiled handler imports, and pointing one of them elsewhere. A handler in the page is
// a blob module, where a bare specifier such as '@aws-sdk/client-eventbridge' resolves to nothing, so the
// worker points it at its own module of the real SDK (one per package: EventBridge, CloudWatch Logs). Works on TypeScript's output, whose import and
// export statements are normalized (one statement per line, quoted specifiers). A dynamic import() of
// anything else is left to the worker's Content-Security-Policy, which refuses it when it runs.

import { EVENTBRIDGE_SDK, LAB_SDK_CLIENTS } from '../lab-sdk-clients.ts';

export const SDK_SPECIFIER = EVENTBRIDGE_SDK.package;
/** Every SDK package a lab's code may import (each is a chunk of its own in the page). */
export const SDK_SPECIFIERS: readonly string[] = LAB_SDK_CLIENTS.map((c) => c.package);

/** `import ... from 'x'`, `import 'x'` and `export ... from 'x'`, each at the start of a line. */
const STATIC = /^(\s*(?:import\s+(?:[\w*${}\s,]+?\s*from\s*)?|export\s*[\w*${}\s,]*?\s*from\s*))(['"])([^'"\n]+)\2/gm;
/** `import('x')` with a string literal. */
const DYNAMIC = /(\bimport\s*\(\s*)(['"])([^'"\n]+)\2/g;

export function importedModules(js: string): string[] {
  return [...new Set([...js.matchAll(STATIC)].map((m) => m[3]!))];
}

export function useModule(js: string, specifier: string, url: string): string {
  const point = (whole: string, head: string, _q: string, spec: string) => (spec === specifier ? `${head}${JSON.stringify(url)}` : whole);
  return js.replace(STATIC, point).replace(DYNAMIC, point);
}

/**
 * The lab file a relative import names ('./warehouse.ts', './warehouse.js' or './warehouse'), if the lab has it:
 * a lab's read-only modules sit beside the handler, and Node resolves the same specifiers from the same folder.
 */
export function labModuleFile(specifier: string, files: Record<string, string>): string | undefined {
  if (!specifier.startsWith('./') || specifier.includes('..')) return undefined;
  const path = specifier.slice(2);
  const candidates = [path, path.replace(/\.js$/, '.ts'), `${path}.ts`, `${path}.js`];
  return candidates.find((c) => /\.(ts|js)$/.test(c) && Object.hasOwn(files, c));
}
