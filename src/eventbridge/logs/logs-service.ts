// An in-memory model of the CloudWatch Logs API subset EventBridge log-group targets and labs need.
// Retained events are capped (count and bytes): past the cap the oldest events are dropped, so memory
// stays bounded under any load; retention policies are honoured against the injectable clock.
import { LogsError, invalidParameter, logGroupNotFound, logStreamNotFound } from './logs-errors.ts';
import type { FilteredLogEvent, InputLogEvent, LogGroup, LogStream, OutputLogEvent, ResourcePolicy } from './logs-types.ts';
import { compileFilterPattern } from './filter-pattern.ts';
import { checkRetention, compact, DEFAULT_CAPS, eventBytes, RetainedEvents } from './log-retention.ts';
import type { RetainedStream, RetentionCaps } from './log-retention.ts';

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const DAY_MS = 86_400_000;

interface StoredStream extends RetainedStream {
  info: LogStream;
  group: StoredGroup;
}
interface StoredGroup {
  info: LogGroup;
  streams: Map<string, StoredStream>;
  tags: Map<string, string>;
}

/** One stored event as the emulator journals it; `seq` numbers events so a replay can skip repeats. */
export interface StoredLogEvent {
  logGroupName: string;
  logStreamName: string;
  timestamp: number;
  message: string;
  seq: number;
}

/** Called for every event stored, so the emulator can journal log content durably. */
export type LogAppendListener = (event: StoredLogEvent) => void;

export interface LogsServiceOptions {
  region?: string;
  account?: string;
  now?: () => number;
  /** Retained events across all groups; past either cap the oldest are dropped. */
  caps?: Partial<RetentionCaps>;
}

export class LogsService {
  readonly region: string;
  readonly account: string;
  private now: () => number;
  private readonly groups = new Map<string, StoredGroup>();
  private readonly policies = new Map<string, ResourcePolicy>();
  private readonly retained: RetainedEvents;
  private eventCounter = 0;
  private seq = 0;
  /** Set by the emulator to journal stored events. */
  onAppend: LogAppendListener | undefined;

  constructor(opts: LogsServiceOptions = {}) {
    this.region = opts.region ?? 'us-east-1';
    this.account = opts.account ?? '123456789012';
    this.now = opts.now ?? (() => Date.now());
    this.retained = new RetainedEvents({ ...DEFAULT_CAPS, ...opts.caps });
  }

  /** Lets the owning EventBridgeService share its (possibly manual) clock. */
  useClock(now: () => number): void {
    this.now = now;
  }

  /** Events and bytes retained now, and how many were dropped at the cap. */
  usage(): { events: number; bytes: number; dropped: number; caps: RetentionCaps } {
    return { events: this.retained.count, bytes: this.retained.bytes, dropped: this.retained.dropped, caps: { ...this.retained.caps } };
  }

  logGroupArn(name: string): string {
    return `arn:aws:logs:${this.region}:${this.account}:log-group:${name}`;
  }

  createLogGroup(i: { logGroupName: string; retentionInDays?: number; tags?: Record<string, string> }): Record<string, never> {
    checkGroupName(i?.logGroupName);
    if (this.groups.has(i.logGroupName)) {
      throw new LogsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    }
    if (i.retentionInDays !== undefined) checkRetention(i.retentionInDays);
    const arn = this.logGroupArn(i.logGroupName);
    this.groups.set(i.logGroupName, {
      info: {
        logGroupName: i.logGroupName,
        creationTime: this.now(),
        arn: `${arn}:*`,
        logGroupArn: arn,
        storedBytes: 0,
        ...(i.retentionInDays !== undefined ? { retentionInDays: i.retentionInDays } : {}),
      },
      streams: new Map(),
      tags: new Map(Object.entries(i.tags ?? {})),
    });
    return {};
  }

  deleteLogGroup(i: { logGroupName: string }): Record<string, never> {
    const group = this.group(i?.logGroupName);
    for (const s of group.streams.values()) this.dropStream(s);
    this.groups.delete(i.logGroupName);
    return {};
  }

  hasLogGroup(name: string): boolean {
    return this.groups.has(name);
  }

