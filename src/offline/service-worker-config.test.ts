import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ONLINE_ONLY_CHUNKS, serviceWorkerOptions } from './service-worker-config.ts';

describe('what the service worker leaves out', () => {
  it("names modules and packages that exist, so a rename cannot quietly put them back in every learner's download", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of ONLINE_ONLY_CHUNKS) {
      const module = new URL(`../labs/webcontainer/${name}.ts`, import.meta.url);
      expect(existsSync(module) || `@${name}/${name}` in pkg.dependencies, name).toBe(true);
    }
  });

  it('ignores only those chunks under /_astro/, besides its own files and source maps', () => {
    const ignores = serviceWorkerOptions('dist').globIgnores ?? [];
    expect(ignores).toEqual(expect.arrayContaining(['_astro/webcontainer-runner.*', '_astro/project-sources.*', '_astro/xterm.*', '**/*.map']));
    expect(ignores.filter((g) => g.startsWith('_astro/'))).toHaveLength(ONLINE_ONLY_CHUNKS.length);
  });
});
