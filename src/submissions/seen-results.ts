// What the learner's page showed after their last Check, kept per lab under `ebc:lab-results:<id>` so a
// submission (from the lab page or for a whole assignment) carries the results the learner saw.
import { z } from 'astro/zod';
import { checkClaimSchema, labSubmissionSchema, type LabSubmission } from './submission-format.ts';
import { LAB_WORK_PREFIX } from '../progress/progress-shape.ts';
import type { LabFiles } from '../labs/lab-types.ts';

export const SEEN_RESULTS_PREFIX = 'ebc:lab-results:';

const seenSchema = z.object({ checkedAt: z.iso.datetime(), checks: z.array(checkClaimSchema) });
const savedWorkSchema = z.object({ files: z.record(z.string(), z.string()) });

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function readJson<T>(storage: Storage, key: string, schema: z.ZodType<T>): T | null {
  try {
    const raw = storage.getItem(key);
    const r = raw ? schema.safeParse(JSON.parse(raw)) : undefined;
    return r?.success ? r.data : null;
  } catch {
    return null;
  }
}

export function saveSeenResults(storage: Storage, labId: string, checks: z.infer<typeof checkClaimSchema>[]): void {
  storage.setItem(SEEN_RESULTS_PREFIX + labId, JSON.stringify({ checkedAt: new Date().toISOString(), checks }));
}

/** One lab's entry for a submission: the saved work (laid over `starter` when the page has it) and the seen results. */
export function labEntryFromStorage(storage: Storage, labId: string, starter: LabFiles = {}): LabSubmission {
  const saved = readJson(storage, LAB_WORK_PREFIX + labId, savedWorkSchema)?.files ?? {};
  const files: LabFiles = { ...starter };
  for (const [path, text] of Object.entries(saved)) if (!Object.keys(starter).length || path in starter) files[path] = text;
  return labSubmissionSchema.parse({ id: labId, files, results: readJson(storage, SEEN_RESULTS_PREFIX + labId, seenSchema) });
}
