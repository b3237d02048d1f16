// The learner's side of an assignment: an assignment link's fragment is kept in this browser, so the home
// page and the lab pages it names show it until the learner leaves it.
import { ASSIGNMENT_KEY, assignmentFromHash, decodeAssignment, parseAssignment, type Assignment, type ParseResult } from './assignment.ts';

export function currentAssignment(): ParseResult<Assignment> | undefined {
  const encoded = assignmentFromHash(location.hash);
  if (encoded) {
    const r = decodeAssignment(encoded);
    if (r.ok) {
      try {
        localStorage.setItem(ASSIGNMENT_KEY, JSON.stringify(r.value));
      } catch {
        // shown for this visit only
      }
      history.replaceState(null, '', location.pathname + location.search);
    }
    return r;
  }
  try {
    const raw = localStorage.getItem(ASSIGNMENT_KEY);
    return raw ? parseAssignment(JSON.parse(raw)) : undefined;
  } catch {
    return undefined;
  }
}

export function leaveAssignment(): void {
  try {
    localStorage.removeItem(ASSIGNMENT_KEY);
  } catch {
    // nothing kept
  }
}
