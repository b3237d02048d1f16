// The four exports by name, for the CLI and the page.
import type { Board } from './board-format.ts';
import type { ExportFiles } from './export-files.ts';
import { exportCloudFormation } from './export-cloudformation.ts';
import { exportEventCatalog } from './export-eventcatalog.ts';
import { exportLab } from './export-lab.ts';
import { exportSchemas } from './export-schemas.ts';

import type { ExportKind } from './export-kinds.ts';

export { EXPORT_KINDS, isExportKind, type ExportKind } from './export-kinds.ts';

const exporters: Record<ExportKind, (b: Board) => ExportFiles> = {
  schemas: exportSchemas,
  eventcatalog: exportEventCatalog,
  cloudformation: exportCloudFormation,
  lab: (b) => exportLab(b),
};

export function exportBoard(board: Board, kind: ExportKind): ExportFiles {
  return exporters[kind](board);
}
