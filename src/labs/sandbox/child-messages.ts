// The child runs learner code, so everything it says is a claim by the learner: the parent parses each
// line with this schema, keeps only plain data, and never lets it decide a verdict (its own bus does).
import { z } from 'zod';
import { MAX_TEXT, type ChildMessage } from './child-wire.ts';

const text = z.string().max(MAX_TEXT + 100);

export const childMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('loaded') }).strict(),
  z.object({ type: z.literal('load-failed'), message: text }).strict(),
  z.object({ type: z.literal('output'), stream: z.enum(['log', 'error']), text }).strict(),
  z.object({
    type: z.literal('http'),
    id: z.string().max(100),
    rid: z.number().int(),
    // The lab bus takes at most 10 entries of 1 MB: a larger request is refused here, before it is parsed further.
    request: z.object({ method: z.string().max(10), path: z.string().max(2000), headers: z.record(z.string(), z.string().max(8000)), body: z.string().max(11 * 1024 * 1024) }).strict(),
  }).strict(),
  z.object({ type: z.literal('returned'), id: z.string().max(100), value: z.unknown().optional() }).strict(),
  z.object({ type: z.literal('threw'), id: z.string().max(100), message: text }).strict(),
  z.object({ type: z.literal('fatal'), message: text }).strict(),
]) satisfies z.ZodType<ChildMessage>;

/** One line from the child, or why it is not a message the grader accepts. */
export function parseChildLine(line: string): { ok: true; message: ChildMessage } | { ok: false; why: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, why: 'a line that is not JSON' };
  }
  const r = childMessage.safeParse(raw);
  return r.success ? { ok: true, message: r.data as ChildMessage } : { ok: false, why: `a message the grader does not accept (${r.error.issues[0]?.message ?? 'invalid'})` };
}
