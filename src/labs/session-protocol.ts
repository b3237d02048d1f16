// Messages between a page (or the CLI) and the thread that runs a lab. The thread can be stopped at any
// time (an endless loop in a handler), so the caller keeps enough state to report what happened.

/** How long a learner's module may take to evaluate (top-level code) before the thread is stopped. */
export const LOAD_LIMIT_MS = 5000;
import type { CheckResult, LabCheckReport, LabDefinition, LabFiles, LabRunReport, LabTraceEntry, OutputLine } from './lab-types.ts';

/** A file the page already compiled (with the editor's TypeScript worker), or why it does not compile. */
export type CompiledFile = { js: string; map?: string } | { error: string };

export interface SessionRequest {
  kind: 'run' | 'check';
  labId: string;
  definition: LabDefinition;
  files: LabFiles;
  /** TypeScript files compiled by the page, so the runner need not download a compiler of its own. */
  compiled?: Record<string, CompiledFile>;
}

export type SessionMessage =
  /** A handler call starts (`phase` 'load': a module is being evaluated); the caller's watchdog starts. */
  | { type: 'enter'; fn: string; file: string; timeoutMs: number; phase?: 'load' }
  | { type: 'exit'; fn: string }
  | { type: 'trace'; entry: LabTraceEntry }
  /** Output comes in batches, so a handler that logs in a loop cannot flood the page with messages. */
  | { type: 'output'; lines: OutputLine[] }
  | { type: 'result'; index: number; result: CheckResult }
  | { type: 'done'; report: LabRunReport | LabCheckReport }
  | { type: 'fatal'; message: string };
