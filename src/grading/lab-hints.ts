// A lab's hints, read from its brief's frontmatter (validated by the same schema the site uses), for feedback.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { LabOnDisk } from '../labs/load-lab.ts';
import { labSchema } from '../schemas/lab.ts';

export function labHints(lab: LabOnDisk): string[] {
  const fm = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(lab.briefPath, 'utf8'))?.[1] ?? '';
  const r = labSchema.safeParse(parse(fm));
  return r.success ? r.data.hints : [];
}
