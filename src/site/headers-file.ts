// Reads a `_headers` file (the format Netlify and Cloudflare Pages share) and says which headers a path
// gets, so the test server, `npm start` and `npm run preview` send what the deployed site sends.
// Supported: comments (#), a path line, indented `Name: value` lines; `*` matches any characters and
// `:name` one path segment. Every matching rule applies; a header set by several is joined with ", ".
import { readFileSync } from 'node:fs';

export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ pattern: raw.trim(), headers: [] });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(raw);
    const rule = rules.at(-1);
    if (!m || !rule) throw new Error(`_headers line ${i + 1}: expected "Name: value" under a path`);
    rule.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

function matcher(pattern: string): RegExp {
  const body = pattern
    .split(/(\*|:[A-Za-z]+)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    if (!matcher(rule.pattern).test(path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
    }
  }
  return out;
}

export function readHeadersFile(path: string): HeaderRule[] {
  return parseHeadersFile(readFileSync(path, 'utf8'));
}
