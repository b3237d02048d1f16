// Learner TypeScript -> the CommonJS that CloudFormation's inline code (index.js) needs. The compiler is
// passed in: `typescript` on the command line, the copy Monaco ships in the browser, with the same options.

/** The part of the TypeScript API this uses (both `typescript` and Monaco's copy have it). */
export interface TsLike {
  transpileModule(source: string, opts: { fileName: string; reportDiagnostics: boolean; compilerOptions: Record<string, unknown> }): {
    outputText: string;
    diagnostics?: readonly { messageText: string | { messageText: string } }[];
  };
  ModuleKind: { CommonJS: number };
  ScriptTarget: { ES2022: number };
}

export type Transpile = (fileName: string, source: string) => Promise<string>;

export function commonJsTranspiler(load: () => Promise<TsLike>): Transpile {
  return async (fileName, source) => {
    const ts = await load();
    const out = ts.transpileModule(source, {
      fileName,
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: false, removeComments: true },
    });
    const d = out.diagnostics?.[0];
    if (d) throw new Error(`${fileName}: ${typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText}`);
    return out.outputText;
  };
}
