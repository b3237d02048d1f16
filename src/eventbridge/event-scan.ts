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

// Scanner state lives at module level: scanning is synchronous and never re-entered, and
// reusing it avoids an allocation per event.
let s = '';
let i = 0;
let slots: Slot[] = [];
let nextArray = 1;
/** Numbers each kept object, so a repeated key in one object is noticed (see objectAt). */
let objectSerial = 0;

/**
 * The kept leaves of an event, by path id (like flattenEvent's slots), or undefined when the
 * careful reader must decide. `wanted` must carry ids (buildPathTrie with a map).
 */
export function scanEvent(text: string, wanted: PathTrie): Slot[] | undefined {
  s = text;
  i = 0;
  nextArray = 1;
  slots = new Array<Slot>(wanted.size ?? 0).fill(undefined);
  try {
    ws();
    if (s.charCodeAt(i) !== 123) return undefined;
    objectAt(wanted, NO_ARRAYS, 0);
    ws();
    if (i !== s.length) return undefined;
    return slots;
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  } finally {
    s = '';
  }
}

function ws(): void {
  let c = s.charCodeAt(i);
  while (c === 32 || c === 10 || c === 13 || c === 9) c = s.charCodeAt(++i);
}

function emit(node: PathTrie, leaf: Leaf): void {
  const id = node.id;
  if (id < 0) return;
  const sl = slots[id];
  if (sl === undefined) slots[id] = leaf;
  else if (Array.isArray(sl)) sl.push(leaf);
  else slots[id] = [sl, leaf];
}

/** An object on a kept path (or the root); `i` is at its '{'. */
function objectAt(node: PathTrie, arrays: readonly number[], depth: number): void {
  if (depth > MAX_DEPTH) throw DECLINE;
  const serial = ++objectSerial;
  i++;
  ws();
  if (s.charCodeAt(i) === 125) {
    i++;
    return;
  }
  for (;;) {
    ws();
    if (s.charCodeAt(i) !== 34) throw DECLINE;
    const child = keyAt(node);
    ws();
    if (s.charCodeAt(i) !== 58) throw DECLINE;
    i++;
    ws();
    if (child) {
      // A repeated key: the last one wins, which would mean taking back leaves already kept.
      // Rare enough to leave to the careful reader.
      if (child.seen === serial) throw DECLINE;
      child.seen = serial;
      valueAt(child, arrays, depth + 1);
    } else skipValue(depth + 1);
    ws();
    const c = s.charCodeAt(i);
    if (c === 44) {
      i++;
      continue;
    }
    if (c === 125) {
      i++;
      return;
    }
    throw DECLINE;
  }
}

/**
 * Reads the key at `i` (its opening quote) and returns the trie node it leads to, if any. A
 * key without escapes or dots whose length no child has is rejected without making a string.
 */
function keyAt(node: PathTrie): PathTrie | undefined {
  const start = i + 1;
  let j = start;
  let escaped = false;
  let dotted = false;
  for (;;) {
    const c = s.charCodeAt(j);
    if (c === 34) break;
    if (c === 92) {
      escaped = true;
      j = escapeEnd(j);
      continue;
    }
    if (c === 46) dotted = true;
    else if (c < 32 || c !== c) throw DECLINE; // control character, or the text ended (NaN)
    j++;
  }
  i = j + 1;
  if (escaped) return trieStep(node, stringBetween(start - 1, j + 1));
  if (dotted) return trieStep(node, s.slice(start, j));
  const len = j - start;
  if (len < 32 && (node.lens & (1 << len)) === 0) return undefined;
  return node.children.get(s.slice(start, j));
}

/** Index just past the escape starting at `j` (a backslash); declines a malformed escape. */
function escapeEnd(j: number): number {
  const e = s.charCodeAt(j + 1);
  if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return j + 2;
  if (e !== 117) throw DECLINE;
  for (let k = j + 2; k < j + 6; k++) {
    const h = s.charCodeAt(k);
    if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) throw DECLINE;
  }
  return j + 6;
}

/** The decoded string whose quotes are at `from` and `to - 1` (already checked). */
function stringBetween(from: number, to: number): string {
  return parseJsonText(s.slice(from, to)) as string;
}

