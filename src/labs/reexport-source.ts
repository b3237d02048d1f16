// The source of an ES module that re-exports, by name, the members of an object another module holds: how
// the page's worker and the grader's child hand a handler the real SDK under its own specifier. ES modules
// cannot export names chosen at run time, so the names are written out. Pure.

/** `export const X = <object>.X;` for every key that is a valid identifier and not in `except`. */
export function reexportLines(keys: readonly string[], object: string, except: readonly string[] = []): string[] {
  return keys.filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && !except.includes(k)).map((k) => `export const ${k} = ${object}.${k};`);
}
