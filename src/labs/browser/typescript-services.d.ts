// Monaco ships the TypeScript compiler as an ES module without type declarations; we only use transpileModule.
declare module 'monaco-editor/languages/features/typescript/lib/typescriptServices.js' {
  export const typescript: {
    version: string;
    ModuleKind: { ESNext: number };
    ScriptTarget: { ES2022: number };
    transpileModule(
      source: string,
      options: { fileName?: string; reportDiagnostics?: boolean; compilerOptions?: Record<string, unknown> },
    ): {
      outputText: string;
      /** Present when compilerOptions.sourceMap is true. */
      sourceMapText?: string;
      diagnostics?: { start?: number; messageText: string | { messageText: string }; file?: { getLineAndCharacterOfPosition(p: number): { line: number; character: number } } }[];
    };
  };
}
