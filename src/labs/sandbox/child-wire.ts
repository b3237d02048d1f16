// The wire between the grader and its child process. This file is copied next to the child script, so
// it imports nothing (the child may read only its own folder).

/** The handler's context as plain data; the parent's bus stands behind `context.bus`. */
export interface InvokeContext {
  functionName: string;
  ruleName: string;
  eventId: string;
  attempt: number;
}

/** Parent -> child, one JSON line each on FD.fromParent. */
export type ParentMessage =
  | { type: 'load'; file: string; exportName: string }
  | { type: 'invoke'; id: string; event: unknown; context: InvokeContext };

/** Parent -> child on FD.busReply: the answer to a synchronous `context.bus.putEvents` call. */
export type BusReply = { ok: true; value: unknown } | { ok: false; message: string };

/** Child -> parent, one JSON line each on FD.toParent. */
export type ChildMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; message: string }
  | { type: 'output'; stream: 'log' | 'error'; text: string }
  | { type: 'bus'; id: string; input: unknown }
  | { type: 'returned'; id: string; value?: unknown }
  | { type: 'threw'; id: string; message: string }
  | { type: 'fatal'; message: string };

/** File descriptors of the three pipes (0-2 are stdio). */
export const FD = { toParent: 3, fromParent: 4, busReply: 5 } as const;

/** Longest text in one message; longer log lines and errors are cut. */
export const MAX_TEXT = 64 * 1024;
