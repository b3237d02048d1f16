// The --state file. The EventBridge service keeps no serialisable snapshot, so the emulator records the
// control-plane calls that succeeded (a journal: CreateEventBus, PutRule, PutTargets, CreateLogGroup...) and
// replays them at start; log content (the data plane) is saved as a snapshot of every group's streams.
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { LogsLike } from './service-types.ts';

export const STATE_FORMAT = 'eventbridge-emulator-state';
export const STATE_VERSION = 1;

export interface JournalEntry {
  target: string; // X-Amz-Target, e.g. "AWSEvents.PutRule"
  input: Record<string, unknown>;
}

export interface LogGroupSnapshot {
  logGroupName: string;
  streams: { logStreamName: string; events: { timestamp: number; message: string }[] }[];
}

export interface RegionState {
  journal: JournalEntry[];
  logs: LogGroupSnapshot[];
}

export interface StateFile {
  format: typeof STATE_FORMAT;
  version: number;
  savedAt: string;
  regions: Record<string, RegionState>;
}

export class StateFileError extends Error {
  constructor(file: string, problem: string) {
    super(`state file ${file} cannot be used: ${problem}. It was left untouched; fix it or start with another --state file.`);
    this.name = 'StateFileError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks the state file; a missing file is an empty state, anything unreadable is an error. */
export async function loadStateFile(file: string): Promise<StateFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StateFileError(file, `it cannot be read (${(e as Error).message})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new StateFileError(file, `it is not valid JSON (${(e as Error).message})`);
  }
  const problem = checkState(value);
  if (problem !== undefined) throw new StateFileError(file, problem);
  return value as StateFile;
}

function checkState(v: unknown): string | undefined {
  if (!isObj(v)) return 'it is not a JSON object';
  if (v.format !== STATE_FORMAT) return `"format" must be "${STATE_FORMAT}"`;
  if (v.version !== STATE_VERSION) return `"version" ${JSON.stringify(v.version)} is not supported (expected ${STATE_VERSION})`;
  if (!isObj(v.regions)) return '"regions" must be an object';
  for (const [region, r] of Object.entries(v.regions)) {
    const at = `regions.${region}`;
    if (!isObj(r) || !Array.isArray(r.journal) || !Array.isArray(r.logs)) return `${at} must have "journal" and "logs" arrays`;
    for (const [i, j] of r.journal.entries()) {
      if (!isObj(j) || typeof j.target !== 'string' || !isObj(j.input)) return `${at}.journal[${i}] must be {target: string, input: object}`;
    }
    for (const [i, g] of r.logs.entries()) {
      if (!isObj(g) || typeof g.logGroupName !== 'string' || !Array.isArray(g.streams)) return `${at}.logs[${i}] must be {logGroupName, streams[]}`;
      for (const [k, s] of g.streams.entries()) {
        const ok = isObj(s) && typeof s.logStreamName === 'string' && Array.isArray(s.events) &&
          s.events.every((e) => isObj(e) && typeof e.timestamp === 'number' && typeof e.message === 'string');
        if (!ok) return `${at}.logs[${i}].streams[${k}] must be {logStreamName, events: [{timestamp, message}]}`;
      }
    }
  }
  return undefined;
}

export function snapshotLogs(logs: LogsLike): LogGroupSnapshot[] {
  return logs.describeLogGroups({}).logGroups.map((g) => ({
    logGroupName: g.logGroupName,
    streams: logs.describeLogStreams({ logGroupName: g.logGroupName }).logStreams.map((s) => ({
      logStreamName: s.logStreamName,
      events: logs
        .getLogEvents({ logGroupName: g.logGroupName, logStreamName: s.logStreamName, startFromHead: true, limit: Number.MAX_SAFE_INTEGER })
        .events.map((e) => ({ timestamp: e.timestamp, message: e.message })),
    })),
  }));
}

/** Puts saved log content back; groups themselves come back through the journal (CreateLogGroup). */
export function restoreLogs(logs: LogsLike, groups: LogGroupSnapshot[]): void {
  const existing = new Set(logs.describeLogGroups({}).logGroups.map((g) => g.logGroupName));
  for (const g of groups) {
    if (!existing.has(g.logGroupName)) continue;
    const streams = new Set(logs.describeLogStreams({ logGroupName: g.logGroupName }).logStreams.map((s) => s.logStreamName));
    for (const s of g.streams) {
      if (!streams.has(s.logStreamName)) logs.createLogStream({ logGroupName: g.logGroupName, logStreamName: s.logStreamName });
      if (s.events.length > 0) logs.putLogEvents({ logGroupName: g.logGroupName, logStreamName: s.logStreamName, logEvents: s.events });
    }
  }
}

/** Writes atomically: a temporary file in the same folder, then rename over the old one. */
export async function writeStateFile(file: string, state: StateFile): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, `${JSON.stringify(state, null, 1)}\n`, 'utf8');
  await rename(tmp, file);
}
