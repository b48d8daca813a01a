import type { TokenizerId } from '../models/model-types';

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
 * 2. Inside a long paragraph, before a space that follows a letter or digit. The letter
 *    alternatives only take a non-letter as their *first* character and `\p{N}{1,3}` takes
 *    digits only, so the pre-token holding text[p-1] ends at p (a space cannot extend it).
 *    Only some of these positions are used (see LONG_PARAGRAPH), chosen by a hash of the
 *    preceding characters so the choice is stable under edits elsewhere.
 *
 * Gemma 3 (SentencePiece BPE over the whole text) has no such guarantee; the same boundaries
 * give a sum within a few tokens of the full count, and Gemini counts are estimates anyway.
 * The property tests in segment-text.test.ts check rule 1 and 2 against a full re-count.
 */

/** Paragraphs longer than this are cut further by rule 2 so one keystroke stays cheap. */
export const LONG_PARAGRAPH = 2048;
/** Roughly one rule-2 candidate in this many becomes a boundary (~1 KB of prose per piece). */
const CUT_ONE_IN = 128;
const HASH_WINDOW = 12;

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

function codePointBefore(text: string, p: number): string {
  const low = text.charCodeAt(p - 1);
  if (low >= 0xdc00 && low <= 0xdfff && p >= 2) return text.slice(p - 2, p);
  return text[p - 1] ?? '';
}

function letterOrDigitBefore(text: string, p: number): boolean {
  const c = text.charCodeAt(p - 1);
  if (c < 128) return isAsciiLetterOrDigit(c);
  return LETTER_OR_DIGIT.test(codePointBefore(text, p));
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

/** Rule 2 cuts inside [start, end), appended to `cuts`. */
function cutLongParagraph(text: string, start: number, end: number, cuts: number[]): void {
  for (let p = start + 1; p < end - 1; p++) {
    if (text.charCodeAt(p) !== 32) continue;
    if (!letterOrDigitBefore(text, p) || !letterAt(text, p + 1)) continue;
    if (hashBefore(text, p) % CUT_ONE_IN === 0) cuts.push(p);
  }
}

/** Rule 1: the paragraph boundaries of the text, in order (never 0 or text.length). */
function paragraphBoundaries(text: string, tokenizer: TokenizerId): number[] {
  const bounds: number[] = [];
  const n = text.length;
  const bpeRegex = tokenizer !== 'gemma3';
  for (let i = 1; i < n; i++) {
    if (!isNewline(text.charCodeAt(i - 1))) continue;
    const c = text.charCodeAt(i);
    if (isNewline(c)) continue;
    if (bpeRegex && c === 47 /* '/' */) continue;
    let j = i;
    while (j < n && isBlank(text.charCodeAt(j)) && !isNewline(text.charCodeAt(j))) j++;
    if (j < n && isNewline(text.charCodeAt(j))) {
      i = j - 1; // the newline at j is examined next
      continue;
    }
    if (j === n) break; // trailing blanks: nothing after them to count separately
    if (!bpeRegex && j !== i) continue; // gemma: keep indentation with the line before
    bounds.push(i);
  }
  return bounds;
}

export function segmentBoundaries(text: string, tokenizer: TokenizerId): number[] {
  const paragraphs = paragraphBoundaries(text, tokenizer);
  const cuts: number[] = [];
  let start = 0;
  for (const end of [...paragraphs, text.length]) {
    if (end - start > LONG_PARAGRAPH) cutLongParagraph(text, start, end, cuts);
    cuts.push(end);
    start = end;
  }
  cuts.pop(); // text.length
  return cuts;
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
