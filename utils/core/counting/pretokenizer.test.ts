import { describe, expect, it } from 'vitest';
import { toJsPattern } from '@/scripts/build-tokenizers.mjs';
import { cl100kPieceEnd, o200kPieceEnd, type PieceEndFn } from '@/utils/core/counting/pretokenizer';
import { corpus, PALETTE, randomText, rng } from '@/test/unit/counting-helpers';

// tiktoken's own patterns (as its npm package ships them), in JavaScript regex semantics.
const PATTERNS = {
  o200k: String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
  cl100k: String.raw`(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
};
const SCANNERS: Record<keyof typeof PATTERNS, PieceEndFn> = { o200k: o200kPieceEnd, cl100k: cl100kPieceEnd };

const compiled = new Map<string, RegExp>();
function regexPieces(pattern: string, text: string): string[] {
  let re = compiled.get(pattern);
  if (!re) compiled.set(pattern, (re = new RegExp(toJsPattern(pattern), 'gu')));
  return Array.from(text.matchAll(re), (m) => m[0]);
}

function scannerPieces(pieceEnd: PieceEndFn, text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; ) {
    const e = pieceEnd(text, i, text.length);
    if (e <= i) throw new Error(`no progress at ${i} in ${JSON.stringify(text)}`);
    pieces.push(text.slice(i, e));
    i = e;
  }
  return pieces;
}

// Characters from every class the scanners tell apart, including the awkward ones: marks (in
// both letter sets and the prefix set), Lm/Lo (in both letter sets), Lt, astral letters and
// digits, White_Space that JavaScript's \s disagrees on, lone surrogates.
const EXTRA = ['ǅ', 'ʰ', '〻', 'ー', '\u0301', '\u0903', 'ⅻ', '²', '𝟙', '𐐀', '𐐨', '\ud800', '\udc00', '\u200b', '\u2029', '\u1680', 'ſ', "'S", "'Re", "'ſ", 'İ', 'ﬀ', '्', 'क', 'ि'];

describe.each(['o200k', 'cl100k'] as const)('%s pre-tokenizer', (id) => {
  it('splits the corpus exactly like the regex', () => {
    for (const { name, text } of corpus()) expect(scannerPieces(SCANNERS[id], text), name).toEqual(regexPieces(PATTERNS[id], text));
  });

  it('splits 5,000 random texts exactly like the regex', () => {
    const next = rng(id === 'o200k' ? 101 : 102);
    const palette = [...PALETTE, ...EXTRA];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let k = 1 + Math.floor(next() * 30); k > 0; k--) text += palette[Math.floor(next() * palette.length)];
      expect(scannerPieces(SCANNERS[id], text), JSON.stringify(text)).toEqual(regexPieces(PATTERNS[id], text));
    }
  });

  it('splits every BMP character, after a space, between letters and marks, and doubled, like the regex', async () => {
    const mismatches: string[] = [];
    for (let cp = 0; cp < 0x10000; cp += 1) {
      if (cp % 4096 === 0) await new Promise((resolve) => setImmediate(resolve)); // let the runner's messages through
      const c = String.fromCharCode(cp);
      for (const text of [` ${c}b`, `A${c}\u0301'sx`, `${c}${c} \n`]) {
        const a = scannerPieces(SCANNERS[id], text);
        const b = regexPieces(PATTERNS[id], text);
        if (a.join('\u0000') !== b.join('\u0000')) mismatches.push(JSON.stringify(text));
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('random texts from the palette agree at every length', () => {
    const next = rng(id === 'o200k' ? 7 : 8);
    for (let i = 0; i < 300; i++) {
      const text = randomText(next, 200);
      expect(scannerPieces(SCANNERS[id], text)).toEqual(regexPieces(PATTERNS[id], text));
    }
  });
});
