// A single-pass reader of event text for the RuleMachine. It checks the whole text is strict
// JSON (the same grammar as json-text.ts) but builds leaves only at the paths some rule names,
// keeping each number's source text, and skips every other value without allocating. Most of
// a typical event is irrelevant to the rules, so this is cheaper than JSON.parse + flattening.
//
// It never reports errors itself: on anything unusual (invalid text, a repeated key on a kept
// path, deep nesting, a top level that is not an object) it declines and the caller reads the
// event with the careful reader, which gives the verdict and the error messages.
import { parseJsonText } from './json-text.ts';
import { comparableValue } from './numbers.ts';
import { K_FALSE, K_NULL, K_NUMBER, K_STRING, K_TRUE, trieStep } from './event-flatten.ts';
import type { Leaf, PathTrie, Slot } from './event-flatten.ts';

/** Thrown (and caught in scanEvent) to hand the event to the careful reader. */
const DECLINE = new Error('declined');
// Beyond this the careful reader has the final say (it rejects nesting deeper than 512).
const MAX_DEPTH = 500;
const NO_ARRAYS: readonly number[] = Object.freeze([]);

// The kept leaves of the event being scanned, and its array counter. Module state: scanning is
// synchronous and never re-entered. The text and position are passed as arguments instead, so
// that the hot loops work on local variables.
let slots: Slot[] = [];
let nextArray = 1;
/** Numbers each kept object, so a repeated key in one object is noticed (see objectAt). */
let objectSerial = 0;
/** Open containers while skipping: 123 for an object, 91 for an array. */
const open = new Uint8Array(MAX_DEPTH + 2);

/**
 * The kept leaves of an event, by path id (like flattenEvent's slots), or undefined when the
 * careful reader must decide. `wanted` must carry ids (buildPathTrie with a map). `into`, when
 * given, is cleared and filled instead of a new array (the RuleMachine reuses one).
 */
export function scanEvent(text: string, wanted: PathTrie, into?: Slot[]): Slot[] | undefined {
  nextArray = 1;
  const n = wanted.size ?? 0;
  if (into) {
    into.length = n;
    into.fill(undefined);
    slots = into;
  } else slots = new Array<Slot>(n).fill(undefined);
  try {
    let i = ws(text, 0);
    if (text.charCodeAt(i) !== 123) return undefined;
    i = ws(text, objectAt(text, i, wanted, NO_ARRAYS, 0));
    return i === text.length ? slots : undefined;
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

// Callers test for a character <= 32 first: events are mostly minified, and the call is not free.
function ws(s: string, i: number): number {
  let c = s.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++i);
  return i;
}

function emit(node: PathTrie, leaf: Leaf): void {
  const id = node.id;
  const sl = slots[id];
  if (sl === undefined) slots[id] = leaf;
  else if (Array.isArray(sl)) sl.push(leaf);
  else slots[id] = [sl, leaf];
}

/** An object on a kept path (or the root) at `i` (its '{'); returns the index after it. */
function objectAt(s: string, i: number, node: PathTrie, arrays: readonly number[], depth: number): number {
  if (depth > MAX_DEPTH) throw DECLINE;
  const serial = ++objectSerial;
  i++;
  if (s.charCodeAt(i) <= 32) i = ws(s, i);
  if (s.charCodeAt(i) === 125) return i + 1;
  for (;;) {
    if (s.charCodeAt(i) !== 34) throw DECLINE;
    const end = keyEnd(s, i);
    const child = keyNode(s, i, end, node);
    i = end + 1;
    if (s.charCodeAt(i) <= 32) i = ws(s, i);
    if (s.charCodeAt(i) !== 58) throw DECLINE;
    i++;
    if (s.charCodeAt(i) <= 32) i = ws(s, i);
    if (child) {
      // A repeated key: the last one wins, which would mean taking back leaves already kept.
      // Rare enough to leave to the careful reader.
      if (child.seen === serial) throw DECLINE;
      child.seen = serial;
      i = valueAt(s, i, child, arrays, depth + 1);
    } else i = skipValue(s, i, depth + 1);
    if (s.charCodeAt(i) <= 32) i = ws(s, i);
    const c = s.charCodeAt(i);
    if (c === 44) {
      i++;
      if (s.charCodeAt(i) <= 32) i = ws(s, i);
    } else if (c === 125) return i + 1;
    else throw DECLINE;
  }
}

/**
 * Index of the closing quote of the string whose opening quote is at `i`, checking escapes
 * and refusing raw control characters (and the end of the text: charCodeAt gives NaN there).
 */
function stringEnd(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(++i);
    if (c > 34 && c !== 92) continue;
    if (c === 34) return i;
    if (c === 92) i = escapeEnd(s, i) - 1;
    else if (c !== 32 && c !== 33) throw DECLINE; // control character or NaN
  }
}

