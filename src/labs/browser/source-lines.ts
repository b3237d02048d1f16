// Error stacks in the page name the compiled JavaScript, whose lines differ from the learner's
// TypeScript (type-only lines vanish). This maps positions back with the compiler's source map and
// drops every stack frame that is not in the learner's file (our worker's minified internals).

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line (0-based): [generated column, original line, original column] segments, in order. */
export type LineMap = [number, number, number][][];

function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = DIGITS.indexOf(ch);
    if (digit < 0) return out;
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** Reads a version 3 source map's `mappings` for a single source file. */
export function parseLineMap(sourceMapJson: string): LineMap {
  const { mappings } = JSON.parse(sourceMapJson) as { mappings: string };
  let srcLine = 0;
  let srcCol = 0;
  return mappings.split(';').map((line) => {
    let genCol = 0;
    const segs: [number, number, number][] = [];
    for (const part of line.split(',')) {
      if (!part) continue;
      const f = vlq(part);
      genCol += f[0] ?? 0;
      if (f.length < 4) continue;
      srcLine += f[2]!;
      srcCol += f[3]!;
      segs.push([genCol, srcLine, srcCol]);
    }
    return segs;
  });
}

/** The learner's 1-based line and column for a 1-based position in the compiled file. */
export function originalPosition(map: LineMap, line: number, column: number): { line: number; column: number } | undefined {
  const segs = map[line - 1];
  if (!segs?.length) return undefined;
  let best = segs[0]!;
  for (const s of segs) if (s[0] <= column - 1) best = s;
  return { line: best[1] + 1, column: best[2] + 1 + Math.max(0, column - 1 - best[0]) };
}

/** The stack with `file:line:col` mapped back and only the frames in the learner's files kept. */
export function learnerStack(stack: string, maps: ReadonlyMap<string, LineMap>): string {
  const files = [...maps.keys()];
  return stack
    .split('\n')
    .filter((l) => !/^\s+at /.test(l) || files.some((f) => l.includes(`${f}:`)))
    .map((l) =>
      l.replace(/([\w./-]+\.(?:m|c)?ts):(\d+):(\d+)/g, (whole, file: string, ln: string, col: string) => {
        const map = maps.get(file);
        const at = map && originalPosition(map, Number(ln), Number(col));
        return at ? `${file}:${at.line}:${at.column}` : whole;
      }),
    )
    .join('\n');
}