  describeLogGroups(i: { logGroupNamePrefix?: string; logGroupNamePattern?: string; limit?: number; nextToken?: string } = {}): { logGroups: LogGroup[]; nextToken?: string } {
    const prefix = i.logGroupNamePrefix ?? '';
    const pattern = i.logGroupNamePattern ?? '';
    const all = [...this.groups.values()]
      .filter((g) => g.info.logGroupName.startsWith(prefix) && g.info.logGroupName.includes(pattern))
      .sort((a, b) => (a.info.logGroupName < b.info.logGroupName ? -1 : 1));
    const p = logsPage(all, i.limit, i.nextToken, 50);
    return { logGroups: p.items.map((g) => ({ ...g.info })), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  }

  putRetentionPolicy(i: { logGroupName: string; retentionInDays: number }): Record<string, never> {
    const group = this.group(i?.logGroupName);
    group.info.retentionInDays = checkRetention(i.retentionInDays);
    this.expire(group);
    return {};
  }

  deleteRetentionPolicy(i: { logGroupName: string }): Record<string, never> {
    delete this.group(i?.logGroupName).info.retentionInDays;
    return {};
  }

  createLogStream(i: { logGroupName: string; logStreamName: string }): Record<string, never> {
    const group = this.group(i?.logGroupName);
    checkStreamName(i.logStreamName);
    if (group.streams.has(i.logStreamName)) {
      throw new LogsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    }
    group.streams.set(i.logStreamName, {
      info: { logStreamName: i.logStreamName, creationTime: this.now(), arn: `${group.info.logGroupArn}:log-stream:${i.logStreamName}`, storedBytes: 0 },
      group,
      events: [],
      head: 0,
      bytes: 0,
      alive: true,
    });
    return {};
  }

  deleteLogStream(i: { logGroupName: string; logStreamName: string }): Record<string, never> {
    const group = this.group(i?.logGroupName);
    const stream = group.streams.get(i.logStreamName);
    if (!stream) throw logStreamNotFound();
    this.dropStream(stream);
    group.streams.delete(i.logStreamName);
    return {};
  }

  describeLogStreams(i: { logGroupName: string; logStreamNamePrefix?: string; limit?: number; nextToken?: string; orderBy?: string; descending?: boolean }): { logStreams: LogStream[]; nextToken?: string } {
    const group = this.group(i?.logGroupName);
    this.expire(group);
    const prefix = i.logStreamNamePrefix ?? '';
    if (i.orderBy === 'LastEventTime' && i.logStreamNamePrefix !== undefined) {
      throw invalidParameter('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    const key = (s: StoredStream): string | number => (i.orderBy === 'LastEventTime' ? s.info.lastEventTimestamp ?? 0 : s.info.logStreamName);
    const all = [...group.streams.values()]
      .filter((s) => s.info.logStreamName.startsWith(prefix))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) * (i.descending ? -1 : 1));
    const p = logsPage(all, i.limit, i.nextToken, 50);
    return { logStreams: p.items.map((s) => ({ ...s.info })), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  }

  putLogEvents(i: { logGroupName: string; logStreamName: string; logEvents: InputLogEvent[] }): { nextSequenceToken: string } {
    const group = this.group(i?.logGroupName);
    const stream = group.streams.get(i.logStreamName);
    if (!stream) throw logStreamNotFound();
    if (!Array.isArray(i.logEvents) || i.logEvents.length === 0) {
      throw invalidParameter('logEvents must contain at least one log event');
    }
    for (const [n, e] of i.logEvents.entries()) {
      if (typeof e?.message !== 'string' || typeof e.timestamp !== 'number') {
        throw invalidParameter(`logEvents[${n}] needs a numeric timestamp and a string message`);
      }
    }
    const ingestionTime = this.now();
    for (const e of i.logEvents) this.store(stream, e, ingestionTime);
    stream.info.lastIngestionTime = ingestionTime;
    return { nextSequenceToken: String(++this.eventCounter) };
  }

  /** Appends one message, creating the stream if needed (what EventBridge does for a log-group target). */
  appendMessage(logGroupName: string, logStreamName: string, message: string, timestamp: number): void {
    const group = this.group(logGroupName);
    if (!group.streams.has(logStreamName)) this.createLogStream({ logGroupName, logStreamName });
    this.putLogEvents({ logGroupName, logStreamName, logEvents: [{ timestamp, message }] });
  }

  getLogEvents(i: {
    logGroupName?: string;
    logGroupIdentifier?: string;
    logStreamName: string;
    startTime?: number;
    endTime?: number;
    limit?: number;
    startFromHead?: boolean;
    nextToken?: string;
  }): { events: OutputLogEvent[]; nextForwardToken: string; nextBackwardToken: string } {
    const group = this.group(i?.logGroupName ?? groupNameFromIdentifier(i?.logGroupIdentifier));
    this.expire(group);
    const stream = group.streams.get(i.logStreamName);
    if (!stream) throw logStreamNotFound();
    const live = stream.events.slice(stream.head);
    const all = live.filter((e) => (i.startTime === undefined || e.timestamp >= i.startTime) && (i.endTime === undefined || e.timestamp < i.endTime));
    const limit = checkLimit(i.limit, 10_000) ?? 10_000;
    // Tokens are positions: "f/N" reads forward from N, "b/N" reads the page that ends at N.
    const token = /^([fb])\/(\d+)$/.exec(i.nextToken ?? '');
    if (i.nextToken !== undefined && token === null) throw invalidParameter('The specified nextToken is invalid.');
    let start: number;
    if (token && token[1] === 'f') start = Math.min(Number(token[2]), all.length);
    else if (token) start = Math.max(0, Number(token[2]) - limit);
    else start = i.startFromHead ? 0 : Math.max(0, all.length - limit); // newest page by default, as AWS does
    const end = token && token[1] === 'b' ? Math.min(Number(token[2]), all.length) : Math.min(all.length, start + limit);
    return { events: all.slice(start, end).map(answerEvent), nextForwardToken: `f/${end}`, nextBackwardToken: `b/${start}` };
  }

  filterLogEvents(i: {
    logGroupName?: string;
    logGroupIdentifier?: string;
    logStreamNames?: string[];
    logStreamNamePrefix?: string;
    startTime?: number;
    endTime?: number;
    filterPattern?: string;
    limit?: number;
    nextToken?: string;
  }): { events: FilteredLogEvent[]; searchedLogStreams: { logStreamName: string; searchedCompletely: boolean }[]; nextToken?: string } {
    const group = this.group(i?.logGroupName ?? groupNameFromIdentifier(i?.logGroupIdentifier));
    if (i.logStreamNames !== undefined && i.logStreamNamePrefix !== undefined) {
      throw invalidParameter('logStreamNames and logStreamNamePrefix cannot both be specified.');
    }
    const matches = compileFilterPattern(i.filterPattern ?? '');
    this.expire(group);
    const streams = [...group.streams.values()].filter(
      (s) => (!i.logStreamNames || i.logStreamNames.includes(s.info.logStreamName)) && s.info.logStreamName.startsWith(i.logStreamNamePrefix ?? ''),
    );
    const events: FilteredLogEvent[] = [];
    for (const s of streams) {
      for (let n = s.head; n < s.events.length; n++) {
        const e = s.events[n] as OutputLogEvent;
        if (i.startTime !== undefined && e.timestamp < i.startTime) continue;
        if (i.endTime !== undefined && e.timestamp > i.endTime) continue;
        if (!matches(e.message)) continue;
        events.push({ ...answerEvent(e), logStreamName: s.info.logStreamName, eventId: `${s.info.logStreamName}/${e.ingestionTime}/${n}` });
      }
    }
    events.sort((a, b) => a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime);
    const limit = checkLimit(i.limit, 10_000) ?? 10_000;
    const p = logsPage(events, limit, i.nextToken, 10_000);
    return {
      events: p.items,
      searchedLogStreams: streams.map((s) => ({ logStreamName: s.info.logStreamName, searchedCompletely: true })),
      ...(p.nextToken ? { nextToken: p.nextToken } : {}),
    };
  }

  // ---------------------------------------------------------------- tags

  tagResource(i: { resourceArn: string; tags: Record<string, string> }): Record<string, never> {
    const g = this.groupByArn(i.resourceArn);
    for (const [k, v] of Object.entries(i.tags)) g.tags.set(k, v);
    if (g.tags.size > 50) throw invalidParameter('A log group can have at most 50 tags.');
    return {};
  }

  untagResource(i: { resourceArn: string; tagKeys: string[] }): Record<string, never> {
    const g = this.groupByArn(i.resourceArn);
    for (const k of i.tagKeys) g.tags.delete(k);
    return {};
  }

  listTagsForResource(i: { resourceArn: string }): { tags: Record<string, string> } {
    return { tags: Object.fromEntries(this.groupByArn(i.resourceArn).tags) };
  }

  /** The older, group-name based tagging calls (still served by AWS, and used by older CLIs). */
  tagLogGroup(i: { logGroupName: string; tags: Record<string, string> }): Record<string, never> {
    return this.tagResource({ resourceArn: this.group(i.logGroupName).info.logGroupArn, tags: i.tags });
  }

  untagLogGroup(i: { logGroupName: string; tags: string[] }): Record<string, never> {
    return this.untagResource({ resourceArn: this.group(i.logGroupName).info.logGroupArn, tagKeys: i.tags });
  }

  listTagsLogGroup(i: { logGroupName: string }): { tags: Record<string, string> } {
    return this.listTagsForResource({ resourceArn: this.group(i.logGroupName).info.logGroupArn });
  }

  // ---------------------------------------------------------------- resource policies

  putResourcePolicy(i: { policyName: string; policyDocument: string }): { resourcePolicy: ResourcePolicy } {
    if (!i?.policyName) throw invalidParameter('policyName is required');
    if (typeof i.policyDocument !== 'string') throw invalidParameter('policyDocument is required');
    try {
      JSON.parse(i.policyDocument);
    } catch {
      throw invalidParameter('policyDocument is not valid JSON');
    }
    const resourcePolicy = { policyName: i.policyName, policyDocument: i.policyDocument, lastUpdatedTime: this.now() };
    this.policies.set(i.policyName, resourcePolicy);
    return { resourcePolicy: { ...resourcePolicy } };
  }

  describeResourcePolicies(i: { limit?: number; nextToken?: string } = {}): { resourcePolicies: ResourcePolicy[]; nextToken?: string } {
    const p = logsPage([...this.policies.values()], i.limit, i.nextToken, 50);
    return { resourcePolicies: p.items.map((x) => ({ ...x })), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  }

  deleteResourcePolicy(i: { policyName: string }): Record<string, never> {
    if (!this.policies.delete(i?.policyName)) {
      throw new LogsError('ResourceNotFoundException', 'Policy with name [' + i?.policyName + '] does not exist');
    }
    return {};
  }

  /** Puts back a journaled event (creating its stream if a delivery had created it); false if its group is gone. */
  restoreEvent(e: StoredLogEvent): boolean {
    const group = this.groups.get(e.logGroupName);
    if (!group) return false;
    if (!group.streams.has(e.logStreamName)) this.createLogStream({ logGroupName: e.logGroupName, logStreamName: e.logStreamName });
    this.store(group.streams.get(e.logStreamName) as StoredStream, e, this.now(), e.seq);
    return true;
  }

  /** Every retained event, group by group (what a compacted journal keeps). */
  *retainedEvents(): Iterable<StoredLogEvent> {
    for (const g of this.groups.values()) {
      for (const s of g.streams.values()) {
        for (let n = s.head; n < s.events.length; n++) {
          const e = s.events[n] as OutputLogEvent & { seq?: number };
          yield { logGroupName: g.info.logGroupName, logStreamName: s.info.logStreamName, timestamp: e.timestamp, message: e.message, seq: e.seq ?? 0 };
        }
      }
    }
  }

  // ---------------------------------------------------------------- internals

  private store(stream: StoredStream, e: InputLogEvent, ingestionTime: number, restoredSeq?: number): void {
    const seq = restoredSeq ?? ++this.seq;
    this.seq = Math.max(this.seq, seq);
    // seq is not part of the API shape: it is stripped when events are answered.
    insertByTime(stream, { timestamp: e.timestamp, message: e.message, ingestionTime, seq } as OutputLogEvent);
    const bytes = eventBytes(e.message);
    stream.bytes += bytes;
    stream.info.storedBytes += bytes;
    stream.group.info.storedBytes += bytes;
    stream.info.firstEventTimestamp = Math.min(stream.info.firstEventTimestamp ?? e.timestamp, e.timestamp);
    stream.info.lastEventTimestamp = Math.max(stream.info.lastEventTimestamp ?? e.timestamp, e.timestamp);
    this.onAppend?.({ logGroupName: stream.group.info.logGroupName, logStreamName: stream.info.logStreamName, timestamp: e.timestamp, message: e.message, seq });
    this.retained.added(stream, bytes, (s, _e, b) => {
      const st = s as StoredStream;
      st.bytes -= b;
      st.info.storedBytes -= b;
      st.group.info.storedBytes -= b;
    });
    this.retained.prune(() => this.allStreams());
  }

  private *allStreams(): Iterable<StoredStream> {
    for (const g of this.groups.values()) yield* g.streams.values();
  }

  private dropStream(s: StoredStream): void {
    s.alive = false;
    this.retained.removed(s.bytes, s.events.length - s.head);
    s.group.info.storedBytes -= s.bytes;
  }

  /** Removes events older than the group's retention period (by event timestamp, as AWS does). */
  private expire(group: StoredGroup): void {
    const days = group.info.retentionInDays;
    if (days === undefined) return;
    const cutoff = this.now() - days * DAY_MS;
    for (const s of group.streams.values()) {
      let removedBytes = 0;
      let n = 0;
      const kept = s.events.slice(s.head).filter((e) => {
        if (e.timestamp >= cutoff) return true;
        removedBytes += eventBytes(e.message);
        n++;
        return false;
      });
      if (n === 0) continue;
      s.events = kept;
      s.head = 0;
      s.bytes -= removedBytes;
      s.info.storedBytes -= removedBytes;
      group.info.storedBytes -= removedBytes;
      this.retained.removed(removedBytes, n);
    }
  }

  private group(name: string | undefined): StoredGroup {
    if (typeof name !== 'string' || name === '') throw invalidParameter('logGroupName is required');
    const g = this.groups.get(name);
    if (!g) throw logGroupNotFound();
    return g;
  }

  private groupByArn(arn: string): StoredGroup {
    const name = /^arn:aws[\w-]*:logs:[^:]*:[^:]*:log-group:([^:]+)(:\*)?$/.exec(arn)?.[1];
    if (name === undefined) throw invalidParameter(`${arn} is not a log group ARN.`);
    const g = this.groups.get(name);
    if (!g) throw new LogsError('ResourceNotFoundException', `The specified resource ${arn} does not exist.`);
    return g;
  }
}

const answerEvent = (e: OutputLogEvent): OutputLogEvent => ({ timestamp: e.timestamp, message: e.message, ingestionTime: e.ingestionTime });

/** Keeps events in time order; appends in O(1) when (as usual) the new event is the newest. */
function insertByTime(s: StoredStream, e: OutputLogEvent): void {
  const events = s.events;
  const last = events[events.length - 1];
  if (!last || events.length === s.head || last.timestamp <= e.timestamp) {
    events.push(e);
    return;
  }
  let lo = s.head;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid] as OutputLogEvent).timestamp <= e.timestamp) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, e);
  compact(s);
}