/** Set by escapeEnd; valueAt clears it before reading a string, to know if it must decode it. */
let sawEscape = false;

/** Index just past the escape starting at `j` (a backslash); declines a malformed escape. */
function escapeEnd(s: string, j: number): number {
  sawEscape = true;
  const e = s.charCodeAt(j + 1);
  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return j + 2;
  if (e !== 117) throw DECLINE;
  for (let k = j + 2; k < j + 6; k++) {
    const h = s.charCodeAt(k);
    if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) throw DECLINE;
  }
  return j + 6;
}

/** The value of the checked string whose quotes are at `from` and `to`. */
function stringValue(s: string, from: number, to: number): string {
  const v = s.slice(from + 1, to);
  return v.indexOf('\\') < 0 ? v : (parseJsonText(s.slice(from, to + 1)) as string);
}

/** Set by keyEnd: the key just read has a dot or an escape, so it needs the careful lookup. */
let oddKey = false;

/** Like stringEnd, for a key: also notes dots and escapes in oddKey. */
function keyEnd(s: string, i: number): number {
  oddKey = false;
  for (;;) {
    const c = s.charCodeAt(++i);
    if (c === 34) return i;
    if (c === 46) oddKey = true;
    else if (c === 92) {
      oddKey = true;
      i = escapeEnd(s, i) - 1;
    } else if (c < 32 || c !== c) throw DECLINE;
  }
}

/**
 * The trie node the key between quotes `from` and `to` leads to, if any (call right after
 * keyEnd). A plain key is compared in place with the children of its length, making no string.
 */
function keyNode(s: string, from: number, to: number, node: PathTrie): PathTrie | undefined {
  if (oddKey) return trieStep(node, stringValue(s, from, to));
  const len = to - from - 1;
  if (len >= 32) return node.children.get(s.slice(from + 1, to));
  const cands = node.byLen[len];
  if (cands === undefined) return undefined;
  // Character by character: keys are short, and this stays inlined where startsWith is a call.
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k] as PathTrie;
    const key = c.key;
    let n = 0;
    while (n < len && key.charCodeAt(n) === s.charCodeAt(from + 1 + n)) n++;
    if (n === len) return c;
  }
  return undefined;
}

/** Index just after the number at `i`, checking its grammar. */
function numberEnd(s: string, j: number): number {
  let c = s.charCodeAt(j);
  if (c === 45) c = s.charCodeAt(++j);
  if (c === 48) c = s.charCodeAt(++j);
  else if (c >= 49 && c <= 57) {
    do c = s.charCodeAt(++j);
    while (c >= 48 && c <= 57);
  } else throw DECLINE;
  if (c === 46) {
    c = s.charCodeAt(++j);
    if (!(c >= 48 && c <= 57)) throw DECLINE;
    do c = s.charCodeAt(++j);
    while (c >= 48 && c <= 57);
  }
  if (c === 101 || c === 69) {
    c = s.charCodeAt(++j);
    if (c === 43 || c === 45) c = s.charCodeAt(++j);
    if (!(c >= 48 && c <= 57)) throw DECLINE;
    do c = s.charCodeAt(++j);
    while (c >= 48 && c <= 57);
  }
  return j;
}

/** Index just after `word` (true, false or null), which must be at `i`. */
function literalEnd(s: string, i: number, word: string): number {
  if (!s.startsWith(word, i)) throw DECLINE;
  return i + word.length;
}

