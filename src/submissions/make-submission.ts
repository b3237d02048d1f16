// Builds a hashed submission from its parts: the one constructor the page and `npm run lab -- submit` share.
import type { Assignment } from '../assignments/assignment.ts';
import { SUBMISSION_FORMAT, SUBMISSION_VERSION, submissionSchema, type LabSubmission, type Submission, type UnsignedSubmission } from './submission-format.ts';
import { contentHash } from './submission-hash.ts';

export interface SubmissionParts {
  learner: string;
  assignment: Assignment | null;
  labs: LabSubmission[];
  commit: string;
  createdAt?: string;
}

export async function makeSubmission(parts: SubmissionParts): Promise<Submission> {
  const unsigned: UnsignedSubmission = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    learner: parts.learner.trim(),
    assignment: parts.assignment,
    labs: parts.labs,
    course: { commit: parts.commit },
    createdAt: parts.createdAt ?? new Date().toISOString(),
  };
  const draft = { ...unsigned, hash: { algorithm: 'SHA-256' as const, value: '0'.repeat(64) } };
  // Validate before hashing, so a bad name or lab id is reported, not signed.
  submissionSchema.parse(draft);
  return { ...unsigned, hash: { algorithm: 'SHA-256', value: await contentHash(unsigned) } };
}

/** `ada-lovelace-01-first-rule.submission.json`: a file name that says whose it is. */
export function submissionFileName(learner: string, what: string): string {
  const slug = (s: string) => s.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'learner';
  return `${slug(learner)}-${slug(what)}.submission.json`;
}
