// The one reader of Markdown frontmatter (lessons and lab briefs): YAML between two `---` lines at the top of
// the file, with LF or CRLF line ends and an optional byte-order mark. Node-free, so the lab runner can use it.
import { parse } from 'yaml';

export interface Frontmatter {
  /** The parsed YAML mapping. */
  data: Record<string, unknown>;
  /** The YAML text between the fences, with LF line ends. */
  raw: string;
  /** Everything after the closing fence. */
  body: string;
}

const BLOCK = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Reads the frontmatter of `text`; `where` names the file in errors. */
export function readFrontmatter(text: string, where = 'the file'): Frontmatter {
  const m = BLOCK.exec(text);
  if (!m) throw new Error(`${where}: no frontmatter block (a "---" line, YAML, and a closing "---" line at the top)`);
  const raw = (m[1] ?? '').replace(/\r\n/g, '\n');
  return { data: frontmatterData(raw, where), raw, body: m[2] ?? '' };
}

/** The mapping in a frontmatter block's YAML text (without its fences). */
export function frontmatterData(raw: string, where = 'the file'): Record<string, unknown> {
  let data: unknown;
  try {
    data = parse(raw) ?? {};
  } catch (e) {
    throw new Error(`${where}: the frontmatter is not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`${where}: the frontmatter must be a YAML mapping (key: value lines)`);
  return data as Record<string, unknown>;
}
