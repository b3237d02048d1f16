// One interface for every place a lab runs: the page's Web Worker, a WebContainer, and Node (the CLI).
import type { CheckResult, LabCheckReport, LabDefinition, LabFiles, LabRunReport, LabTraceEntry, OutputLine } from './lab-types.ts';

export interface MountedLab {
  id: string;
  definition: LabDefinition;
  files: LabFiles;
}

export interface RunOptions {
  signal?: AbortSignal;
  onOutput?(line: OutputLine): void;
  onTrace?(entry: LabTraceEntry): void;
}

export interface CheckOptions {
  signal?: AbortSignal;
  onOutput?(line: OutputLine): void;
  onResult?(result: CheckResult, index: number): void;
}

export interface LabRunner {
  readonly kind: 'worker' | 'webcontainer' | 'node';
  /** Gives the runner the lab and the learner's current files (call again after edits). */
  mount(lab: MountedLab): Promise<void>;
  /** Puts every sample event through the bus; streams output and the trace. */
  run(options?: RunOptions): Promise<LabRunReport>;
  /** Runs every check; streams each result as it is known. */
  check(options?: CheckOptions): Promise<LabCheckReport>;
  /** Frees threads and containers. The runner is unusable afterwards. */
  dispose(): void;
}
