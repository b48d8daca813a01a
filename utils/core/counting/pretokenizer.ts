/**
 * tiktoken's pre-tokenizers for o200k_base and cl100k_base, as hand-written scanners: each call
 * returns where the piece starting at `start` ends, exactly where tiktoken's regex match would.
 * A regex engine spends most of gpt-tokenizer's time (~75% on prose); a scan over a lazily built
 * character-class table is several times faster and allocates nothing.
 *
 * The patterns (tiktoken's, with Rust's `\s` = Unicode White_Space, and `(?i:'s)` also matching
 * `'ſ`):
 *   o200k: P?U*W+C? | P?U+W*C? | N{1,3} | ' '?O+[\r\n/]* | \s*[\r\n]+ | \s+(?!\S) | \s+
 *   cl100k: C | P?L+ | N{1,3} | ' '?O+[\r\n]* | \s*[\r\n]+ | \s+(?!\S) | \s+
 * where L = \p{L}, N = \p{N}, M = \p{M}, U = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}],
 * W = [\p{Ll}\p{Lm}\p{Lo}\p{M}], P = [^\r\n\p{L}\p{N}], O = [^\s\p{L}\p{N}] and C is an English
 * contraction ('s 't 're 've 'm 'll 'd, any case). Alternatives are tried in order and each
 * backtracks like a regex; the comments below say which backtracking each step reproduces.
 * pretokenizer.test.ts checks the scanners against the regexes (and tiktoken) on random text.
 */

/** Character classes: each code point belongs to exactly one. */
export const enum CharClass {
  /** Punctuation, symbols, controls, unassigned, lone surrogates: in P and O. */
  Other = 0,
  /** Lu, Lt: in L and U. */
  Upper = 1,
  /** Ll: in L and W. */
  Lower = 2,
  /** Lm, Lo: in L, U and W. */
  LetterOther = 3,
  /** \p{M}: in U, W, P and O (not L). */
  Mark = 4,
  /** \p{N}. */
  Digit = 5,
  /** Unicode White_Space except \r and \n: in P. */
  Space = 6,
  /** \r and \n. */
  Newline = 7,
}

const UNKNOWN = 255;
const RE_UPPER = /[\p{Lu}\p{Lt}]/u;
const RE_LOWER = /\p{Ll}/u;
const RE_LETTER_OTHER = /[\p{Lm}\p{Lo}]/u;
const RE_MARK = /\p{M}/u;
const RE_DIGIT = /\p{N}/u;

/** Unicode White_Space (what Rust's `\s`, and so tiktoken, matches). */
function isWhiteSpace(cp: number): boolean {
  if (cp <= 0x20) return cp === 0x20 || (cp >= 9 && cp <= 13);
  return (
    cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x2028 || cp === 0x2029 ||
    cp === 0x202f || cp === 0x205f || cp === 0x3000
  );
}

function classify(cp: number): CharClass {
  if (cp === 10 || cp === 13) return CharClass.Newline;
  if (isWhiteSpace(cp)) return CharClass.Space;
  if (cp >= 0xd800 && cp <= 0xdfff) return CharClass.Other; // lone surrogate (encoded as U+FFFD, a symbol)
  const s = String.fromCodePoint(cp);
  if (RE_LOWER.test(s)) return CharClass.Lower;
  if (RE_UPPER.test(s)) return CharClass.Upper;
  if (RE_LETTER_OTHER.test(s)) return CharClass.LetterOther;
  if (RE_MARK.test(s)) return CharClass.Mark;
  if (RE_DIGIT.test(s)) return CharClass.Digit;
  return CharClass.Other;
}

/** BMP classes, filled in on first sight of each code point (ASCII up front). */
const bmpClass = new Uint8Array(0x10000).fill(UNKNOWN);
const astralClass = new Map<number, CharClass>();
for (let cp = 0; cp < 128; cp++) bmpClass[cp] = classify(cp);

/** Class of the code point at i (a surrogate pair counts as one code point, classed at its first unit). */
export function classAt(text: string, i: number): CharClass {
  const c = text.charCodeAt(i);
  const known = bmpClass[c]!;
  if (known !== UNKNOWN && (c < 0xd800 || c > 0xdbff)) return known;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let k = astralClass.get(cp);
      if (k === undefined) astralClass.set(cp, (k = classify(cp)));
      return k;
    }
    return CharClass.Other;
  }
  return (bmpClass[c] = classify(c));
}

/** UTF-16 units of the code point at i. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

const isLetter = (k: CharClass) => k === CharClass.Upper || k === CharClass.Lower || k === CharClass.LetterOther;
const inU = (k: CharClass) => k === CharClass.Upper || k === CharClass.LetterOther || k === CharClass.Mark;
const inW = (k: CharClass) => k === CharClass.Lower || k === CharClass.LetterOther || k === CharClass.Mark;
/** P = [^\r\n\p{L}\p{N}]. */
const inPrefix = (k: CharClass) => k === CharClass.Other || k === CharClass.Mark || k === CharClass.Space;
/** O = [^\s\p{L}\p{N}]. */
const inSymbol = (k: CharClass) => k === CharClass.Other || k === CharClass.Mark;
const isBlank = (k: CharClass) => k === CharClass.Space || k === CharClass.Newline;

/** End of the run of code points whose class passes `test`, from i. */
function runEnd(text: string, i: number, end: number, test: (k: CharClass) => boolean): number {
  while (i < end && test(classAt(text, i))) i += widthAt(text, i);
  return i;
}

