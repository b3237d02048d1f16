// Learner TypeScript -> JavaScript with a TypeScript compiler passed in (Monaco's copy in the page, the
// `typescript` package on the command line): ES modules with a source map for the runners, CommonJS for
// CloudFormation's inline code. One place for the options and for how a syntax error reads (file:line:column).

/** The part of the TypeScript API this uses (both `typescript` and Monaco's copy have it). */
export interface TsLike {
  transpileModule(source: string, opts: { fileName: string; reportDiagnostics: boolean; compilerOptions: Record<string, unknown> }): {
    outputText: string;
    sourceMapText?: string | undefined;
    diagnostics?: readonly TsDiagnostic[] | undefined;
  };
  ModuleKind: { CommonJS: number; ESNext: number };
  ScriptTarget: { ES2022: number };
}

interface TsDiagnostic {
  messageText: string | { messageText: string };
  file?: { getLineAndCharacterOfPosition(pos: number): { line: number; character: number } } | undefined;
  start?: number | undefined;
}

export class TranspileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyntaxError';
  }
}

/** How a syntax error reads, whichever compiler found it: `file:line:column: message` (1-based). */
export function syntaxErrorText(fileName: string, pos: { line: number; column: number } | undefined, text: string): string {
  return `${fileName}${pos ? `:${pos.line}:${pos.column}` : ''}: ${text}`;
}

/** The map is used in memory; the comment pointing at a .map file would only cause a failed fetch. */
export function withoutSourceMapComment(js: string): string {
  return js.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n');
}

export type ModuleFormat = 'esm' | 'commonjs';

export function transpileWith(ts: TsLike, fileName: string, source: string, format: ModuleFormat): { js: string; map?: string } {
  const compilerOptions =
    format === 'esm'
      ? { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true, sourceMap: true }
      : { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, sourceMap: false, removeComments: true };
  const out = ts.transpileModule(source, { fileName, reportDiagnostics: true, compilerOptions });
  const d = out.diagnostics?.[0];
  if (d) {
    const text = typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText;
    const pos = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : undefined;
    throw new TranspileError(syntaxErrorText(fileName, pos && { line: pos.line + 1, column: pos.character + 1 }, text));
  }
  const js = withoutSourceMapComment(out.outputText);
  return { js, ...(out.sourceMapText ? { map: out.sourceMapText } : {}) };
}
