// Flattens an event into its leaf values the way EventBridge sees it: nested keys are joined
// with '.', arrays contribute each element under the same path, and empty arrays or objects
// contribute nothing (so they count as absent). Each leaf remembers which element of which
// array it came from, so that fields matched together can be required to come from the same
// array element.
import { JsonNumber, JsonSyntaxError, fromJsValue, parseJsonText } from './json-text.ts';
import type { JsonObject, JsonValue } from './json-text.ts';
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
  /** Cache of the string's IP hex form (null: not an IP; undefined: not computed yet). */
  ip: string | null | undefined;
}

/** A slot holds the one leaf at a path, or several in an array (most paths have one). */
export type Slot = Leaf | Leaf[] | undefined;

export interface FlatEvent {
  leaves: Leaf[];
  /** Leaves grouped by path. */
  byPath: Map<string, Leaf[]>;
  /** Leaves grouped by path id (PathTrie.id), when flattened with a trie that has ids. */
  slots?: Slot[];
}

const NO_ARRAYS: readonly number[] = Object.freeze([]);
const NO_LEAVES: Leaf[] = [];
const NO_PATHS = new Map<string, Leaf[]>();

/** The key paths some pattern refers to, as a tree of path segments; lets flattening skip the rest. */
export interface PathTrie {
  children: Map<string, PathTrie>;
  /** The full dotted path of this node; one shared string, so Map lookups by it are cheap. */
  path: string;
  /** A small integer naming this path (-1 when the caller did not assign one). */
  id: number;
  /** On the root: one more than the largest id, so per-event slot arrays can be preallocated. */
  size?: number;
  /** Cache of JSON.stringify(needleKey), used to find how a kept number was written. */
  needle?: string;
  needleKey?: string;


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

/**
 * JSON.parse keeps every number a double holds exactly, which is all we compare on, but it
 * cannot tell us whether a number was written with more digits than a double keeps
 * (0.10000000000000001) or with an exponent out of range. So for each number we keep, every
 * place the text writes `"key": <number>` must be a plain number: at most 15 digits and no
 * exponent. Otherwise (or if the key cannot be found as written) the number-preserving reader
 * takes over. Only kept numbers are checked, so this costs a few indexOf calls per event.
 */
function plainNumbersAfterKey(text: string, key: string, node: PathTrie): boolean {
  // The quoted key as JSON writes it; cached on the trie node for the usual undotted key.
  let needle = node.needle;
  if (needle === undefined || node.needleKey !== key) {
    needle = JSON.stringify(key);
    node.needle = needle;
    node.needleKey = key;
  }
  let found = false;
  let at = text.indexOf(needle);
  while (at >= 0) {
    let i = at + needle.length;
    let c = text.charCodeAt(i);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
    if (c === 58) {
      c = text.charCodeAt(++i);
      while (c === 32 || c === 10 || c === 13 || c === 9) c = text.charCodeAt(++i);
      if (c === 91) return false; // an array: let the careful reader handle it
      if (c === 45 || (c >= 48 && c <= 57)) {
        found = true;
        if (c === 45) c = text.charCodeAt(++i);
        let digits = 0;
        while ((c >= 48 && c <= 57) || c === 46) {
          if (c !== 46) digits++;
          c = text.charCodeAt(++i);
        }
        if (digits > 15 || c === 101 || c === 69) return false;
      }
    }
    at = text.indexOf(needle, at + needle.length);
  }
  return found;
}

/**
 * Flattens event input: JSON text (numbers keep their text) or an already-parsed object.
 * With a PathTrie only the paths it names are collected, into `slots` when the trie has ids.
 */
export function flattenEvent(input: unknown, wanted?: PathTrie, careful = false): FlatEvent {
  const c = new Collector(wanted);
  if (typeof input === 'string') {
    // Fast path (JSON.parse) unless a key might be written with a \u escape, which would hide
    // it from the check of how numbers were written.
    if (wanted && !careful && input.indexOf('\\u') < 0) {
      let v: unknown;
      try {
        v = JSON.parse(input);
      } catch {
        v = undefined;
      }
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        c.text = input;
        c.jsObject(v as Record<string, unknown>, wanted, NO_ARRAYS, 0);
        if (!c.unsure) return c.result();
        return flattenEvent(input, wanted, true);
      }
    }
    let v: JsonValue;
    try {
      v = parseJsonText(input);
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new InvalidEventError(`The event is not valid JSON: ${e.message}.`);
      throw e;
    }
    if (!isJsonObject(v)) throw new InvalidEventError('The event must be a JSON object.');
    c.object(v, '', wanted, NO_ARRAYS, 0);
    return c.result();
  }
  let v: JsonValue;
  try {
    v = fromJsValue(input);
  } catch (e) {
    throw new InvalidEventError(`The event cannot be read as JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isJsonObject(v)) throw new InvalidEventError('The event must be a JSON object.');
  c.object(v, '', wanted, NO_ARRAYS, 0);
  return c.result();
}

function isJsonObject(v: JsonValue): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
}

/** Collects leaves, either all of them (by path) or only wanted ones (into slots). */
class Collector {
  private readonly leaves: Leaf[];
  private readonly byPath: Map<string, Leaf[]>;
  private readonly slots: Slot[] | undefined;
  private nextArray = 1;
  /** The event text, for checking how kept numbers were written (JSON.parse path). */
  text = '';
  /** A kept number may not be what JSON.parse made of it: use the careful reader instead. */
  unsure = false;


  constructor(wanted: PathTrie | undefined) {
    const n = wanted?.size ?? 0;
    this.slots = n > 0 ? new Array<Slot>(n).fill(undefined) : undefined;
    // In slot mode nothing else is collected, so share empty containers instead of allocating.
    this.leaves = this.slots ? NO_LEAVES : [];
    this.byPath = this.slots ? NO_PATHS : new Map();
  }
  result(): FlatEvent {
    return this.slots ? { leaves: this.leaves, byPath: this.byPath, slots: this.slots } : { leaves: this.leaves, byPath: this.byPath };
  }
  emit(leaf: Leaf, node: PathTrie | undefined): void {
    const slots = this.slots;
    if (slots) {
      if (node && node.id >= 0) {
        const sl = slots[node.id];
        if (sl === undefined) slots[node.id] = leaf;
        else if (Array.isArray(sl)) sl.push(leaf);
        else slots[node.id] = [sl, leaf];
      }
      return;
    }
    this.leaves.push(leaf);
    const g = this.byPath.get(leaf.path);
    if (g) g.push(leaf);
    else this.byPath.set(leaf.path, [leaf]);
  }

  /** Walks a JsonValue tree (numbers with their source text). */
  object(o: JsonObject, path: string, node: PathTrie | undefined, arrays: readonly number[], depth: number): void {
    for (const k of Object.keys(o)) {
      const child = node ? step(node, k) : undefined;
      if (node && !child) continue;
      this.value(o[k] as JsonValue, child ? child.path : path === '' ? k : `${path}.${k}`, child, arrays, depth + 1);
    }
  }
  value(x: JsonValue, path: string, node: PathTrie | undefined, arrays: readonly number[], depth: number): void {
    if (x === null) this.emit({ path, kind: K_NULL, s: 'null', num: undefined, arrays, ip: undefined }, node);
    else if (x === true) this.emit({ path, kind: K_TRUE, s: 'true', num: undefined, arrays, ip: undefined }, node);
    else if (x === false) this.emit({ path, kind: K_FALSE, s: 'false', num: undefined, arrays, ip: undefined }, node);
    else if (typeof x === 'string') this.emit({ path, kind: K_STRING, s: x, num: undefined, arrays, ip: undefined }, node);
    else if (x instanceof JsonNumber) this.emit({ path, kind: K_NUMBER, s: x.text, num: comparableValue(x.text), arrays, ip: undefined }, node);
    else if (Array.isArray(x)) {
      const id = this.nextArray++;
      for (let i = 0; i < x.length; i++) this.value(x[i] as JsonValue, path, node, [...arrays, id, i], depth + 1);
    } else this.object(x, path, node, arrays, depth);
  }

  /** Walks JSON.parse output along the wanted paths only (numbers are known to be plain). */
  jsObject(o: Record<string, unknown>, node: PathTrie, arrays: readonly number[], depth: number): void {
    for (const k in o) {
      const child = step(node, k);
      if (child) {
        const v = o[k];
        if (typeof v === 'number' && !this.unsure && !plainNumbersAfterKey(this.text, k, child)) this.unsure = true;
        this.jsValue(v, child, arrays, depth + 1);
      }
    }
  }
  jsValue(x: unknown, node: PathTrie, arrays: readonly number[], depth: number): void {
    if (depth > 512) {
      // Let the careful reader report the nesting problem.
      this.unsure = true;
      return;
    }
    const path = node.path;
    switch (typeof x) {
      case 'string':
        this.emit({ path, kind: K_STRING, s: x, num: undefined, arrays, ip: undefined }, node);
        return;
      case 'number':
        this.emit({ path, kind: K_NUMBER, s: String(x), num: x === 0 ? 0 : x, arrays, ip: undefined }, node);
        return;
      case 'boolean':
        this.emit({ path, kind: x ? K_TRUE : K_FALSE, s: x ? 'true' : 'false', num: undefined, arrays, ip: undefined }, node);
        return;
      default:
        if (x === null) this.emit({ path, kind: K_NULL, s: 'null', num: undefined, arrays, ip: undefined }, node);
        else if (Array.isArray(x)) {
          const id = this.nextArray++;
          for (let i = 0; i < x.length; i++) {
            const el = x[i];
            // Numbers directly inside arrays are not checked by key; read such events carefully.
            if (typeof el === 'number') this.unsure = true;
            this.jsValue(el, node, [...arrays, id, i], depth + 1);
          }
        } else this.jsObject(x as Record<string, unknown>, node, arrays, depth);
    }
  }
}

export { JsonSyntaxError };
