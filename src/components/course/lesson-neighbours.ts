// Where a lesson's previous/next links and its "Practise" block point, so that a module's labs sit on the path
// between its last lesson and the next module's first lesson.

export interface PathLesson {
  id: string;
}
export interface PathLab {
  id: string;
  title: string;
}
export interface PathModule {
  lessons: PathLesson[];
  labs: PathLab[];
}
export interface PathLink {
  href: string;
  label: string;
}

const labLink = (base: string, lab: PathLab): PathLink => ({ href: `${base}/labs/${lab.id}/`, label: `Lab: ${lab.title}` });

/**
 * Overrides for Starlight's pagination: the last lesson of a module with labs goes next to its first lab, and the
 * first lesson after such a module goes back to that module's last lab. Undefined means "keep Starlight's link".
 */
export function labNeighbours(outline: PathModule[], lessonId: string, base = ''): { prev?: PathLink; next?: PathLink } {
  const at = outline.findIndex((m) => m.lessons.some((l) => l.id === lessonId));
  if (at < 0) return {};
  const mod = outline[at]!;
  const result: { prev?: PathLink; next?: PathLink } = {};
  if (mod.lessons.at(-1)?.id === lessonId && mod.labs.length > 0) result.next = labLink(base, mod.labs[0]!);
  if (mod.lessons[0]?.id === lessonId) {
    const before = outline.slice(0, at).reverse().find((m) => m.lessons.length > 0 || m.labs.length > 0);
    if (before && before.labs.length > 0) result.prev = labLink(base, before.labs.at(-1)!);
  }
  return result;
}

/** The labs a lesson lists in its frontmatter, as links with their titles (unknown ids are left out). */
export function practiseLinks(labIds: string[], labs: PathLab[], base = ''): PathLink[] {
  return labIds.flatMap((id) => {
    const lab = labs.find((l) => l.id === id);
    return lab ? [{ href: `${base}/labs/${lab.id}/`, label: lab.title }] : [];
  });
}
