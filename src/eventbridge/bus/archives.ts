// Archives keep copies of the events that reach a bus (optionally filtered by a pattern) for later replay.
import { alreadyExists, notFound, validationError } from './errors.ts';
import { constraintMessage } from './name-validation.ts';
import type { ArchiveDescription, CreateArchiveRequest, EventEnvelope } from './types.ts';

const ARCHIVE_NAME = /^[.\-_A-Za-z0-9]+$/;

/** One event as an archive keeps it. */
export interface ArchivedEvent {
  event: EventEnvelope;
  storedAt: number;
  size: number;
}

interface StoredArchive {
  info: ArchiveDescription;
  busName: string;
  events: ArchivedEvent[];
}

export class ArchiveStore {
  private readonly archives = new Map<string, StoredArchive>();
  /** Told of every event an archive stores (a durable host journals it). */
  onCapture: ((archiveName: string, stored: ArchivedEvent) => void) | undefined;

  /** Puts back an event a durable host journaled; an archive deleted since then takes nothing. */
  restore(archiveName: string, stored: ArchivedEvent): void {
    const a = this.archives.get(archiveName);
    if (!a) return;
    a.events.push(structuredCloneJson(stored));
    a.info.EventCount += 1;
    a.info.SizeBytes += stored.size;
  }

  create(i: CreateArchiveRequest, arn: string, busName: string, now: number): ArchiveDescription {
    if (typeof i?.ArchiveName !== 'string' || !ARCHIVE_NAME.test(i.ArchiveName) || i.ArchiveName.length > 48) {
      throw validationError(
        constraintMessage(i?.ArchiveName, 'archiveName', 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+ and have length between 1 and 48'),
      );
    }
    if (this.archives.has(i.ArchiveName)) throw alreadyExists(`Archive ${i.ArchiveName} already exists.`);
    if (i.RetentionDays !== undefined && (!Number.isInteger(i.RetentionDays) || i.RetentionDays < 0)) {
      throw validationError(constraintMessage(i.RetentionDays, 'retentionDays', 'Member must have value greater than or equal to 0'));
    }
    const info: ArchiveDescription = {
      ArchiveArn: arn,
      ArchiveName: i.ArchiveName,
      EventSourceArn: i.EventSourceArn,
      ...(i.Description !== undefined ? { Description: i.Description } : {}),
      ...(i.EventPattern !== undefined ? { EventPattern: i.EventPattern } : {}),
      State: 'ENABLED',
      RetentionDays: i.RetentionDays ?? 0,
      SizeBytes: 0,
      EventCount: 0,
      CreationTime: new Date(now),
    };
    this.archives.set(i.ArchiveName, { info, busName, events: [] });
    return { ...info };
  }

  describe(name: string, now?: number): ArchiveDescription {
    const a = this.get(name);
    if (now !== undefined) this.expire(a, now);
    return { ...a.info };
  }

  list(prefix = '', sourceArn?: string): ArchiveDescription[] {
    return [...this.archives.values()]
      .filter((a) => a.info.ArchiveName.startsWith(prefix) && (!sourceArn || a.info.EventSourceArn === sourceArn))
      .map((a) => ({ ...a.info }));
  }

  /** UpdateArchive: changes the description, pattern or retention of an existing archive. */
  update(i: { ArchiveName: string; Description?: string; EventPattern?: string; RetentionDays?: number }): ArchiveDescription {
    const a = this.get(i.ArchiveName);
    if (i.RetentionDays !== undefined && (!Number.isInteger(i.RetentionDays) || i.RetentionDays < 0)) {
      throw validationError(constraintMessage(i.RetentionDays, 'retentionDays', 'Member must have value greater than or equal to 0'));
    }
    if (i.Description !== undefined) a.info.Description = i.Description;
    if (i.EventPattern !== undefined) a.info.EventPattern = i.EventPattern;
    if (i.RetentionDays !== undefined) a.info.RetentionDays = i.RetentionDays;
    return { ...a.info };
  }

  delete(name: string): void {
    this.get(name);
    this.archives.delete(name);
  }

  deleteForBus(busName: string): void {
    for (const [name, a] of this.archives) if (a.busName === busName) this.archives.delete(name);
  }

  findByArn(arn: string): StoredArchive | undefined {
    for (const a of this.archives.values()) if (a.info.ArchiveArn === arn) return a;
    return undefined;
  }

  /** Stores the event in every archive on `busName` whose pattern matches; returns their names. */
  capture(busName: string, event: EventEnvelope, now: number, matches: (pattern: string, event: EventEnvelope) => boolean): string[] {
    const stored: string[] = [];
    for (const a of this.archives.values()) {
      if (a.busName !== busName) continue;
      this.expire(a, now);
      if (a.info.EventPattern !== undefined && !matches(a.info.EventPattern, event)) continue;
      const size = new TextEncoder().encode(JSON.stringify(event)).length;
      const kept = { event: structuredCloneJson(event), storedAt: now, size };
      a.events.push(kept);
      this.onCapture?.(a.info.ArchiveName, kept);
      a.info.EventCount += 1;
      a.info.SizeBytes += size;
      stored.push(a.info.ArchiveName);
    }
    return stored;
  }

  /** Events whose `time` falls in [start, end), oldest first (after dropping those past retention). */
  eventsBetween(a: StoredArchive, start: number, end: number, now: number): EventEnvelope[] {
    this.expire(a, now);
    return a.events
      .filter(({ event }) => {
        const t = Date.parse(event.time);
        return t >= start && t < end;
      })
      .map(({ event }) => structuredCloneJson(event));
  }

  /** RetentionDays 0 keeps events forever; otherwise events stored longer ago are removed. */
  private expire(a: StoredArchive, now: number): void {
    const days = a.info.RetentionDays;
    if (days <= 0) return;
    const cutoff = now - days * 86_400_000;
    const kept = a.events.filter((e) => e.storedAt >= cutoff);
    for (const gone of a.events.length === kept.length ? [] : a.events.filter((e) => e.storedAt < cutoff)) {
      a.info.EventCount -= 1;
      a.info.SizeBytes -= gone.size;
    }
    a.events = kept;
  }

  private get(name: string): StoredArchive {
    const a = this.archives.get(name);
    if (!a) throw notFound(`Archive ${name} does not exist.`);
    return a;
  }
}

function structuredCloneJson<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
