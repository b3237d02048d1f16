// Learner TypeScript -> the CommonJS that CloudFormation's inline code (index.js) needs. The compiler is
// passed in: `typescript` on the command line, the copy Monaco ships in the browser; the options are the
// runners' own (src/labs/transpile-module.ts).
import { transpileWith, type TsLike } from '../labs/transpile-module.ts';

export type { TsLike };

export type Transpile = (fileName: string, source: string) => Promise<string>;

export function commonJsTranspiler(load: () => Promise<TsLike>): Transpile {
  return async (fileName, source) => transpileWith(await load(), fileName, source, 'commonjs').js;
}
