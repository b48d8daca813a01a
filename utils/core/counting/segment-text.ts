import type { TokenizerId } from '@/utils/core/models/model-types';

/**
 * Splits text into segments whose token counts add up to the count of the whole text, so a
 * keystroke only re-counts the segment it touched. Boundaries are content-defined (they depend
 * only on nearby characters), so an edit never moves boundaries elsewhere in the document.
 *
 * Why each boundary is exact for o200k and cl100k (pre-tokenizer regexes in build-tokenizers.mjs;
 * neither has a look-behind, so a pre-token that starts at a boundary only sees text after it):
 *
 * 1. After a newline run. At p with text[p-1] in [\r\n], text[p] not in [\r\n/], and the blank
 *    run starting at p (if any) reaching a non-blank character or the end without another
 *    newline. The only alternatives that can contain a newline are ` ?[^\s\p{L}\p{N}]+[\r\n/]*`
 *    (its tail stops at p because text[p] is not \r, \n or /) and `\s*[\r\n]+` (it ends at the
 *    last newline of its whitespace run, which is p-1). Either way a pre-token ends exactly at p.
 *
 * 2. Before a space that follows a letter or digit. The letter
 *    alternatives only take a non-letter as their *first* character and `\p{N}{1,3}` takes
 *    digits only, so the pre-token holding text[p-1] ends at p (a space cannot extend it).
 *    Only about one in CUT_ONE_IN of these positions is used, chosen by a hash of the preceding
 *    characters so the choice is stable under edits elsewhere and pieces average ~0.5 KB.
 *
 * Gemma 3 (SentencePiece BPE over the whole text) has no such guarantee; the same boundaries
 * give a sum within a few tokens of the full count, and Gemini counts are estimates anyway.
 * The property tests in segment-text.test.ts check rule 1 and 2 against a full re-count.
 */

/** Roughly one rule-2 candidate in this many becomes a boundary (~0.5 KB of prose per piece). */
const CUT_ONE_IN = 64;
const HASH_WINDOW = 12;
/** How far (in characters) a boundary decision looks before and after its position. */
const LOOK_BEHIND = HASH_WINDOW + 2;
const LOOK_AHEAD = 2;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

function isNewline(c: number): boolean {
  return c === 10 || c === 13;
}

/** Union of JS `\s` and Unicode White_Space (tiktoken's `\s`): the wider set is the safe side. */
function isBlank(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function isAsciiLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function letterOrDigitBefore(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1);
  if (c < 128) return isAsciiLetterOrDigit(c);
  const astral = c >= 0xdc00 && c <= 0xdfff && p >= 2;
  return LETTER_OR_DIGIT.test(astral ? text.slice(p - 2, p) : text[p - 1]!);
}

function letterAt(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  const cp = text.codePointAt(p);
  return cp !== undefined && LETTER.test(String.fromCodePoint(cp));
}

/** FNV-1a over the characters just before p: decides which rule-2 candidates become cuts. */
function hashBefore(text: string, p: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, p - HASH_WINDOW); i < p; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Whether a segment may start at q (0 < q < text.length). Depends only on text[q-LOOK_BEHIND ..
 * q+LOOK_AHEAD] and on the blank run starting at q, which is what lets resegment() reuse the
 * boundaries far from an edit.
 */
function isBoundary(text: string, q: number, bpeRegex: boolean): boolean {
  const c = text.charCodeAt(q);
  if (c === 32 && !isNewline(text.charCodeAt(q - 1))) {
    // Rule 2.
    return letterOrDigitBefore(text, q) && q + 1 < text.length && letterAt(text, q + 1) && hashBefore(text, q) % CUT_ONE_IN === 0;
  }
  // Rule 1.
  if (!isNewline(text.charCodeAt(q - 1)) || isNewline(c)) return false;
  if (bpeRegex && c === 47 /* '/' */) return false;
  const n = text.length;
  let j = q;
  while (j < n && isBlank(text.charCodeAt(j)) && !isNewline(text.charCodeAt(j))) j++;
  if (j === n || isNewline(text.charCodeAt(j))) return false; // joined with a later newline, or trailing blanks
  return bpeRegex || j === q; // gemma: keep indentation with the line before
}

/**
 * Segment start positions q with from <= q < to (0 and text.length excluded), in order. The same
 * decisions as isBoundary, with rule 2's ASCII case written out in the loop: this runs over a
 * whole paste on the page's main thread, and helper calls in it (which the content script's
 * minifier turns into closures) made most of TokenTally's share of a 1 MB paste, in their
 * allocations and the garbage collections that followed.
 */
