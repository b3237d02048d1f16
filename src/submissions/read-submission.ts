// Reads a submission from text: size, JSON, schema, then the hash. Each failure is said in words.
import { MAX_SUBMISSION_BYTES, submissionSchema, type Submission } from './submission-format.ts';
import { hashMatches } from './submission-hash.ts';

export type ReadSubmission = { ok: true; submission: Submission; hashOk: boolean } | { ok: false; error: string };

export async function readSubmission(text: string): Promise<ReadSubmission> {
  if (new TextEncoder().encode(text).length > MAX_SUBMISSION_BYTES) return { ok: false, error: `the file is larger than ${MAX_SUBMISSION_BYTES / 1024 / 1024} MB` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const v = (json as { version?: unknown } | null)?.version;
  if (typeof v === 'number' && v > 1) return { ok: false, error: `written by a newer version of the course (submission version ${v})` };
  const r = submissionSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `not a submission file: ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, submission: r.data, hashOk: await hashMatches(r.data) };
}
