// SHA-256 of a submission's content, with Web Crypto so the page and Node compute it the same way.
import { canonicalJson } from './canonical-json.ts';
import type { Submission, UnsignedSubmission } from './submission-format.ts';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash of everything but the `hash` member. */
export function contentHash(s: UnsignedSubmission | Submission): Promise<string> {
  const { hash: _ignored, ...content } = s as Submission;
  return sha256Hex(canonicalJson(content));
}

export async function hashMatches(s: Submission): Promise<boolean> {
  return (await contentHash(s)) === s.hash.value;
}
