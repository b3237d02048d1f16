// `--assignment FILE` for the CLIs: the assignment as JSON, or a file holding the assignment link.
import { readFileSync } from 'node:fs';
import { assignmentFromHash, decodeAssignment, parseAssignment, type Assignment } from './assignment.ts';

export function readAssignmentFile(path: string): Assignment {
  const text = readFileSync(path, 'utf8').trim();
  let r;
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    r = parseAssignment(json);
  } else {
    const encoded = assignmentFromHash(text.includes('#') ? text.slice(text.indexOf('#')) : `#assignment=${text}`);
    r = encoded ? decodeAssignment(encoded) : { ok: false as const, error: 'no assignment in the link' };
  }
  if (!r.ok) throw new Error(`${path}: ${r.error}`);
  return r.value;
}
