import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EDITOR_TS_LIB, editorTsLibs, libClosure } from './editor-ts-libs.ts';

const libPath = createRequire(import.meta.url).resolve('monaco-editor/languages/features/typescript/lib/lib.js');
const load = async (id: string) => {
  const hook = editorTsLibs().load as (id: string) => Promise<string | undefined>;
  return hook(id);
};

describe('libClosure', () => {
  it('follows reference lib directives, lower-casing names as TypeScript does', () => {
    const libs = { 'lib.a.d.ts': '/// <reference lib="B.Core" />\n/// <reference lib="c" />', 'lib.b.core.d.ts': '/// <reference lib="c" />', 'lib.c.d.ts': 'x', 'lib.dom.d.ts': 'y' };
    expect(libClosure(libs, 'lib.a.d.ts').sort()).toEqual(['lib.a.d.ts', 'lib.b.core.d.ts', 'lib.c.d.ts']);
  });
  it('names a referenced lib that is missing', () => {
    expect(() => libClosure({ 'lib.a.d.ts': '/// <reference lib="gone" />' }, 'lib.a.d.ts')).toThrow(/lib\.gone\.d\.ts/);
  });
});

describe('the editor worker lib map', () => {
  it("keeps the editor's edition and its references, and drops the DOM and later editions", async () => {
    const code = await load(libPath);
    const libFileMap = JSON.parse(code!.replace(/^export const libFileMap = /, '').replace(/;\n$/, '')) as Record<string, string>;
    const names = Object.keys(libFileMap);
    expect(names).toContain(EDITOR_TS_LIB);
    expect(names).toContain('lib.es5.d.ts');
    expect(names).toContain('lib.es2015.promise.d.ts');
    expect(names).toContain('lib.es2022.error.d.ts');
    expect(names).not.toContain('lib.dom.d.ts');
    expect(names).not.toContain('lib.es2023.d.ts');
    expect(names).not.toContain('lib.webworker.d.ts');
    // Every kept file is Monaco's own text, unchanged.
    const { libFileMap: full } = (await import(libPath)) as { libFileMap: Record<string, string> };
    for (const n of names) expect(libFileMap[n]).toBe(full[n]);
    expect(code!.length).toBeLessThan(JSON.stringify(full).length / 4);
  });
  it('leaves every other module alone', async () => {
    expect(await load(libPath.replace(/lib\.js$/, 'typescriptServices.js'))).toBeUndefined();
  });
});
