// Flattens an event into its leaf values the way EventBridge sees it: nested keys are joined
// with '.', arrays contribute each element under the same path, and empty arrays or objects
// contribute nothing (so they count as absent). Each leaf remembers which element of which
// array it came from, so that fields matched together can be required to come from the same
// array element.
import { JsonNumber, JsonSyntaxError, fromJsValue, lineCol } from './json-text.ts';
import type { JsonValue } from './json-text.ts';
import { comparableValue } from './numbers.ts';

export const K_STRING = 0;
export const K_NUMBER = 1;
export const K_TRUE = 2;
export const K_FALSE = 3;
export const K_NULL = 4;

export interface Leaf {
  path: string;
  kind: number;
  /** The string's value, or a number's source text, or 'true' / 'false' / 'null'. */
  s: string;
  /** A number's value when it can be compared numerically (see numbers.ts). */
  num: number | undefined;
  /** Array membership from the root: [arrayId, index, arrayId, index, ...]. */
  arrays: readonly number[];
}

export interface FlatEvent {
  leaves: Leaf[];
  /** Leaves grouped by path. */
  byPath: Map<string, Leaf[]>;
  /** Leaves grouped by path id (PathTrie.id), when flattened with a trie that has ids. */
  slots?: (Leaf[] | undefined)[];
}

const NO_ARRAYS: readonly number[] = Object.freeze([]);

/** The key paths some pattern refers to, as a tree of path segments; lets flattening skip the rest. */
export interface PathTrie {
  children: Map<string, PathTrie>;
  /** The full dotted path of this node; one shared string, so Map lookups by it are cheap. */
  path: string;
  /** A small integer naming this path (-1 when the caller did not assign one). */
  id: number;
  /** On the root: one more than the largest id, so per-event slot arrays can be preallocated. */
  size?: number;
  /** children as an array, for allocation-free raw key comparison (built on first use). */
  kids?: [string, PathTrie][];
}

export function buildPathTrie(paths: Iterable<string>, ids?: Map<string, number>): PathTrie {
  const root: PathTrie = { children: new Map(), path: '', id: -1 };
  for (const p of paths) {
    let node = root;
    const segs = p.split('.');
    segs.forEach((seg, i) => {
      let next = node.children.get(seg);
      if (!next) {
        next = { children: new Map(), path: i === segs.length - 1 ? p : segs.slice(0, i + 1).join('.'), id: -1 };
        node.children.set(seg, next);
      } else if (i === segs.length - 1) next.path = p;
      if (ids) next.id = ids.get(next.path) ?? -1;
      node = next;
    });
  }
  if (ids) root.size = ids.size;
  return root;
}

/** The trie node for an event key under `node`; keys containing dots walk several levels. */
function step(node: PathTrie, key: string): PathTrie | undefined {
  const direct = node.children.get(key);
  if (direct || key.indexOf('.') < 0) return direct;
  let n: PathTrie | undefined = node;
  for (const seg of key.split('.')) {
    n = n.children.get(seg);
    if (!n) return undefined;
  }
  return n;
}

export class InvalidEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventException';
  }
}

function group(leaves: Leaf[]): FlatEvent {
  const byPath = new Map<string, Leaf[]>();
  for (const l of leaves) {
    const g = byPath.get(l.path);
    if (g) g.push(l);
    else byPath.set(l.path, [l]);
  }
  return { leaves, byPath };
}

