import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A lab as the sidebar needs it, read straight from disk at config time (before collections exist). */
export interface LabLink {
  id: string;
  title: string;
}

// Only the `title:` line is needed here; the full brief is validated by the labs collection at build time.
export function listLabLinks(labsDir: string): LabLink[] {
  if (!existsSync(labsDir)) return [];
  return readdirSync(labsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{2}-/.test(d.name))
    .map((d) => d.name)
    .sort()
    .flatMap((id) => {
      const brief = ['lab.mdx', 'lab.md'].map((f) => join(labsDir, id, f)).find((p) => existsSync(p));
      if (!brief) return [];
      const title = /^title:\s*['"]?(.+?)['"]?\s*$/m.exec(readFileSync(brief, 'utf8'))?.[1] ?? id;
      return [{ id, title }];
    });
}
