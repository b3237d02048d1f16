// The operations the emulator serves: X-Amz-Target name -> service method, and whether it changes
// control-plane state (those calls are journaled in the --state file and replayed at start).

export interface OperationSpec {
  method: string;
  /** Journaled and replayed on restart. */
  mutates: boolean;
}

export const EVENTS_PREFIX = 'AWSEvents';
export const LOGS_PREFIX = 'Logs_20140328';

export const EVENTS_OPERATIONS: Record<string, OperationSpec> = {
  CreateEventBus: { method: 'createEventBus', mutates: true },
  DeleteEventBus: { method: 'deleteEventBus', mutates: true },
  DescribeEventBus: { method: 'describeEventBus', mutates: false },
  ListEventBuses: { method: 'listEventBuses', mutates: false },
  PutRule: { method: 'putRule', mutates: true },
  DescribeRule: { method: 'describeRule', mutates: false },
  ListRules: { method: 'listRules', mutates: false },
  EnableRule: { method: 'enableRule', mutates: true },
  DisableRule: { method: 'disableRule', mutates: true },
  DeleteRule: { method: 'deleteRule', mutates: true },
  PutTargets: { method: 'putTargets', mutates: true },
  RemoveTargets: { method: 'removeTargets', mutates: true },
  ListTargetsByRule: { method: 'listTargetsByRule', mutates: false },
  ListRuleNamesByTarget: { method: 'listRuleNamesByTarget', mutates: false },
  PutEvents: { method: 'putEvents', mutates: false },
  TestEventPattern: { method: 'testEventPattern', mutates: false },
  CreateArchive: { method: 'createArchive', mutates: true },
  DescribeArchive: { method: 'describeArchive', mutates: false },
  ListArchives: { method: 'listArchives', mutates: false },
  DeleteArchive: { method: 'deleteArchive', mutates: true },
  StartReplay: { method: 'startReplay', mutates: false },
  DescribeReplay: { method: 'describeReplay', mutates: false },
  ListReplays: { method: 'listReplays', mutates: false },
};

export const LOGS_OPERATIONS: Record<string, OperationSpec> = {
  CreateLogGroup: { method: 'createLogGroup', mutates: true },
  DeleteLogGroup: { method: 'deleteLogGroup', mutates: true },
  DescribeLogGroups: { method: 'describeLogGroups', mutates: false },
  CreateLogStream: { method: 'createLogStream', mutates: true },
  DescribeLogStreams: { method: 'describeLogStreams', mutates: false },
  PutLogEvents: { method: 'putLogEvents', mutates: false },
  GetLogEvents: { method: 'getLogEvents', mutates: false },
  FilterLogEvents: { method: 'filterLogEvents', mutates: false },
  PutResourcePolicy: { method: 'putResourcePolicy', mutates: true },
  DescribeResourcePolicies: { method: 'describeResourcePolicies', mutates: false },
  DeleteResourcePolicy: { method: 'deleteResourcePolicy', mutates: true },
};

export interface ResolvedOperation {
  service: 'events' | 'logs';
  name: string;
  spec: OperationSpec;
}

/** Splits "AWSEvents.PutRule" into a known operation, or undefined for anything else. */
export function resolveTarget(target: string | undefined): ResolvedOperation | undefined {
  if (target === undefined) return undefined;
  const dot = target.indexOf('.');
  const prefix = target.slice(0, dot);
  const name = target.slice(dot + 1);
  const table = prefix === EVENTS_PREFIX ? EVENTS_OPERATIONS : prefix === LOGS_PREFIX ? LOGS_OPERATIONS : undefined;
  const spec = table !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
  if (spec === undefined) return undefined;
  return { service: prefix === EVENTS_PREFIX ? 'events' : 'logs', name, spec };
}
