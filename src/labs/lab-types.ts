// The shape of a lab's `checks.json` and of what running a lab produces. Plain data, so it crosses a
// worker boundary (postMessage) and a WebContainer mount unchanged.

/** The learner's files: path inside the lab (e.g. `pattern.json`, `handler.ts`) -> text. */
export type LabFiles = Record<string, string>;

// The shape of checks.json is defined once, as a zod schema in lab-definition.ts; these are its inferred types.
export type { FileOrInline, LabCheck, LabCheckType, LabDefinition, LabEvent, LabFileSpec, LabFunctionSpec, LabRuleSpec, LabScheduleSpec, LabScriptSpec, LabTargetSpec, ScriptWorld } from './lab-definition.ts';

export type CheckStatus = 'passed' | 'failed' | 'error';

export interface CheckResult {
  /** The check's id in checks.json. */
  id: string;
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
