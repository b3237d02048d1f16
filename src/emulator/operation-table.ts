// A typed operation table: each row names an operation's input shape (a zod schema, decoded at the edge),
// the service call it makes (a function the compiler checks against the service's method), and how the
// emulator treats it (journaled and replayed, or waits for deliveries before answering). Adding an
// operation is one row; a row whose call does not fit the decoded input does not compile.
import { z } from 'zod';

export interface OperationRow<S, I> {
  input: z.ZodType<I>;
  run(service: S, input: I): unknown;
  /** Journaled durably before it is answered, and replayed at the next start. */
  persist: boolean;
  /** Answers only once the deliveries it started have run (PutEvents, StartReplay). */
  waits?: boolean;
}

/** Keeps each row's input type tied to its own schema (a plain object literal would widen them). */
export function row<S>() {
  return <I>(r: OperationRow<S, I>): OperationRow<S, I> => r;
}

/** Rows differ in input type; each is checked where `row` builds it, and dispatch decodes with the row's own schema. */
export type OperationTable<S> = Readonly<Record<string, OperationRow<S, unknown>>>;

/** A decoding failure in AWS terms: a missing required member, or a value of the wrong type. */
export interface DecodeProblem {
  kind: 'missing' | 'type' | 'constraint';
  path: string;
  message: string;
}

/** Decodes `value` against the row's shape: unknown members are dropped, so only known fields are stored. */
export function decode<I>(schema: z.ZodType<I>, value: unknown): { ok: true; input: I } | { ok: false; problem: DecodeProblem } {
  const r = schema.safeParse(value);
  if (r.success) return { ok: true, input: r.data };
  const issue = r.error.issues[0] as z.core.$ZodIssue;
  const path = issue.path.map(String).join('.');
  const at = valueAt(value, issue.path);
  if (issue.code === 'invalid_type' && at === undefined) return { ok: false, problem: { kind: 'missing', path, message: issue.message } };
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union' || issue.code === 'invalid_value' && typeof at !== 'string') {
    return { ok: false, problem: { kind: 'type', path, message: issue.message } };
  }
  return { ok: false, problem: { kind: 'constraint', path, message: issue.message } };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** The member name AWS uses in validation messages: the last path element, first letter lower-cased. */
export function memberName(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? '';
  return last.charAt(0).toLowerCase() + last.slice(1);
}
