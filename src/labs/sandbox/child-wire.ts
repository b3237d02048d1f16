// The wire between the grader and its child process. This file is copied next to the child script, so
// it imports nothing at run time (type imports are erased; the child may read only its own folder).
import type { LambdaContextData } from '../lambda-context.ts';
import type { WireRequest, WireResponse } from '../lab-wire.ts';

/** One invocation: what Lambda gives the function, as plain data. */
export interface InvokeContext {
  context: LambdaContextData;
  env: Record<string, string>;
}

/** Parent -> child, one JSON line each on FD.fromParent. */
export type ParentMessage =
  | { type: 'load'; file: string; exportName: string; env: Record<string, string> }
  | { type: 'invoke'; id: string; event: unknown; invoke: InvokeContext };

/** Parent -> child on FD.wireReply: the lab bus's answer to one request of the function's SDK client. */
export type WireReply = { rid: number; ok: true; response: WireResponse } | { rid: number; ok: false; message: string };

/** Child -> parent, one JSON line each on FD.toParent. */
export type ChildMessage =
  | { type: 'loaded' }
  | { type: 'load-failed'; message: string }
  | { type: 'output'; stream: 'log' | 'error'; text: string }
  /** A request the function's SDK client sends, during invocation `id` (empty when none is running). */
  | { type: 'http'; id: string; rid: number; request: WireRequest }
  | { type: 'returned'; id: string; value?: unknown }
  | { type: 'threw'; id: string; message: string }
  | { type: 'fatal'; message: string };

/** File descriptors of the three pipes (0-2 are stdio). */
export const FD = { toParent: 3, fromParent: 4, wireReply: 5 } as const;

/** Longest text in one message; longer log lines and errors are cut. */
export const MAX_TEXT = 64 * 1024;

/** The global under which the child's runtime offers the SDK shim its request transport. */
export const WIRE_KEY = 'course.lab-wire';