export function segmentBoundaries(text: string, tokenizer: TokenizerId, from = 1, to = text.length): number[] {
  const bounds: number[] = [];
  const bpeRegex = tokenizer !== 'gemma3';
  const n = text.length;
  const end = Math.min(to, n);
  const start = Math.max(1, from);
  let before = text.charCodeAt(start - 1);
  for (let q = start; q < end; q++) {
    const c = text.charCodeAt(q);
    const prev = before;
    before = c;
    if (prev === 10 || prev === 13) {
      // Rule 1 (and a space after a newline, which rule 2 leaves to it).
      if (isBoundary(text, q, bpeRegex)) bounds.push(q);
      continue;
    }
    if (c !== 32) continue;
    // Rule 2: a letter or digit, this space, a letter; one in CUT_ONE_IN by the hash.
    if (prev < 128 ? !((prev >= 48 && prev <= 57) || (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122)) : !letterOrDigitBefore(text, q)) continue;
    if (q + 1 >= n) continue;
    const next = text.charCodeAt(q + 1);
    if (next < 128 ? !((next >= 65 && next <= 90) || (next >= 97 && next <= 122)) : !letterAt(text, q + 1)) continue;
    let h = 0x811c9dc5;
    for (let i = q > HASH_WINDOW ? q - HASH_WINDOW : 0; i < q; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    if ((h >>> 0) % CUT_ONE_IN === 0) bounds.push(q);
  }
  return bounds;
}

/** Native string comparison of whole blocks first (much faster than a char loop on 1 MB). */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p + BLOCK <= max && a.slice(p, p + BLOCK) === b.slice(p, p + BLOCK)) p += BLOCK;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p;
}

function commonSuffix(a: string, b: string, max: number): number {
  let s = 0;
  while (s + BLOCK <= max && a.slice(a.length - s - BLOCK, a.length - s) === b.slice(b.length - s - BLOCK, b.length - s)) s += BLOCK;
  while (s < max && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return s;
}

export interface Segmentation {
  text: string;
  /** Segment start positions, as from segmentBoundaries(text). */
  bounds: number[];
}

/**
 * segmentBoundaries(text) computed from the previous text's segmentation: only the region around
 * the edit (found by common prefix/suffix) is re-examined, so a keystroke in a 1 MB document costs
 * one prefix/suffix comparison instead of a full scan. Returns how many leading and trailing
 * segments are unchanged from `prev` (same text), so their counts can be reused.
 */
export function resegment(
  prev: Segmentation | undefined,
  text: string,
  tokenizer: TokenizerId,
): { bounds: number[]; reusedPrefix: number; reusedSuffix: number; editEnd: number } {
  if (!prev) return { bounds: segmentBoundaries(text, tokenizer), reusedPrefix: 0, reusedSuffix: 0, editEnd: text.length };
  const old = prev.text;
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  if (p === old.length && p === text.length) {
    return { bounds: prev.bounds, reusedPrefix: prev.bounds.length + 1, reusedSuffix: 0, editEnd: text.length };
  }

  // Left edge: far enough back that no boundary before it can see the edit (its look-behind
  // window, or a blank run reaching the edit).
  let k = p;
  while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
  const left = Math.max(1, Math.min(p - LOOK_BEHIND, k - 1));
  // Right edge: boundaries at or after it only see unchanged suffix text.
  const delta = text.length - old.length;
  const rightNew = text.length - s + LOOK_BEHIND + LOOK_AHEAD;
  const rightOld = rightNew - delta;

  const before = prev.bounds.filter((b) => b < left);
  const after = prev.bounds.filter((b) => b >= rightOld).map((b) => b + delta);
  const middle = segmentBoundaries(text, tokenizer, left, rightNew);
  // Leading segments ending before `left`, and trailing ones starting at or after rightOld, are unchanged.
  const reusedPrefix = before.length; // segments [0,b0) ... [b_{k-2}, b_{k-1}) all end before left
  const reusedSuffix = after.length; // segments starting at each of `after`
  // editEnd: where the changed text ends in `text` (the caret, after typing).
  return { bounds: [...before, ...middle, ...after], reusedPrefix, reusedSuffix, editEnd: text.length - s };
}

export function splitIntoSegments(text: string, tokenizer: TokenizerId): string[] {
  if (text.length === 0) return [];
  const segments: string[] = [];
  let start = 0;
  for (const cut of segmentBoundaries(text, tokenizer)) {
    segments.push(text.slice(start, cut));
    start = cut;
  }
  segments.push(text.slice(start));
  return segments;
}
