// Loads the shared conformance vectors (test-only helper; reads files, so it lives outside
// the engine's runtime code and is imported only by tests).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ConformanceCase {
  id: string;
  feature?: string;
  pattern: unknown;
  event: unknown;
  pattern_text?: string;
  event_text?: string;
  expected?: boolean;
  invalid?: boolean;
  quirk?: boolean;
  raw_number_sensitive?: boolean;
  expected_after_json_parse_roundtrip?: boolean;
  event_ruler_agrees?: boolean;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const conformanceDir = path.resolve(repoRoot, '..', 'shared', 'conformance');

export function loadCases(file: string): ConformanceCase[] {
  return readFileSync(path.join(conformanceDir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ConformanceCase);
}

export const patternText = (c: ConformanceCase): string => c.pattern_text ?? JSON.stringify(c.pattern);
export const eventText = (c: ConformanceCase): string => c.event_text ?? JSON.stringify(c.event);