function checkLimit(limit: number | undefined, max: number): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw invalidParameter(`1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value between 1 and ${max}`);
  }
  return limit;
}

/** limit/nextToken paging of the Logs list calls (token: the offset). */
function logsPage<T>(items: readonly T[], limit: number | undefined, nextToken: string | undefined, max: number): { items: T[]; nextToken?: string } {
  const size = checkLimit(limit, max) ?? max;
  let offset = 0;
  if (nextToken !== undefined) {
    const m = /^n(\d{1,9})$/.exec(nextToken);
    if (m === null) throw invalidParameter('The specified nextToken is invalid.');
    offset = Number(m[1]);
  }
  const end = offset + size;
  return { items: items.slice(offset, end), ...(end < items.length ? { nextToken: `n${end}` } : {}) };
}

function groupNameFromIdentifier(id: string | undefined): string | undefined {
  if (!id) return undefined;
  const m = /:log-group:([^:]+)/.exec(id);
  return m ? m[1] : id;
}

function checkGroupName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !GROUP_NAME.test(name)) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(name)}' at 'logGroupName' failed to satisfy constraint: ` +
        'Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+ and have length between 1 and 512',
    );
  }
}

function checkStreamName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 512 || /[:*]/.test(name)) {
    throw invalidParameter(
      `1 validation error detected: Value '${String(name)}' at 'logStreamName' failed to satisfy constraint: ` +
        "Member must satisfy regular expression pattern: [^:*]* and have length between 1 and 512",
    );
  }
}
