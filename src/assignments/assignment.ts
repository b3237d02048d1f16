// An assignment lives only in its link: the JSON below, base64url-encoded in the URL fragment
// (`/#assignment=…`), which browsers never send to a server. One schema validates it everywhere
// (the builder page, the learner's pages, submissions, `npm run grade --assignment`).
import { z } from 'astro/zod';
import { isTimeZone } from './time-zone.ts';

export const LAB_ID = z.string().regex(/^\d{2}-[a-z0-9-]+$/, 'a lab id looks like 01-first-rule');

export const assignmentSchema = z.strictObject({
  version: z.literal(1),
  title: z.string().trim().min(1, 'give the assignment a title').max(200),
  labs: z.array(LAB_ID).min(1, 'pick at least one lab').max(50).refine((ids) => new Set(ids).size === ids.length, 'a lab is listed twice'),
  /** The deadline as a UTC instant. */
  dueAt: z.iso.datetime({ offset: false }),
  /** The instructor's zone: the deadline is shown in it. */
  timeZone: z.string().refine(isTimeZone, 'not a known time zone'),
  notes: z.string().max(4000).optional(),
});

export type Assignment = z.infer<typeof assignmentSchema>;

import { ASSIGNMENT_PARAM } from './assignment-keys.ts';
export { ASSIGNMENT_KEY, ASSIGNMENT_PARAM } from './assignment-keys.ts';

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Any unknown value -> an assignment, or the first problem in words. */
export function parseAssignment(value: unknown): ParseResult<Assignment> {
  const r = assignmentSchema.safeParse(value);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'assignment'}: ${issue?.message ?? 'invalid'}` };
}

export function encodeAssignment(a: Assignment): string {
  return toBase64Url(JSON.stringify(assignmentSchema.parse(a)));
}

export function decodeAssignment(encoded: string): ParseResult<Assignment> {
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(encoded));
  } catch {
    return { ok: false, error: 'the assignment link is damaged (it could not be decoded); ask your instructor for it again' };
  }
  return parseAssignment(json);
}

/** `https://site/` + assignment -> the link to share. */
export function assignmentLink(siteRoot: string, a: Assignment): string {
  return `${siteRoot.replace(/#.*$/, '')}#${ASSIGNMENT_PARAM}=${encodeAssignment(a)}`;
}

/** The encoded assignment in a URL fragment, if any. */
export function assignmentFromHash(hash: string): string | undefined {
  return new URLSearchParams(hash.replace(/^#/, '')).get(ASSIGNMENT_PARAM) ?? undefined;
}

export type LabStatus = 'passed' | 'not-passed';

export function isLate(a: Pick<Assignment, 'dueAt'>, at: string): boolean {
  return Date.parse(at) > Date.parse(a.dueAt);
}
