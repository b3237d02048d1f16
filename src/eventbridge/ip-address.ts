// IP addresses as EventBridge compares them: an address becomes a fixed-width hex string
// (8 digits for IPv4, 32 for IPv6) and CIDR blocks become ranges of those strings.
// This mirrors aws/event-ruler, including two of its quirks we keep on purpose so our
// verdicts agree with the service: octets with leading zeros read as decimal, and ranges
// compare hex digits left to right, so an IPv4 block can contain an IPv6 address whose
// first 8 hex digits fall inside it.

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

/** True when the text has the shape of an IP literal (the service only then tries to read it). */
export function looksLikeIp(s: string): boolean {
  return IPV4_SHAPE.test(s) || IPV6_SHAPE.test(s);
}

function parseV4(s: string): number[] | undefined {
  const parts = s.split('.');
  const out: number[] = [];
  for (const p of parts) {
    let v = 0;
    for (let i = 0; i < p.length; i++) {
      v = v * 10 + (p.charCodeAt(i) - 48);
      if (v > 255) return undefined;
    }
    out.push(v);
  }
  return out;
}

function parseV6(s: string): number[] | undefined {
  const dbl = s.indexOf('::');
  if (dbl >= 0 && s.indexOf('::', dbl + 1) >= 0) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.length === 0 || g.length > 4) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (dbl >= 0) {
    const head = groupsOf(s.slice(0, dbl));
    const tail = groupsOf(s.slice(dbl + 2));
    if (!head || !tail) return undefined;
    const fill = 8 - head.length - tail.length;
    if (fill < 1) return undefined;
    groups = [...head, ...new Array<number>(fill).fill(0), ...tail];
  } else {
    const all = groupsOf(s);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 0xff);
  // An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is treated as the IPv4 address.
  let mapped = true;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) mapped = false;
  if (mapped && bytes[10] === 0xff && bytes[11] === 0xff) return bytes.slice(12);
  return bytes;
}

export type IpParse = { ok: true; bytes: number[] } | { ok: false; message: string };

/** Reads an IP literal into 4 or 16 bytes, or explains why it is not one. */
export function parseIp(s: string): IpParse {
  if (IPV4_SHAPE.test(s)) {
    const b = parseV4(s);
    return b ? { ok: true, bytes: b } : { ok: false, message: `${s} is not a valid IP address` };
  }
  if (IPV6_SHAPE.test(s)) {
    const b = parseV6(s);
    return b ? { ok: true, bytes: b } : { ok: false, message: `${s} is not a valid IP address` };
  }
  return { ok: false, message: `${JSON.stringify(s)} is not an IPv4 or IPv6 address` };
}

const HEX_BYTE: string[] = Array.from({ length: 256 }, (_, b) => b.toString(16).toUpperCase().padStart(2, '0'));

export function toHex(bytes: number[]): string {
  let out = '';
  for (const b of bytes) out += HEX_BYTE[b] as string;
  return out;
}

/** Fast path for the common case, a dotted quad: its hex form, or undefined if not one. */
function v4Hex(s: string): string | undefined {
  let out = '';
  let v = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (v > 255) return undefined;
      digits++;
    } else if (c === 46) {
      if (digits === 0 || ++parts > 4) return undefined;
      out += HEX_BYTE[v] as string;
      v = 0;
      digits = 0;
    } else return undefined;
  }
  return parts === 4 ? out : undefined;
}

/** Hex form of an IP literal, or undefined when the text is not one. */
export function ipHex(s: string): string | undefined {
  if (s.length > 64 || s.length < 2) return undefined;
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57 && s.indexOf(':') < 0) return v4Hex(s);
  if (!looksLikeIp(s)) return undefined;
  const r = parseIp(s);
  return r.ok ? toHex(r.bytes) : undefined;
}

export interface HexRange {
  lo: string;
  hi: string;
}

export type CidrParse = { ok: true; range: HexRange } | { ok: false; message: string };

/** Reads "address/bits" into a hex range, with the service's rules for what is accepted. */
export function parseCidr(text: string): CidrParse {
  // Java's String.split drops trailing empty pieces; keep that so "a/24/" reads like the service.
  const pieces = text.split('/');
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  if (pieces.length !== 2) return { ok: false, message: `malformed CIDR ${JSON.stringify(text)}: exactly one '/' is required` };
  const [addr = '', bitsText = ''] = pieces;
  if (!/^[+-]?\d+$/.test(bitsText) || Math.abs(Number(bitsText)) > 2147483647) {
    return { ok: false, message: `malformed CIDR ${JSON.stringify(text)}: the mask bits must be an integer` };
  }
  const bits = Number(bitsText);
  if (bits < 0) return { ok: false, message: `malformed CIDR ${JSON.stringify(text)}: the mask bits must not be negative` };
  if (!looksLikeIp(addr)) return { ok: false, message: `${JSON.stringify(addr)} is not a standard IPv4 or IPv6 address` };
  const ip = parseIp(addr);
  if (!ip.ok) return { ok: false, message: `invalid IP address: ${addr}` };
  const bytes = ip.bytes;
  const width = bytes.length * 8;
  if (bits > width - 1) {
    return { ok: false, message: `${bytes.length === 4 ? 'IPv4' : 'IPv6'} mask bits must be less than ${width} (got ${bits})` };
  }
  // The range starts at the address as written (host bits are not cleared) and ends with
  // every host bit set, as the service does.
  let free = width - bits;
  const top = bytes.slice();
  for (let i = top.length - 1; i >= 0 && free > 0; i--) {
    const take = Math.min(free, 8);
    top[i] = (top[i] ?? 0) | ((1 << take) - 1);
    free -= take;
  }
  return { ok: true, range: { lo: toHex(bytes), hi: toHex(top) } };
}

/**
 * Whether an event value's hex form falls in a range. Digits are compared left to right for
 * the range's width; a longer value is judged on its first digits, a shorter one never matches.
 */
export function hexInRange(hex: string, r: HexRange): boolean {
  const w = r.lo.length;
  if (hex.length < w) return false;
  const head = hex.length === w ? hex : hex.slice(0, w);
  return head >= r.lo && head <= r.hi;
}
