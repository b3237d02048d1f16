// How the grader starts a child: Node's permission model (read only the session folder and the SDK's
// node_modules; no writes, child
// processes, workers, addons, WASI or inspector), SQLite/fetch/WebSocket switched off, a heap limit, and
// on Linux, when the tools are there, a data-size limit (prlimit) and an empty network namespace (unshare).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface SandboxLimits {
  /** V8 heap limit of the child. */
  heapMb: number;
  /** Limit on all of the child's private memory (heap, buffers), where prlimit exists. */
  dataMb: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { heapMb: 128, dataMb: 1024 };

export interface SpawnPlan {
  command: string;
  args: string[];
  /** Which layers this machine gives us, for the report and the tests. */
  layers: { permission: true; networkNamespace: boolean; dataLimit: boolean };
  limits: SandboxLimits;
}

function tool(name: string): string | undefined {
  return ['/usr/bin', '/bin', '/usr/sbin', '/sbin'].map((d) => `${d}/${name}`).find((p) => existsSync(p));
}

let namespaceWorks: boolean | undefined;
/** An unprivileged user plus network namespace: no interface but a loopback that is down. */
function unshareUsable(unshare: string | undefined): boolean {
  if (!unshare || process.platform !== 'linux') return false;
  namespaceWorks ??= spawnSync(unshare, ['--map-root-user', '--net', 'true'], { stdio: 'ignore', timeout: 5000 }).status === 0;
  return namespaceWorks;
}

export function planSpawn(script: string, readable: string[], limits: SandboxLimits = DEFAULT_LIMITS): SpawnPlan {
  const permission = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
  const node = [
    process.execPath,
    permission,
    ...readable.map((r) => `--allow-fs-read=${r}`),
    `--max-old-space-size=${limits.heapMb}`,
    '--no-experimental-sqlite',
    '--no-experimental-fetch',
    '--no-experimental-websocket',
    '--disable-warning=ExperimentalWarning',
    '--disable-warning=SecurityWarning',
    ...((process.features as { typescript?: unknown }).typescript ? [] : ['--experimental-strip-types']),
    script,
  ];
  const prlimit = process.platform === 'linux' ? tool('prlimit') : undefined;
  const unshare = tool('unshare');
  const netns = unshareUsable(unshare);
  const chain = [...(prlimit ? [prlimit, `--data=${limits.dataMb * 1024 * 1024}`, '--'] : []), ...(netns ? [unshare!, '--map-root-user', '--net', '--'] : []), ...node];
  return { command: chain[0]!, args: chain.slice(1), layers: { permission: true, networkNamespace: netns, dataLimit: Boolean(prlimit) }, limits };
}
