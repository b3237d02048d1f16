import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { TranspileError, transpileWith, type TsLike } from './transpile-module.ts';

// The compiler package's own types are wider than the part transpileWith reads.
const compiler = ts as unknown as TsLike;

describe('transpileWith', () => {
  const source = "import type { A } from './a.ts';\nimport { b } from './b.ts';\n// why\nexport const handler = async (e: A): Promise<number> => b(e);\n";

  it('gives ES modules with .ts imports rewritten and a source map, for the runners', () => {
    const out = transpileWith(compiler, 'handler.ts', source, 'esm');
    expect(out.js).toContain('from "./b.js"');
    expect(out.js).not.toContain('import type');
    expect(out.js).not.toContain('sourceMappingURL');
    expect(JSON.parse(out.map!).sources).toEqual(['handler.ts']);
  });

  it('gives CommonJS without comments, for inline Lambda code', () => {
    const out = transpileWith(compiler, 'handler.ts', source, 'commonjs');
    expect(out.js).toContain('exports.handler');
    expect(out.js).toContain('require("./b.ts")');
    expect(out.js).not.toContain('// why');
    expect(out.map).toBeUndefined();
  });

  it('names the file, line and column of a syntax error', () => {
    expect(() => transpileWith(compiler, 'handler.ts', 'export const x = ;\n', 'esm')).toThrow(TranspileError);
    expect(() => transpileWith(compiler, 'handler.ts', 'const ok = 1;\nexport const x = ;\n', 'esm')).toThrow(/^handler\.ts:2:18: Expression expected/);
  });
});
