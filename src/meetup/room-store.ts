// The room, kept in a file: every change is written (temporary file, fsync, rename) before it is
// acknowledged, so a restart of the host loses nothing that a learner was told was stored.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sha256Hex } from '../submissions/submission-hash.ts';
import { roomSchema, type Learner, type Room } from './room-state.ts';
import type { CheckClaim } from '../submissions/submission-format.ts';

export class RoomError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const MAX_LEARNERS = 500;

export class RoomStore {
  readonly file: string;
  private room: Room;
  private writing: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(room: Room) => void>();

  constructor(file: string) {
    this.file = file;
    this.room = { version: 1, learners: [] };
    if (existsSync(file)) {
      const r = roomSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!r.success) throw new Error(`${file} is not a meetup room file (${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}). Move it away to start a new room.`);
      this.room = r.data;
    }
  }

  get state(): Room {
    return this.room;
  }

  onChange(listener: (room: Room) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async join(name: string): Promise<{ learner: Learner; token: string }> {
    if (this.room.learners.length >= MAX_LEARNERS) throw new RoomError(409, `the room is full (${MAX_LEARNERS} learners)`);
    const token = randomBytes(24).toString('base64url');
    const learner: Learner = { id: `l-${randomBytes(8).toString('base64url')}`, name: name.trim(), joinedAt: new Date().toISOString(), tokenHash: await sha256Hex(token), labs: {} };
    await this.commit({ ...this.room, learners: [...this.room.learners, learner] });
    return { learner, token };
  }

  async progress(learnerId: string, token: string, lab: string, checks: CheckClaim[]): Promise<void> {
    const learner = this.room.learners.find((l) => l.id === learnerId);
    if (!learner || learner.tokenHash !== (await sha256Hex(token))) throw new RoomError(403, 'unknown learner or wrong token: join the room again');
    const passed = checks.filter((c) => c.status === 'passed').length;
    const updated: Learner = { ...learner, labs: { ...learner.labs, [lab]: { at: new Date().toISOString(), passed, total: checks.length, checks } } };
    await this.commit({ ...this.room, learners: this.room.learners.map((l) => (l.id === learnerId ? updated : l)) });
  }

  /** Writes `next` durably, then makes it the state. Writes are queued so they land in order. */
  private commit(next: Room): Promise<void> {
    const run = this.writing.then(async () => {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      const fh = await open(tmp, 'w');
      try {
        await fh.writeFile(`${JSON.stringify(next)}\n`);
        await fh.sync();
      } finally {
        await fh.close();
      }
      await rename(tmp, this.file);
      this.room = next;
      for (const l of this.listeners) l(next);
    });
    this.writing = run.catch(() => {});
    return run;
  }
}
