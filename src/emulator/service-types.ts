// The parts of the engine's EventBridgeService (and its LogsService) the wire layer relies on.
// Operations are looked up by method name (see operations.ts), so this stays a thin layer.

export interface LogsLike {
  describeLogGroups(i?: { logGroupNamePrefix?: string }): { logGroups: { logGroupName: string }[] };
  describeLogStreams(i: { logGroupName: string }): { logStreams: { logStreamName: string }[] };
  getLogEvents(i: { logGroupName: string; logStreamName: string; startFromHead?: boolean; limit?: number }): {
    events: { timestamp: number; message: string }[];
  };
  createLogStream(i: { logGroupName: string; logStreamName: string }): unknown;
  putLogEvents(i: { logGroupName: string; logStreamName: string; logEvents: { timestamp: number; message: string }[] }): unknown;
}

export interface ServiceLike {
  readonly logs: LogsLike;
  whenIdle?(): Promise<void>;
}

export type ServiceFactory = (region: string) => ServiceLike;
