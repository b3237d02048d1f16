// The names of the four exports, apart from the exporters themselves, so a page can list them without loading them.
export const EXPORT_KINDS = ['schemas', 'eventcatalog', 'cloudformation', 'lab'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function isExportKind(v: string): v is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(v);
}
