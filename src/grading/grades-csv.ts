// `grades.csv`: one row per learner and lab (RFC 4180 quoting; a leading = + - @ is prefixed with ' so a
// learner's name cannot become a spreadsheet formula).
import type { GradeRow } from './grades-shape.ts';

export const CSV_COLUMNS = ['learner', 'lab', 'checks_passed', 'checks_total', 'score', 'late', 'submitted_at', 'content_hash', 'hash_ok', 'claimed_vs_actual_mismatch', 'identical_to', 'file'] as const;

export function csvCell(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gradesCsv(rows: GradeRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) {
    const late = r.late === null ? 'no due date' : r.late ? 'late' : 'on time';
    const cells = [r.learner, r.lab, r.passed, r.total, r.score, late, r.submittedAt, r.contentHash, r.hashMatches, r.claimedMismatch.join('; '), r.identicalTo.join('; '), r.file];
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
