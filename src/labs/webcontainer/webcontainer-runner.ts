// The WebContainer LabRunner: the lab as a real Node project, in the browser, shown in a terminal. The
// package and xterm are imported only when the learner opens the terminal. It cannot start without
// cross-origin isolation, SharedArrayBuffer and a connection to StackBlitz; `boot` then rejects with a
// one-sentence reason and the page keeps using the in-page runner.
import type { CheckOptions, LabRunner, MountedLab, RunOptions } from '../lab-runner.ts';
import type { LabCheckReport, LabRunReport } from '../lab-types.ts';
import { buildProjectFiles, toFileSystemTree, type TranspileAll } from './project-files.ts';
import { webContainerUnavailableReason, withTimeout } from './webcontainer-support.ts';

type WebContainerApi = typeof import('@webcontainer/api');
type Container = Awaited<ReturnType<WebContainerApi['WebContainer']['boot']>>;
type Terminal = InstanceType<(typeof import('@xterm/xterm'))['Terminal']>;

export const BOOT_TIMEOUT_MS = 20_000;

export class WebContainerLabRunner implements LabRunner {
  readonly kind = 'webcontainer' as const;
  private container: Container | undefined;
  private terminal: Terminal | undefined;
  private lab: MountedLab | undefined;
  private installed = false;
  private readonly host: HTMLElement;
  private readonly transpileAll: TranspileAll;

  /** Compiled output by path and source, so a re-mount after an edit compiles only what changed. */
  private readonly compiled = new Map<string, string>();

  constructor(host: HTMLElement, transpileAll: TranspileAll) {
    this.host = host;
    this.transpileAll = async (files) => {
      const todo: Record<string, string> = {};
      for (const [path, text] of Object.entries(files)) if (!this.compiled.has(`${path}\0${text}`)) todo[path] = text;
      const fresh = Object.keys(todo).length ? await transpileAll(todo) : { files: {}, errors: [] };
      for (const [path, js] of Object.entries(fresh.files)) this.compiled.set(`${path}\0${todo[path]}`, js);
      const out: Record<string, string> = {};
      for (const [path, text] of Object.entries(files)) {
        const js = this.compiled.get(`${path}\0${text}`);
        if (js !== undefined) out[path] = js;
      }
      return { files: out, errors: fresh.errors };
    };
  }

  /** Starts the container and the terminal; rejects with a sentence the page can show as is. */
  async boot(): Promise<void> {
    const reason = webContainerUnavailableReason();
    if (reason) throw new Error(reason);
    const [{ WebContainer }, { Terminal }, { default: cssUrl }] = await Promise.all([import('@webcontainer/api'), import('@xterm/xterm'), import('@xterm/xterm/css/xterm.css?url')]).catch(() => {
      throw new Error('The Node.js terminal could not be downloaded, so Run and Check use the in-page runner.');
    });
    try {
      this.container = await withTimeout(WebContainer.boot({ coep: 'require-corp', workdirName: 'lab' }), BOOT_TIMEOUT_MS, 'timeout');
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        why === 'timeout'
          ? 'The Node.js terminal did not start within 20 seconds (StackBlitz may be unreachable), so Run and Check use the in-page runner.'
          : `The Node.js terminal could not start (${why.split('\n')[0]?.replace(/\.$/, '')}), so Run and Check use the in-page runner.`,
      );
    }
    // The stylesheet as a file of its own: a CSS import inside a lazily loaded chunk was dropped from the build (a 404).
    const doc = this.host.ownerDocument as Document | undefined;
    if (doc && !doc.querySelector(`link[href="${cssUrl}"]`)) doc.head.append(Object.assign(doc.createElement('link'), { rel: 'stylesheet', href: cssUrl }));
    this.terminal = new Terminal({ convertEol: true, disableStdin: true, fontSize: 13, rows: 16 });
    this.terminal.open(this.host);
  }

  async mount(lab: MountedLab): Promise<void> {
    if (!this.container) throw new Error('boot() first');
    this.lab = lab;
    const { projectSources, labFolder } = await import('./project-sources.ts');
    const { files, errors } = await buildProjectFiles({ labId: lab.id, sources: projectSources(), labFolder: labFolder(lab.id), work: lab.files }, this.transpileAll);
    for (const e of errors) this.terminal?.writeln(`\x1b[31m${e}\x1b[0m`);
    await this.container.mount(toFileSystemTree(files) as never);
  }

  private async exec(command: string, args: string[], signal?: AbortSignal, onLine?: (l: string) => void): Promise<number> {
    const c = this.container!;
    this.terminal?.writeln(`\x1b[2m$ ${command} ${args.join(' ')}\x1b[0m`);
    const proc = await c.spawn(command, args);
    const onAbort = () => proc.kill();
    signal?.addEventListener('abort', onAbort);
    void proc.output.pipeTo(
      new WritableStream({
        write: (chunk: string) => {
          this.terminal?.write(chunk);
          for (const line of chunk.split('\n')) if (line.trim()) onLine?.(line);
        },
      }),
    );
    const code = await proc.exit;
    signal?.removeEventListener('abort', onAbort);
    return code;
  }

  private async install(signal?: AbortSignal): Promise<void> {
    if (this.installed) return;
    const code = await this.exec('npm', ['install', '--no-audit', '--no-fund'], signal);
    if (code !== 0) throw new Error('npm install failed in the Node.js terminal.');
    this.installed = true;
  }

  private async readJson<T>(path: string): Promise<T> {
    return JSON.parse(await this.container!.fs.readFile(path, 'utf-8')) as T;
  }

  async run(options: RunOptions = {}): Promise<LabRunReport> {
    if (!this.lab) throw new Error('mount() a lab first');
    await this.install(options.signal);
    await this.exec('npm', ['run', '--silent', 'run'], options.signal, (text) => options.onOutput?.({ stream: 'log', text }));
    const report = await this.readJson<LabRunReport>('.lab/run.json');
    for (const e of report.trace) options.onTrace?.(e);
    return report;
  }

  async check(options: CheckOptions = {}): Promise<LabCheckReport> {
    if (!this.lab) throw new Error('mount() a lab first');
    await this.install(options.signal);
    await this.exec('npm', ['run', '--silent', 'check'], options.signal);
    const report = await this.readJson<LabCheckReport>('.lab/check.json');
    report.results.forEach((r, i) => options.onResult?.(r, i));
    return report;
  }

  dispose(): void {
    this.terminal?.dispose();
    this.container?.teardown();
    this.container = undefined;
  }
}
