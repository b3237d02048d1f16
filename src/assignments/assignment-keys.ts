// The names an assignment link and the learner's browser use, apart from the schema so a page can look for
// an assignment without loading the validator.
/** The parameter in the fragment of an assignment link. */
export const ASSIGNMENT_PARAM = 'assignment';
/** Where a learner's browser keeps the assignment they opened, so lab pages show it too. */
export const ASSIGNMENT_KEY = 'ebc:assignment';

/** True when this page has an assignment to show: one in the link, or one kept from an earlier link. */
export function mayHaveAssignment(): boolean {
  if (new URLSearchParams(location.hash.replace(/^#/, '')).has(ASSIGNMENT_PARAM)) return true;
  try {
    return localStorage.getItem(ASSIGNMENT_KEY) !== null;
  } catch {
    return false;
  }
}