/** Flattens event input: JSON text (numbers keep their text) or an already-parsed object. */
export function flattenEvent(input: unknown, wanted?: PathTrie): FlatEvent {
  if (typeof input === 'string') return flattenTextGrouped(input, wanted);
  let v: JsonValue;
  try {
    v = fromJsValue(input);
  } catch (e) {
    throw new InvalidEventError(`The event cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof JsonNumber) {
    throw new InvalidEventError('The event must be a JSON object.');
  }
  const leaves: Leaf[] = [];
  const ids = { next: 1 };
  const walk = (x: JsonValue, path: string, arrays: readonly number[], node: PathTrie | undefined): void => {
    if (x === null) leaves.push({ path, kind: K_NULL, s: 'null', num: undefined, arrays });
    else if (x === true) leaves.push({ path, kind: K_TRUE, s: 'true', num: undefined, arrays });
    else if (x === false) leaves.push({ path, kind: K_FALSE, s: 'false', num: undefined, arrays });
    else if (typeof x === 'string') leaves.push({ path, kind: K_STRING, s: x, num: undefined, arrays });
    else if (x instanceof JsonNumber) leaves.push({ path, kind: K_NUMBER, s: x.text, num: comparableValue(x.text), arrays });
    else if (Array.isArray(x)) {
      const id = ids.next++;
      x.forEach((el, i) => walk(el, path, [...arrays, id, i], node));
    } else {
      for (const k of Object.keys(x)) {
        const child = node ? step(node, k) : undefined;
        if (node && !child) continue;
        walk(x[k] as JsonValue, child ? child.path : path === '' ? k : `${path}.${k}`, arrays, child);
      }
    }
  };
  walk(v, '', NO_ARRAYS, wanted);
  return group(leaves);
}

/**
 * Streams JSON text straight into leaves without building a tree. `wanted`, when given, says
 * whether a path (or a path prefix) can matter; other subtrees are skipped cheaply.
 */
export function flattenText(text: string, wanted?: PathTrie): Leaf[] {
  return flattenTextGrouped(text, wanted).leaves;
}

/** Like flattenText, grouping leaves by path as it goes. */
export function flattenTextGrouped(text: string, wanted?: PathTrie): FlatEvent {
  const f = new TextFlattener(text, wanted?.size ?? 0);
  f.ws();
  if (text.charCodeAt(f.i) !== 123) {
    if (f.i >= text.length) throw new InvalidEventError('The event is empty; it must be a JSON object.');
    f.fail('the event must be a JSON object');
  }
  f.object('', NO_ARRAYS, 0, true, wanted);
  f.ws();
  if (f.i < text.length) f.fail('unexpected text after the end of the event');
  return { leaves: f.leaves, byPath: f.byPath, slots: f.slots };
}


class TextFlattener {
  readonly s: string;
  i = 0;
  nextArray = 1;
  readonly leaves: Leaf[] = [];
  readonly byPath = new Map<string, Leaf[]>();
  readonly slots: (Leaf[] | undefined)[];
  /** Slot mode (RuleMachine): only slots are filled and unwanted strings are skipped fast. */
  readonly lenient: boolean;
  constructor(s: string, slotCount: number) {
    this.s = s;
    this.lenient = slotCount > 0;
    // A packed array of the right size keeps slot access fast (sparse writes would not).
    this.slots = slotCount > 0 ? new Array<Leaf[] | undefined>(slotCount).fill(undefined) : [];
  }
  /**
   * Skips a string nobody asked for: finds the closing quote (not escaped) without decoding.
   * Only used when slots are being filled (RuleMachine); content errors inside a skipped
   * string are not reported there.
   */
  skipString(): void {
    const s = this.s;
    let i = this.i + 1;
    for (;;) {
      const q = s.indexOf('"', i);
      if (q < 0) {
        this.i = s.length;
        this.fail('unterminated string');
      }
      let bs = 0;
      for (let j = q - 1; j > this.i && s.charCodeAt(j) === 92; j--) bs++;
      if ((bs & 1) === 0) {
        this.i = q + 1;
        return;
      }
      i = q + 1;
    }
  }
  /**
   * At an object key: the trie child whose name equals the raw key text (and moves past the
   * key), undefined when no child matches, or null when the key has an escape or a dot and
   * must be decoded the slow way (the position is then left at the key).
   */
  rawChild(node: PathTrie): PathTrie | undefined | null {
    const s = this.s;
    const start = this.i + 1;
    const end = s.indexOf('"', start);
    if (end < 0) return null;
    const len = end - start;
    let kids = node.kids;
    if (!kids) kids = node.kids = [...node.children];
    for (let k = 0; k < kids.length; k++) {
      const kid = kids[k] as [string, PathTrie];
      const name = kid[0];
      if (name.length === len && s.startsWith(name, start)) {
        this.i = end + 1;
        return kid[1];
      }
    }
    for (let j = start; j < end; j++) {
      const c = s.charCodeAt(j);
      if (c === 92 || c === 46 || c < 32) return null;
    }
    this.i = end + 1;
    return undefined;
  }
  emit(leaf: Leaf, node: PathTrie | undefined): void {
    if (!this.lenient) {
      this.leaves.push(leaf);
      const g = this.byPath.get(leaf.path);
      if (g) g.push(leaf);
      else this.byPath.set(leaf.path, [leaf]);
    }
    if (node && node.id >= 0) {
      const sl = this.slots[node.id];
      if (sl) sl.push(leaf);
      else this.slots[node.id] = [leaf];
    }
  }
  fail(msg: string): never {
    const { line, col } = lineCol(this.s, this.i);
    throw new InvalidEventError(`The event is not valid JSON: ${msg} (line ${line}, column ${col}).`);
  }
  ws(): void {
    const s = this.s;
    let i = this.i;
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 32 || c === 10 || c === 13 || c === 9) i++;
      else break;
    }
    this.i = i;
  }
  value(path: string, arrays: readonly number[], depth: number, keep: boolean, node: PathTrie | undefined): void {
    if (depth > 512) this.fail('the event is nested too deeply');
    const s = this.s;
    const c = s.charCodeAt(this.i);
    if (c === 34) {
      if (!keep && this.lenient) {
        this.skipString();
        return;
      }
      const str = this.string();
      if (keep) this.emit({ path, kind: K_STRING, s: str, num: undefined, arrays }, node);
    } else if (c === 123) {
      this.object(path, arrays, depth + 1, keep, node);
    } else if (c === 91) {
      const id = this.nextArray++;
      this.i++;
      this.ws();
      if (s.charCodeAt(this.i) === 93) {
        this.i++;
        return;
      }
      for (let idx = 0; ; idx++) {
        this.ws();
        this.value(path, keep ? [...arrays, id, idx] : arrays, depth + 1, keep, node);
        this.ws();
        const d = s.charCodeAt(this.i);
        if (d === 44) {
          this.i++;
          continue;
        }
        if (d === 93) {
          this.i++;
          return;
        }
        this.fail("expected ',' or ']' in an array");
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      if (!keep) {
        this.skipNumber();
        return;
      }
      const t = this.number();
      if (keep) this.emit({ path, kind: K_NUMBER, s: t, num: comparableValue(t), arrays }, node);
    } else if (c === 116 && s.startsWith('true', this.i)) {
      this.i += 4;
      if (keep) this.emit({ path, kind: K_TRUE, s: 'true', num: undefined, arrays }, node);
    } else if (c === 102 && s.startsWith('false', this.i)) {
      this.i += 5;
      if (keep) this.emit({ path, kind: K_FALSE, s: 'false', num: undefined, arrays }, node);
    } else if (c === 110 && s.startsWith('null', this.i)) {
      this.i += 4;
      if (keep) this.emit({ path, kind: K_NULL, s: 'null', num: undefined, arrays }, node);
    } else if (this.i >= s.length) {
      this.fail('unexpected end of the event text');
    } else {
      this.fail(`unexpected character ${JSON.stringify(s[this.i])}`);
    }
  }
  object(path: string, arrays: readonly number[], depth: number, keep: boolean, node: PathTrie | undefined): void {
    const s = this.s;
    this.i++;
    this.ws();
    if (s.charCodeAt(this.i) === 125) {
      this.i++;
      return;
    }
    for (;;) {
      this.ws();
      if (s.charCodeAt(this.i) !== 34) this.fail('expected a double-quoted property name');
      let childKeep = keep;
      let child: PathTrie | undefined;
      let p = '';
      if (keep && node && this.lenient) {
        // Slot mode: find the child by comparing the raw key text, without allocating it.
        child = this.rawChild(node);
        if (child === null) {
          const key = this.string();
          child = step(node, key);
        }
        if (!child) childKeep = false;
        else p = child.path;
      } else {
        const key = this.string();
        if (keep) {
          if (node) {
            child = step(node, key);
            if (!child) childKeep = false;
          }
          if (childKeep) p = child ? child.path : path === '' ? key : `${path}.${key}`;
        }
      }
      this.ws();
      if (s.charCodeAt(this.i) !== 58) this.fail("expected ':' after a property name");
      this.i++;
      this.ws();
      this.value(p, arrays, depth, childKeep, child);
      this.ws();
      const c = s.charCodeAt(this.i);
      if (c === 44) {
        this.i++;
        continue;
      }
      if (c === 125) {
        this.i++;
        return;
      }
      this.fail("expected ',' or '}' in an object");
    }
  }
  string(): string {
    const s = this.s;
    const start = this.i + 1;
    let i = start;
    // Fast path: no escapes.
    for (;;) {
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return s.slice(start, i);
      }
      if (c === 92 || c < 32 || i >= s.length) break;
      i++;
    }
    let out = s.slice(start, i);
    for (;;) {
      if (i >= s.length) {
        this.i = i;
        this.fail('unterminated string');
      }
      const c = s.charCodeAt(i);
      if (c === 34) {
        this.i = i + 1;
        return out;
      }
      if (c < 32) {
        this.i = i;
        this.fail('control character in a string must be escaped');
      }
      if (c === 92) {
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
        continue;
      }
      out += s[i];
      i++;
    }
  }
  skipNumber(): void {
    this.number(false);
  }
  number(): string;
  number(wantText: false): void;
  number(wantText = true): string | void {
    const s = this.s;
    const start = this.i;
    let i = start;
    if (s.charCodeAt(i) === 45) i++;
    const d0 = s.charCodeAt(i);
    if (d0 === 48) i++;
    else if (d0 >= 49 && d0 <= 57) while (isDigit(s.charCodeAt(i))) i++;
    else {
      this.i = i;
      this.fail('bad number');
    }
    if (s.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(s.charCodeAt(i))) {
        this.i = i;
        this.fail('bad number');
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
        this.fail('bad number');
      }
      while (isDigit(s.charCodeAt(i))) i++;
    }
    this.i = i;
    if (wantText) return s.slice(start, i);
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export { JsonSyntaxError };
