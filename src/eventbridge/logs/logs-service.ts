// An in-memory model of the CloudWatch Logs API subset EventBridge log-group targets and labs need.
import { LogsError, invalidParameter, logGroupNotFound, logStreamNotFound } from './logs-errors.ts';
import type {
  FilteredLogEvent,
  InputLogEvent,
  LogGroup,
  LogStream,
  OutputLogEvent,
  ResourcePolicy,
} from './logs-types.ts';
import { matchesFilterPattern } from './filter-pattern.ts';

const GROUP_NAME = /^[.\-_/#A-Za-z0-9]{1,512}$/;

interface StoredStream {
  info: LogStream;
  events: OutputLogEvent[];
}
interface StoredGroup {
  info: LogGroup;
  streams: Map<string, StoredStream>;
}

export interface LogsServiceOptions {
  region?: string;
  account?: string;
  now?: () => number;
}

export class LogsService {
  readonly region: string;
  readonly account: string;
  private now: () => number;
  private readonly groups = new Map<string, StoredGroup>();
  private readonly policies = new Map<string, ResourcePolicy>();
  private eventCounter = 0;

  constructor(opts: LogsServiceOptions = {}) {
    this.region = opts.region ?? 'us-east-1';
    this.account = opts.account ?? '123456789012';
    this.now = opts.now ?? (() => Date.now());
  }

  /** Lets the owning EventBridgeService share its (possibly manual) clock. */
  useClock(now: () => number): void {
    this.now = now;
  }

  logGroupArn(name: string): string {
    return `arn:aws:logs:${this.region}:${this.account}:log-group:${name}`;
  }

  createLogGroup(i: { logGroupName: string; retentionInDays?: number }): Record<string, never> {
    checkGroupName(i?.logGroupName);
    if (this.groups.has(i.logGroupName)) {
      throw new LogsError('ResourceAlreadyExistsException', 'The specified log group already exists');
    }
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
    });
    return {};
  }

  deleteLogGroup(i: { logGroupName: string }): Record<string, never> {
    this.group(i?.logGroupName);
    this.groups.delete(i.logGroupName);
    return {};
  }

  hasLogGroup(name: string): boolean {
    return this.groups.has(name);
  }

  describeLogGroups(i: { logGroupNamePrefix?: string; logGroupNamePattern?: string } = {}): { logGroups: LogGroup[] } {
    const prefix = i.logGroupNamePrefix ?? '';
    const pattern = i.logGroupNamePattern ?? '';
    const logGroups = [...this.groups.values()]
      .map((g) => ({ ...g.info }))
      .filter((g) => g.logGroupName.startsWith(prefix) && g.logGroupName.includes(pattern))
      .sort((a, b) => (a.logGroupName < b.logGroupName ? -1 : 1));
    return { logGroups };
  }

  createLogStream(i: { logGroupName: string; logStreamName: string }): Record<string, never> {
    const group = this.group(i?.logGroupName);
    checkStreamName(i.logStreamName);
    if (group.streams.has(i.logStreamName)) {
      throw new LogsError('ResourceAlreadyExistsException', 'The specified log stream already exists');
    }
    group.streams.set(i.logStreamName, {
      info: {
        logStreamName: i.logStreamName,
        creationTime: this.now(),
        arn: `${group.info.logGroupArn}:log-stream:${i.logStreamName}`,
        storedBytes: 0,
      },
      events: [],
    });
    return {};
  }

  describeLogStreams(i: { logGroupName: string; logStreamNamePrefix?: string }): { logStreams: LogStream[] } {
    const group = this.group(i?.logGroupName);
    const prefix = i.logStreamNamePrefix ?? '';
    const logStreams = [...group.streams.values()]
      .map((s) => ({ ...s.info }))
      .filter((s) => s.logStreamName.startsWith(prefix))
      .sort((a, b) => (a.logStreamName < b.logStreamName ? -1 : 1));
    return { logStreams };
  }

  putLogEvents(i: { logGroupName: string; logStreamName: string; logEvents: InputLogEvent[] }): {
    nextSequenceToken: string;
  } {
    const group = this.group(i?.logGroupName);
    const stream = group.streams.get(i.logStreamName);
    if (!stream) throw logStreamNotFound();
    if (!Array.isArray(i.logEvents) || i.logEvents.length === 0) {
      throw invalidParameter('logEvents must contain at least one log event');
    }
    const ingestionTime = this.now();
    for (const [n, e] of i.logEvents.entries()) {
      if (typeof e?.message !== 'string' || typeof e.timestamp !== 'number') {
        throw invalidParameter(`logEvents[${n}] needs a numeric timestamp and a string message`);
      }
      insertByTime(stream.events, { timestamp: e.timestamp, message: e.message, ingestionTime });
      const bytes = new TextEncoder().encode(e.message).length + 26; // AWS counts 26 bytes overhead per event
      stream.info.storedBytes += bytes;
      group.info.storedBytes += bytes;
      stream.info.firstEventTimestamp = Math.min(stream.info.firstEventTimestamp ?? e.timestamp, e.timestamp);
      stream.info.lastEventTimestamp = Math.max(stream.info.lastEventTimestamp ?? e.timestamp, e.timestamp);
    }
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
    logGroupName: string;
    logStreamName: string;
    startTime?: number;
    endTime?: number;
    limit?: number;
    startFromHead?: boolean;
    nextToken?: string;
  }): { events: OutputLogEvent[]; nextForwardToken: string; nextBackwardToken: string } {
    const group = this.group(i?.logGroupName);
    const stream = group.streams.get(i.logStreamName);
    if (!stream) throw logStreamNotFound();
    const all = stream.events.filter(
      (e) => (i.startTime === undefined || e.timestamp >= i.startTime) && (i.endTime === undefined || e.timestamp < i.endTime),
    );
    const limit = Math.max(1, i.limit ?? 10_000);
    // Tokens are positions: "f/N" reads forward from N, "b/N" reads the page that ends at N.
    const token = /^([fb])\/(\d+)$/.exec(i.nextToken ?? '');
    let start: number;
    if (token && token[1] === 'f') start = Math.min(Number(token[2]), all.length);
    else if (token) start = Math.max(0, Number(token[2]) - limit);
    else start = i.startFromHead ? 0 : Math.max(0, all.length - limit); // newest page by default, as AWS does
    const end = token && token[1] === 'b' ? Math.min(Number(token[2]), all.length) : Math.min(all.length, start + limit);
    return {
      events: all.slice(start, end).map((e) => ({ ...e })),
      nextForwardToken: `f/${end}`,
      nextBackwardToken: `b/${start}`,
    };
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
  }): {
    events: FilteredLogEvent[];
    searchedLogStreams: { logStreamName: string; searchedCompletely: boolean }[];
    nextToken?: string;
  } {
    const name = i?.logGroupName ?? groupNameFromIdentifier(i?.logGroupIdentifier);
    const group = this.group(name);
    const streams = [...group.streams.values()].filter(
      (s) =>
        (!i.logStreamNames || i.logStreamNames.includes(s.info.logStreamName)) &&
        s.info.logStreamName.startsWith(i.logStreamNamePrefix ?? ''),
    );
    const events: FilteredLogEvent[] = [];
    for (const s of streams) {
      s.events.forEach((e, n) => {
        if (i.startTime !== undefined && e.timestamp < i.startTime) return;
        if (i.endTime !== undefined && e.timestamp > i.endTime) return;
        if (!matchesFilterPattern(i.filterPattern ?? '', e.message)) return;
        events.push({ ...e, logStreamName: s.info.logStreamName, eventId: `${s.info.logStreamName}/${n}` });
      });
    }
    events.sort((a, b) => a.timestamp - b.timestamp || a.ingestionTime - b.ingestionTime);
    const offset = /^\d+$/.test(i.nextToken ?? '') ? Number(i.nextToken) : 0;
    const limit = Math.max(1, i.limit ?? 10_000);
    const more = offset + limit < events.length;
    return {
      events: events.slice(offset, offset + limit),
      searchedLogStreams: streams.map((s) => ({ logStreamName: s.info.logStreamName, searchedCompletely: true })),
      ...(more ? { nextToken: String(offset + limit) } : {}),
    };
  }

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

  describeResourcePolicies(): { resourcePolicies: ResourcePolicy[] } {
    return { resourcePolicies: [...this.policies.values()].map((p) => ({ ...p })) };
  }

  deleteResourcePolicy(i: { policyName: string }): Record<string, never> {
    if (!this.policies.delete(i?.policyName)) {
      throw new LogsError('ResourceNotFoundException', 'Policy with name [' + i?.policyName + '] does not exist');
    }
    return {};
  }

  private group(name: string | undefined): StoredGroup {
    if (typeof name !== 'string' || name === '') throw invalidParameter('logGroupName is required');
    const g = this.groups.get(name);
    if (!g) throw logGroupNotFound();
    return g;
  }
}

/** Keeps events in time order; appends in O(1) when (as usual) the new event is the newest. */
function insertByTime(events: OutputLogEvent[], e: OutputLogEvent): void {
  const last = events[events.length - 1];
  if (!last || last.timestamp <= e.timestamp) {
    events.push(e);
    return;
  }
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((events[mid] as OutputLogEvent).timestamp <= e.timestamp) lo = mid + 1;
    else hi = mid;
  }
  events.splice(lo, 0, e);
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
