// The shape of a lab's `checks.json` and of what running a lab produces. Plain data, so it crosses a
// worker boundary (postMessage) and a WebContainer mount unchanged.

/** The learner's files: path inside the lab (e.g. `pattern.json`, `handler.ts`) -> text. */
export type LabFiles = Record<string, string>;

/** Where a rule's pattern or a target's input comes from: a learner file, or inline JSON in checks.json. */
export type FileOrInline<T> = { file: string } | { inline: T };

export interface LabTargetSpec {
  /** Target Id; also how checks name the target. */
  id: string;
  /** A Lambda-like function declared under `bus.functions` (or a recording stub if not declared there). */
  function?: string;
  /** A CloudWatch Logs group (created for the run). */
  logGroup?: string;
  /** Input, InputPath or InputTransformer, as in PutTargets; from a learner file or inline. */
  input?: FileOrInline<Record<string, unknown>>;
}

export interface LabRuleSpec {
  name: string;
  pattern: FileOrInline<unknown>;
  targets: LabTargetSpec[];
}

export interface LabFunctionSpec {
  /** The learner's TypeScript or JavaScript module, e.g. `handler.ts`. */
  file: string;
  /** The exported function; default `handler`. */
  export?: string;
  /** Lambda-like timeout in milliseconds; default 3000. */
  timeoutMs?: number;
}

/** A PutEvents entry written the way events look on the bus (lower-case envelope fields). */
export interface LabEvent {
  source: string;
  'detail-type': string;
  detail: Record<string, unknown>;
  resources?: string[];
}

interface CheckBase {
  /** What the learner sees in the results list. */
  title: string;
  /** Shown when the check fails: say what to look at, not the answer. */
  failure: string;
}

export type LabCheck =
  | (CheckBase & { type: 'pattern-valid'; file: string })
  | (CheckBase & { type: 'input-valid'; file: string })
  | (CheckBase & { type: 'routes'; events: string[]; target: string; expect: 'reach' | 'not-reach' })
  | (CheckBase & { type: 'handler-called'; events: string[]; function: string; with: unknown })
  | (CheckBase & { type: 'emitted'; events: string[]; event: unknown })
  | (CheckBase & { type: 'log-contains'; events: string[]; logGroup: string; contains: string })
  | (CheckBase & { type: 'schema'; file: string; accepts?: string[]; rejects?: string[] })
  | (CheckBase & { type: 'custom'; name: string; events?: string[] });

export type LabCheckType = LabCheck['type'];

export interface LabFileSpec {
  path: string;
  /** The learner may read but not change it (types, fixtures). */
  readonly?: boolean;
}

/** `labs/NN-slug/checks.json`. */
export interface LabDefinition {
  /** Tab order and read-only flags; every file in `files/` not listed is editable and comes after. */
  files?: LabFileSpec[];
  bus: {
    rules: LabRuleSpec[];
    functions?: Record<string, LabFunctionSpec>;
  };
  /** Named sample events; `run` puts them all, checks pick theirs by name. */
  events: Record<string, LabEvent>;
  /** Events only schema checks use (never put on the bus by `run`). */
  examples?: Record<string, LabEvent>;
  checks: LabCheck[];
}

export type CheckStatus = 'passed' | 'failed' | 'error';

export interface CheckResult {
  title: string;
  status: CheckStatus;
  /** The failure message plus specifics (which event, the engine's explanation), or why it errored. */
  message?: string;
  /** One line per event the engine explained: "Why didn't my event match?". */
  explanations?: string[];
}

/** A line of output from a run: handler console output, errors and runner notes. */
export interface OutputLine {
  stream: 'log' | 'error' | 'info';
  text: string;
}

/** The trace entry shape of the engine (kept structural so this file needs no engine import). */
export interface LabTraceEntry {
  id: number;
  time: string;
  kind: string;
  eventId?: string;
  rule?: string;
  targetId?: string;
  attempt?: number;
  causedBy?: string;
  message: string;
  data?: unknown;
}

export interface LabRunReport {
  trace: LabTraceEntry[];
  output: OutputLine[];
}

export interface LabCheckReport {
  results: CheckResult[];
  passed: boolean;
  output: OutputLine[];
}
