// Splitting an InputTemplate into text and <placeholder> parts, and filling them the way EventBridge does:
// in a JSON template a placeholder standing as a value becomes JSON (strings gain quotes); inside a string
// literal, or anywhere in a plain-text template, the value goes in raw (objects lose their inner quotes).

export const RESERVED_VARIABLES = [
  'aws.events.rule-arn',
  'aws.events.rule-name',
  'aws.events.event.ingestion-time',
  'aws.events.event',
  'aws.events.event.json',
] as const;

/** Reserved variables holding whole events: only allowed as a JSON field value. */
export const EVENT_VARIABLES = new Set(['aws.events.event', 'aws.events.event.json']);

export type TemplatePart =
  | { kind: 'text'; text: string }
  | { kind: 'var'; name: string; inString: boolean; asKey: boolean; offset: number };

/** A template is a JSON template when it is an object or array; anything else is a string template. */
export function isJsonTemplate(template: string): boolean {
  const t = template.trim();
  return t.startsWith('{') || t.startsWith('[');
}

/** Splits the template; only `<name>` with a known name counts as a placeholder, anything else stays text. */
export function scanTemplate(template: string, known: (name: string) => boolean): TemplatePart[] {
  const json = isJsonTemplate(template);
  const parts: TemplatePart[] = [];
  let text = '';
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === '<') {
      const m = /^<([A-Za-z0-9_.\-]+)>/.exec(template.slice(i));
      if (m && known(m[1] as string)) {
        if (text) parts.push({ kind: 'text', text });
        text = '';
        const after = template.slice(i + m[0].length).trimStart();
        const asKey = json && !inString && after.startsWith(':');
        parts.push({ kind: 'var', name: m[1] as string, inString: !json || inString, asKey, offset: i });
        i += m[0].length - 1;
        continue;
      }
    }
    if (json) {
      if (ch === '\\' && inString) {
        text += ch + (template[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = !inString;
    }
    text += ch;
  }
  if (text) parts.push({ kind: 'text', text });
  return parts;
}

/**
 * Placeholders `<name>` whose name is unknown: anywhere in a string template, outside string literals in
 * a JSON template (AWS rejects both at PutTargets).
 */
export function unknownPlaceholders(template: string, known: (name: string) => boolean): string[] {
  if (!isJsonTemplate(template)) {
    return [...template.matchAll(/<([A-Za-z0-9_.\-]+)>/g)].map((m) => m[1] as string).filter((name) => !known(name));
  }
  const out: string[] = [];
  for (const part of scanTemplate(template, () => false)) {
    if (part.kind !== 'text') continue;
    // Re-scan text outside strings for <name> tokens.
    let inString = false;
    for (let i = 0; i < part.text.length; i++) {
      const ch = part.text[i];
      if (ch === '\\' && inString) {
        i++;
        continue;
      }
      if (ch === '"') inString = !inString;
      if (ch === '<' && !inString) {
        const m = /^<([A-Za-z0-9_.\-]+)>/.exec(part.text.slice(i));
        if (m && !known(m[1] as string)) out.push(m[1] as string);
      }
    }
  }
  return out;
}

/** Text for a value placed inside a string (or a plain-text template): no escaping, as AWS does. */
export function rawText(value: unknown, found: boolean): string {
  if (!found || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') return JSON.stringify(value).replace(/"/g, '');
  return String(value);
}

/** Text for a value standing as a JSON value. Missing values become null so the payload stays JSON. */
export function jsonText(value: unknown, found: boolean): string {
  if (!found || value === undefined) return 'null';
  return JSON.stringify(value);
}

/** Drops whitespace outside string literals, keeping every value's text as written (AWS minifies JSON output). */
export function minifyJson(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      out += ch;
    } else if (ch !== ' ' && ch !== '\n' && ch !== '\r' && ch !== '\t') {
      out += ch;
    }
  }
  return out;
}
