// Which modules a compiled handler imports, and pointing one of them elsewhere. A handler in the page is
// a blob module, where a bare specifier such as '@aws-sdk/client-eventbridge' resolves to nothing, so the
// worker points it at its own module of the real SDK. Works on TypeScript's output, whose import and
// export statements are normalized (one statement each, quoted specifiers).

export const SDK_SPECIFIER = '@aws-sdk/client-eventbridge';

/** `import ... from 'x'`, `import 'x'`, `export ... from 'x'`, and `import('x')` with a string literal. */
const SPECIFIER = /(\bimport\s*(?:[\w*${}\s,]+?\s*from\s*)?|\bexport\s*[\w*${}\s,]*?\s*from\s*|\bimport\s*\(\s*)(['"])([^'"\n]+)\2/g;

export function importedModules(js: string): string[] {
  const found = new Set<string>();
  for (const m of js.matchAll(SPECIFIER)) found.add(m[3]!);
  return [...found];
}

export function useModule(js: string, specifier: string, url: string): string {
  return js.replace(SPECIFIER, (whole, head: string, _q: string, spec: string) => (spec === specifier ? `${head}${JSON.stringify(url)}` : whole));
}