/** Reads a string at `i` (its opening quote) and returns its value. */
function stringAt(): string {
  const start = i + 1;
  let j = start;
  let plain = true;
  for (;;) {
    const c = s.charCodeAt(j);
    if (c === 34) break;
    if (c === 92) {
      plain = false;
      j = escapeEnd(j);
      continue;
    }
    if (c < 32 || c !== c) throw DECLINE;
    j++;
  }
  i = j + 1;
  return plain ? s.slice(start, j) : stringBetween(start - 1, j + 1);
}

/** Skips a string at `i`, checking it. */
function skipString(): void {
  let j = i + 1;
  for (;;) {
    const c = s.charCodeAt(j);
    if (c === 34) break;
    if (c === 92) {
      j = escapeEnd(j);
      continue;
    }
    if (c < 32 || c !== c) throw DECLINE;
    j++;
  }
  i = j + 1;
}

/** Skips a number at `i`, checking its grammar; returns where it started. */
function numberAt(): number {
  const start = i;
  let j = i;
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
  i = j;
  return start;
}

/** Checks for `word` at `i` and moves past it. */
function literal(word: string): void {
  if (!s.startsWith(word, i)) throw DECLINE;
  i += word.length;
}

/** A value on a kept path: leaves are built here. */
function valueAt(node: PathTrie, arrays: readonly number[], depth: number): void {
  const c = s.charCodeAt(i);
  const path = node.path;
  if (c === 34) {
    const v = stringAt();
    if (node.id >= 0) emit(node, { path, kind: K_STRING, s: v, num: undefined, arrays, ip: undefined });
  } else if (c === 123) {
    if (node.children.size > 0) objectAt(node, arrays, depth);
    else skipValue(depth);
  } else if (c === 91) {
    if (depth > MAX_DEPTH) throw DECLINE;
    const id = nextArray++;
    i++;
    ws();
    if (s.charCodeAt(i) === 93) {
      i++;
      return;
    }
    for (let n = 0; ; n++) {
      ws();
      valueAt(node, [...arrays, id, n], depth + 1);
      ws();
      const d = s.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d === 93) {
        i++;
        return;
      }
      throw DECLINE;
    }
  } else if (c === 45 || (c >= 48 && c <= 57)) {
    const text = s.slice(numberAt(), i);
    if (node.id >= 0) emit(node, { path, kind: K_NUMBER, s: text, num: comparableValue(text), arrays, ip: undefined });
  } else if (c === 116) {
    literal('true');
    emit(node, { path, kind: K_TRUE, s: 'true', num: undefined, arrays, ip: undefined });
  } else if (c === 102) {
    literal('false');
    emit(node, { path, kind: K_FALSE, s: 'false', num: undefined, arrays, ip: undefined });
  } else if (c === 110) {
    literal('null');
    emit(node, { path, kind: K_NULL, s: 'null', num: undefined, arrays, ip: undefined });
  } else throw DECLINE;
}

/** Skips any value at `i`, checking it, without building anything. */
function skipValue(depth: number): void {
  if (depth > MAX_DEPTH) throw DECLINE;
  const c = s.charCodeAt(i);
  if (c === 34) skipString();
  else if (c === 123) {
    i++;
    ws();
    if (s.charCodeAt(i) === 125) {
      i++;
      return;
    }
    for (;;) {
      ws();
      if (s.charCodeAt(i) !== 34) throw DECLINE;
      skipString();
      ws();
      if (s.charCodeAt(i) !== 58) throw DECLINE;
      i++;
      ws();
      skipValue(depth + 1);
      ws();
      const d = s.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d === 125) {
        i++;
        return;
      }
      throw DECLINE;
    }
  } else if (c === 91) {
    i++;
    ws();
    if (s.charCodeAt(i) === 93) {
      i++;
      return;
    }
    for (;;) {
      ws();
      skipValue(depth + 1);
      ws();
      const d = s.charCodeAt(i);
      if (d === 44) {
        i++;
        continue;
      }
      if (d === 93) {
        i++;
        return;
      }
      throw DECLINE;
    }
  } else if (c === 45 || (c >= 48 && c <= 57)) numberAt();
  else if (c === 116) literal('true');
  else if (c === 102) literal('false');
  else if (c === 110) literal('null');
  else throw DECLINE;
}