/** A value on a kept path at `i`: leaves are built here. Returns the index after it. */
function valueAt(s: string, i: number, node: PathTrie, arrays: readonly number[], depth: number): number {
  const c = s.charCodeAt(i);
  const path = node.path;
  const keep = node.id >= 0;
  if (c === 34) {
    sawEscape = false;
    const end = stringEnd(s, i);
    if (keep) {
      const v = sawEscape ? (parseJsonText(s.slice(i, end + 1)) as string) : s.slice(i + 1, end);
      emit(node, { path, kind: K_STRING, s: v, num: undefined, arrays, ip: undefined });
    }
    return end + 1;
  }
  if (c === 123) return node.children.size > 0 ? objectAt(s, i, node, arrays, depth) : skipValue(s, i, depth);
  if (c === 91) {
    if (depth > MAX_DEPTH) throw DECLINE;
    const id = nextArray++;
    i++;
    if (s.charCodeAt(i) <= 32) i = ws(s, i);
    if (s.charCodeAt(i) === 93) return i + 1;
    for (let n = 0; ; n++) {
      i = valueAt(s, i, node, [...arrays, id, n], depth + 1);
      if (s.charCodeAt(i) <= 32) i = ws(s, i);
      const d = s.charCodeAt(i);
      if (d === 44) {
        i++;
        if (s.charCodeAt(i) <= 32) i = ws(s, i);
      } else if (d === 93) return i + 1;
      else throw DECLINE;
    }
  }
  if (c === 45 || (c >= 48 && c <= 57)) {
    const end = numberEnd(s, i);
    if (keep) {
      const text = s.slice(i, end);
      emit(node, { path, kind: K_NUMBER, s: text, num: comparableValue(text), arrays, ip: undefined });
    }
    return end;
  }
  let kind: number;
  let word: string;
  if (c === 116) (kind = K_TRUE), (word = 'true');
  else if (c === 102) (kind = K_FALSE), (word = 'false');
  else if (c === 110) (kind = K_NULL), (word = 'null');
  else throw DECLINE;
  i = literalEnd(s, i, word);
  if (keep) emit(node, { path, kind, s: word, num: undefined, arrays, ip: undefined });
  return i;
}

/**
 * Skips the value at `i`, checking it, without building anything; returns the index after it.
 * Iterative (with the `open` stack) because most of an event is skipped, token by token.
 */
function skipValue(s: string, i: number, depth: number): number {
  let top = 0;
  for (;;) {
    // At the start of a value.
    let c = s.charCodeAt(i);
    if (c === 34) i = stringEnd(s, i) + 1;
    else if (c === 123 || c === 91) {
      if (depth + top >= MAX_DEPTH) throw DECLINE;
      const close = c === 123 ? 125 : 93;
      i++;
      if (s.charCodeAt(i) <= 32) i = ws(s, i);
      if (s.charCodeAt(i) === close) i++;
      else {
        open[top++] = c;
        if (c === 123) i = memberValue(s, i);
        continue;
      }
    } else if (c === 45 || (c >= 48 && c <= 57)) i = numberEnd(s, i);
    else if (c === 116) i = literalEnd(s, i, 'true');
    else if (c === 102) i = literalEnd(s, i, 'false');
    else if (c === 110) i = literalEnd(s, i, 'null');
    else throw DECLINE;
    // After a value: close finished containers, then go on to the next value, if any.
    for (;;) {
      if (top === 0) return i;
      if (s.charCodeAt(i) <= 32) i = ws(s, i);
      c = s.charCodeAt(i);
      const obj = open[top - 1] === 123;
      if (c === 44) {
        i++;
        if (s.charCodeAt(i) <= 32) i = ws(s, i);
        if (obj) i = memberValue(s, i);
        break;
      }
      if (c !== (obj ? 125 : 93)) throw DECLINE;
      i++;
      top--;
    }
  }
}

/** From an object member's key at `i` to the start of its value. */
function memberValue(s: string, i: number): number {
  if (s.charCodeAt(i) !== 34) throw DECLINE;
  i = stringEnd(s, i) + 1;
  if (s.charCodeAt(i) <= 32) i = ws(s, i);
  if (s.charCodeAt(i) !== 58) throw DECLINE;
  i++;
  return s.charCodeAt(i) <= 32 ? ws(s, i) : i;
}
