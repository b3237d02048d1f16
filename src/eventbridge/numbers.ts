// How EventBridge (aws/event-ruler) reads numbers: a JSON number is compared by value only
// when its decimal text is exactly the double it rounds to (so 3, 3.0 and 3e0 are equal).
// A number such as 9007199254740993 or 0.10000000000000001 that a double cannot hold exactly
// is matched only by its written text, and numeric comparisons never see it.

/** Canonical form of a decimal literal: sign, significant digits, exponent. '0' for zero. */
export function canonicalDecimal(text: string): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] ?? '';
  const intPart = m[2] ?? '';
  const frac = m[3] ?? '';
  const expText = m[4];
  let digits = intPart + frac;
  // value = 0.digits * 10^(exp)
  let exp = intPart.length + (expText ? parseInt(expText, 10) : 0);
  let lead = 0;
  while (lead < digits.length && digits.charCodeAt(lead) === 48) lead++;
  digits = digits.slice(lead);
  exp -= lead;
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(0, end);
  if (digits.length === 0) return '0';
  return `${sign}${digits}e${exp}`;
}

/**
 * The double a JSON number text stands for, when it can be compared numerically the way
 * EventBridge does it; undefined when the text is not exactly a finite double.
 */
export function comparableValue(text: string): number | undefined {
  const d = Number(text);
  if (!Number.isFinite(d)) return undefined;
  // Fast path: without an exponent, at most 15 significant digits always survive the round
  // trip through a double, so such a number is exact.
  if (text.length <= 16) {
    let digits = 0;
    let simple = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if (c !== 46 && c !== 45) simple = false;
    }
    if (simple && digits <= 15) return d === 0 ? 0 : d;
  }
  const a = canonicalDecimal(text);
  const b = canonicalDecimal(shortest(d));
  if (a === undefined || a !== b) return undefined;
  return d === 0 ? 0 : d;
}

/** JavaScript's shortest round-trip text for a double, rewritten with a plain exponent. */
function shortest(d: number): string {
  const s = String(d === 0 ? 0 : d);
  return s.replace('e+', 'e');
}
