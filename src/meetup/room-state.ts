/**
 * The room a meetup host keeps in its state file (default `meetup-room.json`). Version 1:
 * ```json
 * { "version": 1,
 *   "learners": [{ "id": "l-…", "name": "Ada", "joinedAt": "…Z", "tokenHash": "<sha-256 hex>",
 *                  "labs": { "01-first-rule": { "at": "…Z", "passed": 7, "total": 7,
 *                                               "checks": [{ "title": "…", "status": "passed" }] } } }] }
 * ```
 * A learner's token (given once, on join) is stored only as its SHA-256; `GET /api/meetup/room` and the
 * event stream send the same shape without `tokenHash`.
 */
import { z } from 'astro/zod';
import { LAB_ID } from '../assignments/assignment.ts';
import { checkClaimSchema } from '../submissions/submission-format.ts';

export const LEARNER_NAME = z.string().trim().min(1, 'type a name').max(60, 'a name of at most 60 characters');

export const labProgressSchema = z.strictObject({
  at: z.iso.datetime(),
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  checks: z.array(checkClaimSchema).max(50),
});

export const learnerSchema = z.strictObject({
  id: z.string().regex(/^l-[\w-]{6,40}$/),
  name: LEARNER_NAME,
  joinedAt: z.iso.datetime(),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  labs: z.record(LAB_ID, labProgressSchema),
});

export const roomSchema = z.strictObject({ version: z.literal(1), learners: z.array(learnerSchema) });

export type Room = z.infer<typeof roomSchema>;
export type Learner = z.infer<typeof learnerSchema>;
export type PublicLearner = Omit<Learner, 'tokenHash'>;
export type PublicRoom = { version: 1; learners: PublicLearner[] };

/** What a learner's page may send. */
export const joinRequestSchema = z.strictObject({ name: LEARNER_NAME });
export const progressRequestSchema = z.strictObject({
  learnerId: learnerSchema.shape.id,
  token: z.string().regex(/^[\w-]{20,80}$/),
  lab: LAB_ID,
  checks: z.array(checkClaimSchema.extend({ title: z.string().max(300) })).min(1).max(50),
});

export function publicRoom(room: Room): PublicRoom {
  return { version: 1, learners: room.learners.map(({ tokenHash: _t, ...l }) => l) };
}
