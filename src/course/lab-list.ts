import { listLabFolders } from '../labs/lab-folders.ts';

/** A lab as the sidebar needs it, read straight from disk at config time (before collections exist). */
export interface LabLink {
  id: string;
  title: string;
}

// The sidebar's order is the one lab order, so Starlight's previous/next between labs follows it too.
// The full brief is validated by the labs collection at build time.
export function listLabLinks(labsDir: string): LabLink[] {
  return listLabFolders(labsDir).map(({ id, title }) => ({ id, title }));
}
