// Every export is a set of files: path inside the output folder -> text. The CLI writes them to disk,
// the page zips them; neither needs to know which export made them.
export type ExportFiles = Record<string, string>;

export const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;
