/**
 * `grades.json`, written by `npm run grade`. Version 1:
 * ```json
 * { "version": 1, "gradedAt": "…Z", "course": { "commit": "…" }, "assignment": { … } | null,
 *   "files": [{ "file": "ada.submission.json", "learner": "Ada", "createdAt": "…Z",
 *               "hash": { "claimed": "…", "actual": "…", "matches": true }, "error": null }],
 *   "rows": [{ "learner": "Ada", "lab": "01-first-rule", "file": "ada.submission.json",
 *              "passed": 7, "total": 7, "score": 1, "late": false, "submittedAt": "…Z",
 *              "contentHash": "…", "hashMatches": true, "claimedMismatch": [], "identicalTo": [],
 *              "missing": false,
 *              "checks": [{ "title": "…", "status": "passed", "message": null, "claimed": "passed" }] }] }
 * ```
 * - one `files` entry per file in the folder; `error` says why a file could not be graded (not JSON,
 *   not a submission, newer version), and such a file has no rows;
 * - one `rows` entry per learner and lab: the labs of `--assignment` when given (a lab the file lacks is
 *   `missing`, scored 0), otherwise the labs in the file;
 * - `checks` come from the re-run; `claimed` is the status the learner's file reported (`null` if none);
 *   `claimedMismatch` lists the titles whose claim differs from the re-run;
 * - `late` is `null` without a due date; `submittedAt` is the file's own `createdAt` (set by the learner's
 *   machine, so a late flag is only as honest as their clock; a hash mismatch makes it untrustworthy);
 * - `identicalTo` names other learners' files with the same files for this lab (starter files excluded).
 */
import type { Assignment } from '../assignments/assignment.ts';
import type { CheckStatus } from '../labs/lab-types.ts';

export const GRADES_VERSION = 1;

export interface GradedCheck {
  title: string;
  status: CheckStatus;
  message: string | null;
  claimed: CheckStatus | null;
}

export interface GradeRow {
  learner: string;
  lab: string;
  file: string;
  passed: number;
  total: number;
  score: number;
  late: boolean | null;
  submittedAt: string;
  contentHash: string;
  hashMatches: boolean;
  claimedMismatch: string[];
  identicalTo: string[];
  missing: boolean;
  checks: GradedCheck[];
}

export interface GradedFile {
  file: string;
  learner: string | null;
  createdAt: string | null;
  hash: { claimed: string; actual: string; matches: boolean } | null;
  error: string | null;
}

export interface Grades {
  version: typeof GRADES_VERSION;
  gradedAt: string;
  course: { commit: string };
  assignment: Assignment | null;
  files: GradedFile[];
  rows: GradeRow[];
}
