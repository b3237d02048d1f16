/**
 * A submission file (`*.submission.json`): one learner's work on one lab or a whole assignment.
 * Documented in `submission.schema.json` (JSON Schema, generated from this schema and tested to match).
 *
 * Version 1:
 * ```json
 * { "format": "eventbridge-course-submission", "version": 1,
 *   "learner": "Ada Lovelace",
 *   "assignment": { "version": 1, "title": "Week 1", "labs": ["01-first-rule"], "dueAt": "…Z", "timeZone": "Europe/Paris" },
 *   "labs": [{ "id": "01-first-rule", "files": { "pattern.json": "…" },
 *              "results": { "checkedAt": "…Z", "checks": [{ "title": "…", "status": "passed" }] } }],
 *   "course": { "commit": "e4ab2f0…" },
 *   "createdAt": "2026-12-01T16:00:00.000Z",
 *   "hash": { "algorithm": "SHA-256", "value": "<64 hex digits>" } }
 * ```
 * - `learner` is the name as typed (trimmed); `assignment` is `null` for a lab handed in on its own.
 * - `files` are laid over the lab's starter files when graded: a file left out is the starter's.
 * - `results` are what the learner's page showed after their last Check (`null` if they never checked):
 *   a claim, compared with the re-run, never trusted.
 * - `hash.value` is the SHA-256 (lower-case hex) of the UTF-8 bytes of `canonicalJson` of the whole file
 *   without its `hash` member (see `canonical-json.ts`). It detects edits, not forgery: anyone can rehash.
 */
import { z } from 'astro/zod';
import { assignmentSchema, LAB_ID } from '../assignments/assignment.ts';

export const SUBMISSION_FORMAT = 'eventbridge-course-submission';
export const SUBMISSION_VERSION = 1;
/** A submission above this size is refused before parsing (the course's largest lab is ~25 KB). */
export const MAX_SUBMISSION_BYTES = 2 * 1024 * 1024;

export const checkClaimSchema = z.strictObject({
  title: z.string(),
  status: z.enum(['passed', 'failed', 'error']),
});

export const labSubmissionSchema = z.strictObject({
  id: LAB_ID,
  files: z.record(z.string().regex(/^(?!\/)(?!.*\.\.)[\w./-]+$/, 'a relative file path inside the lab'), z.string()),
  results: z.strictObject({ checkedAt: z.iso.datetime(), checks: z.array(checkClaimSchema) }).nullable(),
});

export const submissionSchema = z.strictObject({
  format: z.literal(SUBMISSION_FORMAT),
  version: z.literal(SUBMISSION_VERSION),
  learner: z.string().trim().min(1, 'the learner name is empty').max(120),
  assignment: assignmentSchema.nullable(),
  labs: z.array(labSubmissionSchema).min(1),
  course: z.strictObject({ commit: z.string().regex(/^([0-9a-f]{7,40}|unknown)$/) }),
  createdAt: z.iso.datetime(),
  hash: z.strictObject({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export type Submission = z.infer<typeof submissionSchema>;
export type LabSubmission = z.infer<typeof labSubmissionSchema>;
export type CheckClaim = z.infer<typeof checkClaimSchema>;
export type UnsignedSubmission = Omit<Submission, 'hash'>;
