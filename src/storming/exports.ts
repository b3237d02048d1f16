// The four exports by name, for the CLI and the page.
import type { Board } from './board-format.ts';
import type { ExportFiles } from './export-files.ts';
import { exportCloudFormation } from './export-cloudformation.ts';
import { exportEventCatalog } from './export-eventcatalog.ts';
import { exportLab } from './export-lab.ts';
import { exportSchemas } from './export-schemas.ts';

export const EXPORT_KINDS = ['schemas', 'eventcatalog', 'cloudformation', 'lab'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const exporters: Record<ExportKind, (b: Board) => ExportFiles> = {
  schemas: exportSchemas,
  eventcatalog: exportEventCatalog,
  cloudformation: exportCloudFormation,
  lab: (b) => exportLab(b),
};

export function isExportKind(v: string): v is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(v);
}

export function exportBoard(board: Board, kind: ExportKind): ExportFiles {
  return exporters[kind](board);
}
