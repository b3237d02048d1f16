// The engine, the schema registry and the storming model run in a browser worker, a WebContainer and Node alike,
// so their runtime code must not touch Node-only or DOM APIs. Test files (*.test.ts) may.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const roots = [root, path.join(root, '..', 'schema-registry'), path.join(root, '..', 'storming')];

function engineFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      out.push(...engineFiles(full));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(full);
  }
  return out;
}

/** Source without comments and string contents, so prose mentioning "process" is not flagged. */
function codeOnly(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'/g, "''")
    .replace(/`(?:[^`\\]|\\.)*`/g, '``');
}

describe('engine purity', () => {
  const files = roots.flatMap((dir) => engineFiles(dir));
  it('finds the engine files', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    const rel = path.relative(root, file);
    it(`${rel} uses no node: modules, process, Buffer, document or window`, () => {
      const src = readFileSync(file, 'utf8');
      const imports = [...src.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? '');
      for (const spec of imports) {
        expect(spec, `${rel} imports ${spec}`).not.toMatch(/^node:/);
        expect(['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'buffer']).not.toContain(spec);
      }
      const code = codeOnly(src);
      for (const name of ['process', 'Buffer', 'document', 'window', 'require', '__dirname']) {
        expect(new RegExp(`(?<![\\w.$'"])${name}\\s*[.\\[(]`).test(code), `${rel} uses ${name}`).toBe(false);
      }
    });
  }
});
