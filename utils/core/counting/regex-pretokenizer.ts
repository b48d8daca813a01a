import type { PieceEndFn } from '@/utils/core/counting/pretokenizer';

/**
 * Pre-tokenizers of Hugging Face tokenizer.json files that chain `Split` steps (behaviour
 * "Isolated": every match and every gap between matches is a piece, and each piece is split
 * again by the next step). They run as the JavaScript regexes transformers.js builds from the
 * same files, so the bundled encoder computes what transformers.js computes (the parity tests in
 * tokenizer-parity.test.ts). A piece list is worked out once per text and then walked: the byte-
 * level encoder asks for pieces in order, from the start.
 */

/** DeepSeek V3 (also R1, V3.1, V3.2): digits in threes, then CJK runs, then the word pattern. */
const DEEPSEEK_V3 = [
  /\p{N}{1,3}/gu,
  /[一-龥぀-ゟ゠-ヿ]+/gu,
  /[!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~][A-Za-z]+|[^\r\n\p{L}\p{P}\p{S}]?[\p{L}\p{M}]+| ?[\p{P}\p{S}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu,
];

/** Qwen2 / 2.5 / 3: cl100k's pattern with single digits (`(?i:…)` spelt out, as transformers.js does). */
const QWEN3 = [/(?:'([sS]|[tT]|[rR][eE]|[vV][eE]|[mM]|[lL][lL]|[dD]))|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu];

/** Appends the end of every piece of text[start, end) after splitting by steps[level..]. */
function splitInto(text: string, start: number, end: number, steps: readonly RegExp[], level: number, ends: number[]): void {
  if (level === steps.length) {
    ends.push(end);
    return;
  }
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const re = steps[level]!;
  let at = 0;
  for (const match of part.matchAll(re)) {
    const from = match.index;
    const to = from + match[0].length;
    if (to === from) continue;
    if (from > at) splitInto(text, start + at, start + from, steps, level + 1, ends);
    splitInto(text, start + from, start + to, steps, level + 1, ends);
    at = to;
  }
  if (at < part.length) splitInto(text, start + at, end, steps, level + 1, ends);
}

/** The piece ends of `text`, ascending (for tests and the encoder). */
export function pieceEnds(text: string, steps: readonly RegExp[]): number[] {
  const ends: number[] = [];
  if (text.length > 0) splitInto(text, 0, text.length, steps, 0, ends);
  return ends;
}

/** A PieceEndFn over `steps`: the piece list is computed for a text on its first piece. */
function regexPieceEnd(steps: readonly RegExp[]): PieceEndFn {
  let lastText: string | null = null;
  let lastEnd = -1;
  let ends: number[] = [];
  let k = 0;
  return (text, start, end) => {
    if (start === 0 || text !== lastText || end !== lastEnd) {
      ends = pieceEnds(end === text.length ? text : text.slice(0, end), steps);
      lastText = text;
      lastEnd = end;
      k = 0;
    }
    while (k < ends.length && ends[k]! <= start) k++;
    if (k < ends.length) return ends[k]!;
    // Asked for a position the list does not reach (never, when called in order): one code unit.
    return start + 1;
  };
}

export const deepseekV3PieceEnd = (): PieceEndFn => regexPieceEnd(DEEPSEEK_V3);
export const qwen3PieceEnd = (): PieceEndFn => regexPieceEnd(QWEN3);
export const PRETOKENIZER_STEPS = { deepseek3: DEEPSEEK_V3, qwen3: QWEN3 } as const;
