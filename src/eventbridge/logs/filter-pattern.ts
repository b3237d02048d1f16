// A small subset of CloudWatch Logs filter patterns: space-separated terms that must all appear,
// "quoted phrases", and -term to exclude. JSON ({ $.x = ... }) and space-delimited patterns are not modelled.

export function matchesFilterPattern(pattern: string, message: string): boolean {
  const trimmed = pattern.trim();
  if (trimmed === '') return true;
  const terms = trimmed.match(/-?"[^"]*"|\S+/g) ?? [];
  return terms.every((raw) => {
    const negate = raw.startsWith('-');
    const term = (negate ? raw.slice(1) : raw).replace(/^"|"$/g, '');
    return message.includes(term) !== negate;
  });
}
