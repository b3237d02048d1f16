// The WebContainer runner's glue, with @webcontainer/api and xterm replaced by fakes (a real container
// cannot boot here): when it refuses to boot, what it mounts, what it runs and how it reads results.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LabCheckReport } from '../lab-types.ts';

const fake = vi.hoisted(() => ({
  bootImpl: (): Promise<unknown> => Promise.reject(new Error('not set')),
  mounted: [] as unknown[],
  spawned: [] as string[],
  files: new Map<string, string>(),
  written: [] as string[],
}));

vi.mock('@webcontainer/api', () => ({ WebContainer: { boot: () => fake.bootImpl() } }));
vi.mock('@xterm/xterm', () => ({
  Terminal: class {
    open() {}
    write(s: string) {
      fake.written.push(s);
    }
    writeln(s: string) {
      fake.written.push(s);
    }
    dispose() {}
  },
}));
vi.mock('@xterm/xterm/css/xterm.css?url', () => ({ default: '/_astro/xterm.css' }));

function container() {
  return {
    mount: async (tree: unknown) => void fake.mounted.push(tree),
    spawn: async (cmd: string, args: string[]) => {
      fake.spawned.push([cmd, ...args].join(' '));
      if (args.includes('check')) {
        const report: LabCheckReport = { passed: false, output: [], results: [{ id: 'a-check', title: 'A check', status: 'failed', message: 'why' }] };
        fake.files.set('.lab/check.json', JSON.stringify(report));
      }
      return {
        output: new ReadableStream<string>({
          start(c) {
            c.enqueue(`ran ${cmd}\n`);
            c.close();
          },
        }),
        exit: Promise.resolve(0),
        kill() {},
      };
    },
    fs: { readFile: async (p: string) => fake.files.get(p) ?? '' },
    teardown() {},
  };
}

const g = globalThis as Record<string, unknown>;
const identity = async (files: Record<string, string>) => ({ files, errors: [] });
const lab = {
  id: '01-first-rule',
  definition: { bus: { rules: [] }, events: {}, checks: [{ id: 'a-check', type: 'pattern-valid' as const, file: 'pattern.json', title: 'A check', failure: 'x' }] },
  files: { 'pattern.json': '{}' },
};

describe('WebContainerLabRunner', () => {
  beforeEach(() => {
    g.crossOriginIsolated = true;
    fake.mounted = [];
    fake.spawned = [];
    fake.written = [];
    fake.files.clear();
  });
  afterEach(() => {
    delete g.crossOriginIsolated;
  });

  it('refuses to boot without isolation, before importing anything', async () => {
    g.crossOriginIsolated = false;
    const { WebContainerLabRunner } = await import('./webcontainer-runner.ts');
    await expect(new WebContainerLabRunner({} as HTMLElement, identity).boot()).rejects.toThrow(/not served with the headers it needs.*in this page\.$/);
  });

  it('turns a failed boot into one sentence', async () => {
    fake.bootImpl = () => Promise.reject(new Error('Unable to create more instances.\nstack'));
    const { WebContainerLabRunner } = await import('./webcontainer-runner.ts');
    await expect(new WebContainerLabRunner({} as HTMLElement, identity).boot()).rejects.toThrow(
      'The Node.js terminal could not start (Unable to create more instances), so Run and Check use the in-page runner.',
    );
  });

  it('mounts the project, installs once, runs npm run check and reads the report', async () => {
    fake.bootImpl = () => Promise.resolve(container());
    const { WebContainerLabRunner } = await import('./webcontainer-runner.ts');
    const runner = new WebContainerLabRunner({} as HTMLElement, identity);
    await runner.boot();
    await runner.mount(lab);
    const tree = fake.mounted[0] as Record<string, { directory?: Record<string, unknown>; file?: { contents: string } }>;
    expect(tree['package.json']?.file?.contents).toContain('"check": "node src/cli/lab.js check 01-first-rule --dir work --report .lab/check.json --no-sandbox"');
    expect(Object.keys(tree.work?.directory ?? {})).toEqual(['pattern.json']);
    expect(Object.keys(tree.src?.directory ?? {})).toEqual(expect.arrayContaining(['eventbridge', 'labs', 'cli']));
    const results: string[] = [];
    const report = await runner.check({ onResult: (r) => results.push(r.title) });
    expect(report.results[0]).toMatchObject({ title: 'A check', status: 'failed' });
    expect(results).toEqual(['A check']);
    await runner.check();
    expect(fake.spawned).toEqual(['npm install --no-audit --no-fund', 'npm run --silent check', 'npm run --silent check']);
    expect(fake.written.join('')).toContain('ran npm');
    runner.dispose();
  });
});