/** `(?i:'s|'t|'re|'ve|'m|'ll|'d)` at i (plus Rust's `'ſ`): its end, or -1. */
function contractionEnd(text: string, i: number, end: number): number {
  if (i + 1 >= end || text.charCodeAt(i) !== 39) return -1;
  const a = text.charCodeAt(i + 1) | 0x20; // ASCII lower case (other characters never match below)
  if (a === 0x73 /* s */ || a === 0x74 /* t */ || a === 0x6d /* m */ || a === 0x64 /* d */) {
    return text.charCodeAt(i + 1) <= 0x7a ? i + 2 : -1;
  }
  if (text.charCodeAt(i + 1) === 0x17f) return i + 2; // ſ, which Rust folds to s
  if (i + 2 >= end || text.charCodeAt(i + 1) > 0x7a) return -1;
  const b = text.charCodeAt(i + 2) | 0x20;
  if (text.charCodeAt(i + 2) > 0x7a) return -1;
  if ((a === 0x72 /* r */ || a === 0x76) /* v */ && b === 0x65 /* e */) return i + 3;
  if (a === 0x6c /* l */ && b === 0x6c) return i + 3;
  return -1;
}

/** o200k's `U*W+`: U* takes its longest run, then gives back code points until W+ can match. */
function upperThenLowerEnd(text: string, i: number, end: number): number {
  let lastBothEnd = -1; // end of the last U-run code point that is also in W (Lm, Lo, M)
  while (i < end) {
    const k = classAt(text, i);
    if (!inU(k)) break;
    i += widthAt(text, i);
    if (k !== CharClass.Upper) lastBothEnd = i;
  }
  if (i < end && inW(classAt(text, i))) return runEnd(text, i, end, inW);
  // W+ starts at the last U code point that is also W; the next one (Lu/Lt) is not W.
  return lastBothEnd;
}

/** o200k's `U+W*`. */
function upperRunEnd(text: string, i: number, end: number): number {
  const u = runEnd(text, i, end, inU);
  return u === i ? -1 : runEnd(text, u, end, inW);
}

/** `\s*[\r\n]+ | \s+(?!\S) | \s+` at a blank code point (all blanks are one UTF-16 unit). */
function blankEnd(text: string, i: number, end: number): number {
  let lastNewline = -1;
  let j = i;
  while (j < end) {
    const k = classAt(text, j);
    if (k === CharClass.Newline) lastNewline = j;
    else if (k !== CharClass.Space) break;
    j++;
  }
  if (lastNewline >= 0) return lastNewline + 1; // \s* backs off to the run's last newline
  if (j === end || j - i === 1) return j; // end of text, or a single blank before a non-blank
  return j - 1; // \s+(?!\S): leave the last blank to start the next piece
}

/** ' '?O+ then a tail of [\r\n] (and '/' for o200k). */
function symbolsEnd(text: string, i: number, end: number, slashTail: boolean): number {
  let j = text.charCodeAt(i) === 32 ? i + 1 : i;
  if (j >= end || !inSymbol(classAt(text, j))) return -1;
  j = runEnd(text, j, end, inSymbol);
  while (j < end) {
    const c = text.charCodeAt(j);
    if (c !== 10 && c !== 13 && !(slashTail && c === 47)) break;
    j++;
  }
  return j;
}

function digitsEnd(text: string, i: number, end: number): number {
  for (let n = 0; n < 3 && i < end && classAt(text, i) === CharClass.Digit; n++) i += widthAt(text, i);
  return i;
}

/** End of the o200k_base piece that starts at `start` (start < end). */
export function o200kPieceEnd(text: string, start: number, end: number): number {
  const k = classAt(text, start);
  const afterPrefix = inPrefix(k) ? start + widthAt(text, start) : -1;
  // Alternative 1 with the optional prefix taken, then without it; then alternative 2 likewise.
  let e = afterPrefix >= 0 && afterPrefix < end ? upperThenLowerEnd(text, afterPrefix, end) : -1;
  if (e < 0) e = upperThenLowerEnd(text, start, end);
  if (e < 0 && afterPrefix >= 0 && afterPrefix < end) e = upperRunEnd(text, afterPrefix, end);
  if (e < 0) e = upperRunEnd(text, start, end);
  if (e >= 0) {
    const c = contractionEnd(text, e, end);
    return c >= 0 ? c : e;
  }
  if (k === CharClass.Digit) return digitsEnd(text, start, end);
  e = symbolsEnd(text, start, end, true);
  if (e >= 0) return e;
  if (isBlank(k)) return blankEnd(text, start, end);
  return start + widthAt(text, start); // unreachable: every class is covered above
}

/** End of the cl100k_base piece that starts at `start` (start < end). */
export function cl100kPieceEnd(text: string, start: number, end: number): number {
  let e = contractionEnd(text, start, end);
  if (e >= 0) return e;
  const k = classAt(text, start);
  if (isLetter(k)) return runEnd(text, start, end, isLetter);
  if (inPrefix(k)) {
    const next = start + widthAt(text, start);
    if (next < end && isLetter(classAt(text, next))) return runEnd(text, next, end, isLetter);
  }
  if (k === CharClass.Digit) return digitsEnd(text, start, end);
  e = symbolsEnd(text, start, end, false);
  if (e >= 0) return e;
  if (isBlank(k)) return blankEnd(text, start, end);
  return start + widthAt(text, start);
}

export type PieceEndFn = (text: string, start: number, end: number) => number;
