// Replays: validate a StartReplay request, re-send the archived events in its window, keep its record.
import { alreadyExists, EventBridgeError, notFound, validationError } from './errors.ts';
import { constraintMessage } from './name-validation.ts';
import { busNameFrom } from './arns.ts';
import { entryTimeMs } from './envelope.ts';
import type { ArchiveStore } from './archives.ts';
import type { EventEnvelope, ReplayDescription, StartReplayRequest } from './types.ts';

const REPLAY_NAME = /^[.\-_A-Za-z0-9]{1,64}$/;

export interface ReplayRun {
  archives: ArchiveStore;
  now: () => number;
  replayArn: (name: string) => string;
  busExists: (name: string) => boolean;
  /** Sends one replayed event (already carrying replay-name) into the bus. */
  send: (busName: string, event: EventEnvelope, filterRuleArns: string[] | undefined) => void;
  started: (busName: string, replayName: string, count: number) => void;
  completed: (busName: string, replayName: string) => void;
}

const REPLAY_DATES = ['EventStartTime', 'EventEndTime', 'EventLastReplayedTime', 'ReplayStartTime', 'ReplayEndTime'] as const;

export class ReplayStore {
  private readonly replays = new Map<string, ReplayDescription>();
  /** Told of each replay record when it is final (completed or cancelled): a durable host journals it. */
  onRecord: ((record: ReplayDescription) => void) | undefined;

  /** Puts back a record a durable host journaled (its dates as JSON gave them back). */
  restore(record: ReplayDescription): void {
    const r = { ...record } as ReplayDescription & Record<string, unknown>;
    for (const k of REPLAY_DATES) if (r[k] !== undefined) r[k] = new Date(r[k] as string | number | Date);
    this.replays.set(r.ReplayName, r);
  }

  start(i: StartReplayRequest, run: ReplayRun): { ReplayArn: string; State: string; ReplayStartTime: Date } {
    if (typeof i?.ReplayName !== 'string' || !REPLAY_NAME.test(i.ReplayName)) {
      throw validationError(constraintMessage(i?.ReplayName, 'replayName', 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+'));
    }
    if (this.replays.has(i.ReplayName)) throw alreadyExists(`Replay ${i.ReplayName} already exists.`);
    const start = entryTimeMs(i.EventStartTime, Number.NaN);
    const end = entryTimeMs(i.EventEndTime, Number.NaN);
    if (Number.isNaN(start) || Number.isNaN(end)) {
      throw validationError('Parameter EventStartTime and EventEndTime must be timestamps.');
    }
    if (end <= start) throw validationError('Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.');
    const archive = run.archives.findByArn(i.EventSourceArn);
    if (!archive) {
      const name = String(i.EventSourceArn).split('/').pop();
      throw validationError(`Parameter EventSourceArn is not valid. Reason: Archive ${name} does not exist.`);
    }
    const destination = busNameFrom(i.Destination?.Arn);
    if (i.Destination?.Arn !== archive.info.EventSourceArn) {
      if (run.busExists(destination)) {
        throw validationError('Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.');
      }
      throw notFound(`Event bus ${destination} does not exist.`);
    }
    const now = run.now();
    const info: ReplayDescription = {
      ReplayName: i.ReplayName,
      ReplayArn: run.replayArn(i.ReplayName),
      ...(i.Description !== undefined ? { Description: i.Description } : {}),
      State: 'RUNNING',
      EventSourceArn: i.EventSourceArn,
      Destination: { ...i.Destination },
      EventStartTime: new Date(start),
      EventEndTime: new Date(end),
      ReplayStartTime: new Date(now),
    };
    this.replays.set(i.ReplayName, info);
    const events = run.archives.eventsBetween(archive, start, end, now);
    run.started(archive.busName, i.ReplayName, events.length);
    for (const event of events) {
      run.send(archive.busName, { ...event, 'replay-name': i.ReplayName }, i.Destination.FilterArns);
      info.EventLastReplayedTime = new Date(Date.parse(event.time));
    }
    info.State = 'COMPLETED';
    info.ReplayEndTime = new Date(run.now());
    run.completed(archive.busName, i.ReplayName);
    this.onRecord?.({ ...info });
    // AWS answers before the replay runs, so its response always says STARTING.
    return { ReplayArn: info.ReplayArn, State: 'STARTING', ReplayStartTime: info.ReplayStartTime };
  }

  /** CancelReplay: only a replay still starting or running can be cancelled (here replays finish at once). */
  cancel(name: string): { ReplayArn: string; State: string; StateReason?: string } {
    const r = this.replays.get(name);
    if (!r) throw notFound(`Replay ${name} does not exist.`);
    if (r.State !== 'STARTING' && r.State !== 'RUNNING') {
      throw new EventBridgeError('IllegalStatusException', `Replay ${name} is not in a valid state for this operation.`);
    }
    r.State = 'CANCELLED';
    this.onRecord?.({ ...r });
    return { ReplayArn: r.ReplayArn, State: 'CANCELLING' };
  }

  describe(name: string): ReplayDescription {
    const r = this.replays.get(name);
    if (!r) throw notFound(`Replay ${name} does not exist.`);
    return { ...r };
  }

  list(prefix = ''): ReplayDescription[] {
    return [...this.replays.values()].filter((r) => r.ReplayName.startsWith(prefix)).map((r) => ({ ...r }));
  }
}
