import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { learnerStack, parseLineMap } from './source-lines.ts';

describe('learnerStack', () => {
  it('maps compiled positions back to the TypeScript line and drops frames outside the learner\'s files', () => {
    const source = "import type { X } from './events.ts';\n\nexport function handler(x: X): void {\n  const n: number = 1;\n  throw new Error(`broken ${n}`);\n}\n";
    const out = ts.transpileModule(source, { fileName: 'handler.ts', compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: true } });
    const js = out.outputText.split('\n');
    const line = js.findIndex((l) => l.includes('throw new Error')) + 1;
    const col = js[line - 1]!.indexOf('throw') + 9;
    expect(line).toBeLessThan(5); // the compiled file is shorter: without mapping the line would be wrong
    const stack = `Error: broken 1\n    at handler (handler.ts:${line}:${col})\n    at Zn (http://x/_astro/lab-runner/lab-worker-1.js:3:4)\n    at http://x/_astro/lab-runner/lab-worker-1.js:3:9`;
    expect(learnerStack(stack, new Map([['handler.ts', parseLineMap(out.sourceMapText!)]]))).toMatch(/^Error: broken 1\n    at handler \(handler\.ts:5:\d+\)$/);
  });
});
