// The --state file: an append-only journal of every acknowledged change, one JSON line per entry, each
// batch written and fsync'd before the calls in it are answered (group commit: entries queued while a
// write is in flight go out together). A lock file beside it keeps a second emulator away; a file that
// is not a journal, or has a bad line, is refused and left untouched. Compaction streams a smaller
// journal to a temporary file and renames it over the old one, in the same queue as appends, so two
// writes never overlap.
import { createReadStream } from 'node:fs';
import { open, rename, rm, writeFile, readFile, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export const JOURNAL_FORMAT = 'aws-emulator-journal';
export const JOURNAL_VERSION = 2;

export interface JournalLine {
  /** The endpoint that wrote the entry (its `name`). */
  e: string;
  v: unknown;
}

export class StateFileError extends Error {
  constructor(file: string, problem: string) {
    super(`state file ${file} cannot be used: ${problem}. It was left untouched; fix it or start with another --state file.`);
    this.name = 'StateFileError';
  }
}

export interface JournalOptions {
  /** Attempts for a failed write before the calls waiting on it fail (default 5). */
  attempts?: number;
  log?: (line: string) => void;
}

interface Pending {
  line: string;
  resolve: () => void;
  reject: (e: Error) => void;
}

const header = (): string => `${JSON.stringify({ format: JOURNAL_FORMAT, version: JOURNAL_VERSION })}\n`;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `file.lock`; a lock left by a process that is gone is taken over. */
async function lock(file: string): Promise<string> {
  const lockFile = `${file}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      const h = await open(lockFile, 'wx');
      await h.writeFile(`${process.pid}\n`);
      await h.close();
      return lockFile;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new StateFileError(file, `its lock file cannot be created (${(e as Error).message})`);
      const pid = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new StateFileError(file, `another emulator (process ${pid}) is using it (lock file ${lockFile})`);
      }
      if (pid === process.pid) throw new StateFileError(file, `this process already has it open (lock file ${lockFile})`);
      await rm(lockFile, { force: true });
    }
  }
  throw new StateFileError(file, `its lock file ${lockFile} could not be taken`);
}

/** Reads every entry, checking each line; a torn last line (a write cut off by a crash) is dropped. */
async function* readLines(file: string): AsyncGenerator<{ line: JournalLine; n: number }> {
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let n = 0;
  let held: string | undefined;
  for await (const text of rl) {
    n++;
    if (n === 1) {
      let h: unknown;
      try {
        h = JSON.parse(text);
      } catch {
        throw new StateFileError(file, 'its first line is not a journal header (is it a state file from an older emulator, or another file?)');
      }
      const hv = h as { format?: unknown; version?: unknown };
      if (hv.format !== JOURNAL_FORMAT) throw new StateFileError(file, `its header does not name the format "${JOURNAL_FORMAT}"`);
      if (hv.version !== JOURNAL_VERSION) throw new StateFileError(file, `its version ${JSON.stringify(hv.version)} is not supported (expected ${JOURNAL_VERSION})`);
      continue;
    }
    if (held !== undefined) yield { line: parseLine(file, held, n - 1), n: n - 1 };
    held = text;
  }
  if (held === undefined) return;
  // The last line: a crash during a write can leave it cut off; it was never acknowledged.
  try {
    yield { line: parseLine(file, held, n), n };
  } catch (e) {
    if (!(e instanceof StateFileError) || held.endsWith('}')) throw e;
  }
}

function parseLine(file: string, text: string, n: number): JournalLine {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new StateFileError(file, `line ${n} is not valid JSON`);
  }
  const l = v as Partial<JournalLine>;
  if (typeof v !== 'object' || v === null || typeof l.e !== 'string' || !('v' in l)) throw new StateFileError(file, `line ${n} is not {"e": endpoint, "v": entry}`);
  return { e: l.e, v: l.v };
}

export class JournalFile {
  readonly file: string;
  private readonly lockFile: string;
  private handle: FileHandle | undefined;
  private queue: Pending[] = [];
  private writing: Promise<void> = Promise.resolve();
  private flushing = false;
  private readonly attempts: number;
  private readonly log: (line: string) => void;
  /** Lines written since the last compaction (the emulator compacts past a threshold). */
  linesSinceCompaction = 0;
  private closed = false;

  private constructor(file: string, lockFile: string, opts: JournalOptions) {
    this.file = file;
    this.lockFile = lockFile;
    this.attempts = opts.attempts ?? 5;
    this.log = opts.log ?? (() => undefined);
  }

  /**
   * Locks the file, replays every entry through `apply` (a missing file is an empty journal), and opens
   * it for appending. A bad file or a failing entry throws StateFileError, leaving the file as it was.
   */
  static async open(file: string, apply: (line: JournalLine) => Promise<void>, opts: JournalOptions = {}): Promise<JournalFile> {
    const lockFile = await lock(file);
    const j = new JournalFile(file, lockFile, opts);
    try {
      let exists = true;
      try {
        await readFile(file, { flag: 'r' }).then(() => undefined);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StateFileError(file, `it cannot be read (${(e as Error).message})`);
        exists = false;
      }
      if (exists) {
        for await (const { line, n } of readLines(file)) {
          try {
            await apply(line);
          } catch (e) {
            throw new StateFileError(file, `replaying line ${n} (${line.e}) failed: ${(e as Error).message}`);
          }
          j.linesSinceCompaction++;
        }
      } else {
        await writeFile(file, header(), { flag: 'wx' });
      }
      j.handle = await open(file, 'a');
    } catch (e) {
      await rm(lockFile, { force: true });
      throw e;
    }
    return j;
  }

  /** Queues an entry now (so entries keep the order of the calls) and resolves once it is on disk. */
  append(endpoint: string, entry: unknown): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the state file is closed'));
    const line = `${JSON.stringify({ e: endpoint, v: entry })}\n`;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        this.writing = this.writing.then(() => this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    // Let the calls of this tick queue their entries, then write them as one batch.
    await new Promise<void>((r) => setImmediate(r));
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      const text = batch.map((p) => p.line).join('');
      let error: Error | undefined;
      for (let attempt = 1; attempt <= this.attempts; attempt++) {
        try {
          await this.write(text);
          error = undefined;
          break;
        } catch (e) {
          error = e as Error;
          this.log(`could not write the state file ${this.file} (attempt ${attempt} of ${this.attempts}): ${error.message}`);
          await new Promise<void>((r) => setTimeout(r, 20 * attempt));
        }
      }
      if (error === undefined) {
        this.linesSinceCompaction += batch.length;
        for (const p of batch) p.resolve();
      } else {
        for (const p of batch) p.reject(new Error(`the change could not be stored in ${this.file}: ${error.message}`));
      }
    }
    this.flushing = false;
  }

  private async write(text: string): Promise<void> {
    const h = this.handle;
    if (h === undefined) throw new Error('the state file is not open');
    await h.write(text);
    await h.datasync();
  }

  /**
   * Rewrites the journal: the lines `keep` accepts, in order, then the lines of `snapshot`, streamed into
   * a temporary file that replaces the journal once fsync'd. Queued after the appends already waiting.
   */
  compact(keep: (line: JournalLine) => boolean, snapshot: () => Iterable<JournalLine>): Promise<void> {
    const run = async (): Promise<void> => {
      const tmp = `${this.file}.${process.pid}.compact.tmp`;
      const out = await open(tmp, 'w');
      let lines = 0;
      try {
        let buffer = header();
        const push = async (l: JournalLine): Promise<void> => {
          buffer += `${JSON.stringify(l)}\n`;
          lines++;
          if (buffer.length > 1 << 20) {
            await out.write(buffer);
            buffer = '';
          }
        };
        for await (const { line } of readLines(this.file)) if (keep(line)) await push(line);
        for (const l of snapshot()) await push(l);
        await out.write(buffer);
        await out.sync();
      } finally {
        await out.close();
      }
      await this.handle?.close();
      await rename(tmp, this.file);
      this.handle = await open(this.file, 'a');
      this.linesSinceCompaction = lines;
    };
    const done = this.writing.then(run);
    this.writing = done.catch((e: unknown) => this.log(`could not compact the state file ${this.file}: ${(e as Error).message}`));
    return done;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.writing;
    while (this.flushing) await this.writing;
    await this.handle?.close();
    this.handle = undefined;
    await rm(this.lockFile, { force: true });
  }
}
