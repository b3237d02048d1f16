// Reads a Netlify/Cloudflare `_headers` file (the course's `public/_headers`) so the meetup host sends the
// same headers a static host would: a path pattern on its own line, then indented `Name: value` lines.
export interface HeaderRule {
  pattern: RegExp;
  headers: [string, string][];
}

export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const glob = line.trim().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
      rules.push({ pattern: new RegExp(`^${glob}$`), headers: [] });
      continue;
    }
    const m = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (m && rule) rule.headers.push([m[1]!, m[2]!.trim()]);
  }
  return rules;
}

export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) if (r.pattern.test(path)) for (const [k, v] of r.headers) out[k] = v;
  return out;
}
