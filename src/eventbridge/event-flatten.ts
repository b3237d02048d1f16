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
  /** This node's key under its parent. */
  key: string;
  /** Children by key length (below 32), so the scanner can compare keys in place. */
  byLen: PathTrie[][];
  /** Scratch for event-scan.ts: the object in which this key was last seen. */
  seen: number;
}

export function buildPathTrie(paths: Iterable<string>, ids?: Map<string, number>): PathTrie {
  const root: PathTrie = { children: new Map(), path: '', id: -1, key: '', byLen: [], seen: 0 };
  for (const p of paths) {
    let node = root;
    const segs = p.split('.');
    segs.forEach((seg, i) => {
      let next = node.children.get(seg);
      if (!next) {
        next = { children: new Map(), path: i === segs.length - 1 ? p : segs.slice(0, i + 1).join('.'), id: -1, key: seg, byLen: [], seen: 0 };
        node.children.set(seg, next);
        if (seg.length < 32) (node.byLen[seg.length] ??= []).push(next);
      } else if (i === segs.length - 1) next.path = p;
      if (ids) next.id = ids.get(next.path) ?? -1;
      node = next;
    });
  }
  if (ids) root.size = ids.size;
  return root;
}

/** The trie node for an event key under `node`; keys containing dots walk several levels. */
export function trieStep(node: PathTrie, key: string): PathTrie | undefined {
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
 * Flattens event input: JSON text (numbers keep their text) or an already-parsed object.
 * With a PathTrie only the paths it names are collected, into `slots` when the trie has ids.
 */
export function flattenEvent(input: unknown, wanted?: PathTrie): FlatEvent {
  const c = new Collector(wanted);
  if (typeof input === 'string') {
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
      const child = node ? trieStep(node, k) : undefined;
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
}

export { JsonSyntaxError };
