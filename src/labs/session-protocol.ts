// Messages between a page (or the CLI) and the thread that runs a lab. The thread can be stopped at any
// time (an endless loop in a handler), so the caller keeps enough state to report what happened.
import type { CheckResult, LabCheckReport, LabDefinition, LabFiles, LabRunReport, LabTraceEntry, OutputLine } from './lab-types.ts';

export interface SessionRequest {
  kind: 'run' | 'check';
  labId: string;
  definition: LabDefinition;
  files: LabFiles;
}

export type SessionMessage =
  | { type: 'enter'; fn: string; file: string; timeoutMs: number }
  | { type: 'exit'; fn: string }
  | { type: 'trace'; entry: LabTraceEntry }
  | { type: 'output'; line: OutputLine }
  | { type: 'result'; index: number; result: CheckResult }
  | { type: 'done'; report: LabRunReport | LabCheckReport }
  | { type: 'fatal'; message: string };
