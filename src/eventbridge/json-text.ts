// A small strict JSON reader that keeps the source text of every number.
// EventBridge decides some matches on how a number was written (3.0 vs 3, or values a
// double cannot hold exactly), which JSON.parse throws away.

/** A JSON number with the exact text it was written as. */
export class JsonNumber {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  toJSON(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

/** Parsed JSON: like JSON.parse output, except numbers are JsonNumber and objects have no prototype. */
export type JsonValue = null | boolean | string | JsonNumber | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export class JsonSyntaxError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.position = position;
  }
}

const MAX_DEPTH = 512;

/** Parses JSON text strictly (RFC 8259). Duplicate keys: the last one wins, as in most parsers. */
export function parseJsonText(text: string): JsonValue {
  const p = new Reader(text);
  p.ws();
  const v = p.value(0);
  p.ws();
  if (p.i < text.length) p.fail('unexpected text after the end of the JSON value');
  return v;
}

class Reader {
  readonly s: string;
  i = 0;
  constructor(s: string) {
    this.s = s;
  }
  fail(msg: string): never {
    const { line, col } = lineCol(this.s, this.i);
    throw new JsonSyntaxError(`${msg} (line ${line}, column ${col})`, this.i);
  }
  ws(): void {
    const s = this.s;
    let i = this.i;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }
  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail('JSON is nested too deeply');
    const c = this.s.charCodeAt(this.i);
    if (c === 123) return this.object(depth);
    if (c === 91) return this.array(depth);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return new JsonNumber(this.number());
    if (this.s.startsWith('true', this.i)) {
      this.i += 4;
      return true;
    }
    if (this.s.startsWith('false', this.i)) {
      this.i += 5;
      return false;
    }
    if (this.s.startsWith('null', this.i)) {
      this.i += 4;
      return null;
    }
    if (this.i >= this.s.length) this.fail('unexpected end of JSON');
    this.fail(`unexpected character ${JSON.stringify(this.s[this.i])}`);
  }
  object(depth: number): JsonObject {
    const out: JsonObject = Object.create(null) as JsonObject;
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 125) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s.charCodeAt(this.i) !== 34) this.fail('expected a double-quoted property name');
      const key = this.string();
      this.ws();
      if (this.s.charCodeAt(this.i) !== 58) this.fail("expected ':' after a property name");
      this.i++;
      this.ws();
      // Re-inserting moves a repeated key to the end, matching "last one wins" in document order.
      if (key in out) delete out[key];
      out[key] = this.value(depth + 1);
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        return out;
      }
      this.fail("expected ',' or '}' in an object");
    }
  }
  array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.i++;
    this.ws();
    if (this.s.charCodeAt(this.i) === 93) {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value(depth + 1));
      this.ws();
      const c = this.s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 93) {
        this.i++;
        return out;
      }
      this.fail("expected ',' or ']' in an array");
    }
  }
  string(): string {
    const s = this.s;
    let i = this.i + 1;
    let out = '';
    let start = i;
    for (;;) {
      if (i >= s.length) {
        this.i = i;
        this.fail('unterminated string');
      }
      const c = s.charCodeAt(i);
      if (c === 34) {
        out += s.slice(start, i);
        this.i = i + 1;
        return out;
      }
      if (c < 32) {
        this.i = i;
        this.fail('control character in a string must be escaped');
      }
      if (c === 92) {
        out += s.slice(start, i);
        const e = s[i + 1];
        switch (e) {
          case '"': out += '"'; break;
          case '\\': out += '\\'; break;
          case '/': out += '/'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'n': out += '\n'; break;
          case 'r': out += '\r'; break;
          case 't': out += '\t'; break;
          case 'u': {
            const hex = s.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
              this.i = i;
              this.fail('bad \\u escape in a string');
            }
            out += String.fromCharCode(parseInt(hex, 16));
            i += 4;
            break;
          }
          default:
            this.i = i;
            this.fail('bad escape in a string');
        }
        i += 2;
        start = i;
        continue;
      }
      i++;
    }
  }
  number(): string {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const d0 = s.charCodeAt(i);
    if (d0 === 48) {
      i++;
    } else if (d0 >= 49 && d0 <= 57) {
      while (isDigit(s.charCodeAt(i))) i++;
    } else {
      this.i = i;
      this.fail('bad number');
    }
    if (s.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(s.charCodeAt(i))) {
        this.i = i;
        this.fail('bad number: digits expected after the decimal point');
      }
      while (isDigit(s.charCodeAt(i))) i++;
    }
    const e = s.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = s.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(s.charCodeAt(i))) {
        this.i = i;
        this.fail('bad number: digits expected in the exponent');
      }
      while (isDigit(s.charCodeAt(i))) i++;
    }
    this.i = i;
    return s.slice(start, i);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function lineCol(s: string, pos: number): { line: number; col: number } {
  let line = 1;
  let col = 1;
  for (let i = 0; i < pos && i < s.length; i++) {
    if (s.charCodeAt(i) === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { line, col };
}

/**
 * A flat copy of a string. Strings built by concatenation are ropes inside the JavaScript engine;
 * used as Map keys (the RuleMachine's indexes) they make every lookup slow. An object key is
 * always stored flat and interned, so we borrow that.
 */
export function flatString(s: string): string {
  if (s.length > 256) return s;
  return Object.keys({ [s]: 0 })[0] ?? s;
}

/**
 * Turns an already-parsed JavaScript value into a JsonValue. Numbers get their shortest
 * text form (what JSON.stringify writes). Values JSON cannot hold (undefined, functions,
 * NaN, cycles) raise a TypeError naming where they are.
 */
export function fromJsValue(v: unknown, path = '', seen: Set<object> = new Set(), depth = 0): JsonValue {
  if (depth > MAX_DEPTH) throw new TypeError(`value is nested too deeply at ${path || 'the top'}`);
  if (v === null || typeof v === 'boolean') return v;
  if (typeof v === 'string') return flatString(v);
  if (v instanceof JsonNumber) return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`${path || 'value'} is ${v}, which JSON cannot represent`);
    return new JsonNumber(String(v));
  }
  if (Array.isArray(v)) {
    if (seen.has(v)) throw new TypeError(`circular reference at ${path || 'the top'}`);
    seen.add(v);
    const out = v.map((x, i) => fromJsValue(x === undefined ? null : x, `${path}[${i}]`, seen, depth + 1));
    seen.delete(v);
    return out;
  }
  if (typeof v === 'object') {
    if (seen.has(v)) throw new TypeError(`circular reference at ${path || 'the top'}`);
    seen.add(v);
    const out: JsonObject = Object.create(null) as JsonObject;
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      out[k] = fromJsValue(x, path ? `${path}.${k}` : k, seen, depth + 1);
    }
    seen.delete(v);
    return out;
  }
  throw new TypeError(`${path || 'value'} is a ${typeof v}, which JSON cannot represent`);
}
