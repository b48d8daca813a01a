import type { MergeBpeData } from '@/utils/core/counting/tokenizer-data';
import { MergeHeap } from '@/utils/core/counting/merge-heap';

/**
 * SentencePiece-style BPE with a merge list (Gemma 3), computing what transformers.js computes
 * for the same tokenizer.json (see build-tokenizers.mjs): " " becomes "▁", the text is split
 * into characters, adjacent pairs merge by priority (leftmost first on ties) and characters
 * without a token fall back to one token per UTF-8 byte. Ids and merges live in typed arrays
 * (~15 MB for Gemma 3's 262k tokens and 515k merges, against ~110 MB of Maps and strings in
 * transformers.js), and merging works on integer ids, never on concatenated strings.
 *
 * The text is cut into words before each "▁" that follows a character no token has before a
 * "▁" (Gemma 3: anything but "▁" and ">"). No token spans such a cut, so merging each word on
 * its own gives exactly the whole text's result, and a word's count can be cached.
 */
export interface MergeBpe {
  count(text: string): number;
  encode(text: string): number[];
}

const NO_MERGE = -1;
/** Words remembered with their count before the cache is cleared (a few MB at most). */
const WORD_CACHE_LIMIT = 100_000;
const SPACE = 0x20;
const SENTENCEPIECE_SPACE = 0x2581; // ▁

export function createMergeBpe(data: MergeBpeData): MergeBpe {
  const { mergeLeft, mergeRight, mergeResult, byteFallback } = data;
  const bmpId = new Int32Array(0x10000).fill(-1);
  const astralId = new Map<number, number>();
  data.charCodePoints.forEach((cp, i) => {
    if (cp < 0x10000) bmpId[cp] = data.charIds[i]!;
    else astralId.set(cp, data.charIds[i]!);
  });

  const joiners = new Set(data.joiners);
  const wordCache = new Map<string, number>();
  const merges = mergeLeft.length;
  let size = 1;
  while (size < merges * 2) size <<= 1;
  const mask = size - 1;
  /** merge index + 1 per slot (0 = empty); the first (highest-priority) merge of a pair wins. */
  const table = new Int32Array(size);
  for (let m = 0; m < merges; m++) {
    let h = pairHash(mergeLeft[m]!, mergeRight[m]!) & mask;
    let duplicate = false;
    while (table[h] !== 0) {
      const other = table[h]! - 1;
      if (mergeLeft[other] === mergeLeft[m] && mergeRight[other] === mergeRight[m]) {
        duplicate = true;
        break;
      }
      h = (h + 1) & mask;
    }
    if (!duplicate) table[h] = m + 1;
  }

  function mergeOf(left: number, right: number): number {
    if (left < 0 || right < 0) return NO_MERGE;
    let h = pairHash(left, right) & mask;
    for (;;) {
      const v = table[h]!;
      if (v === 0) return NO_MERGE;
      if (mergeLeft[v - 1] === left && mergeRight[v - 1] === right) return v - 1;
      h = (h + 1) & mask;
    }
  }

  // Symbols of the text being merged; an unknown character is stored as -1 - codePoint.
  let ids = new Int32Array(1024);
  let next = new Int32Array(1025);
  let prev = new Int32Array(1025);
  let pairMerge = new Int32Array(1024);
  const heap = new MergeHeap();

  /** Splits text[start, end) into symbols (ids[0..n)); returns n. */
  function symbolize(text: string, start: number, end: number): number {
    if (end - start > ids.length) {
      const cap = end - start + 64;
      ids = new Int32Array(cap);
      next = new Int32Array(cap + 1);
      prev = new Int32Array(cap + 1);
      pairMerge = new Int32Array(cap);
    }
    let n = 0;
    for (let i = start; i < end; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < end) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = ((cp - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          i++;
        }
      }
      if (cp === SPACE) cp = SENTENCEPIECE_SPACE;
      const id = cp < 0x10000 ? bmpId[cp]! : (astralId.get(cp) ?? -1);
      ids[n++] = id >= 0 ? id : -1 - cp;
    }
    return n;
  }

  /** Merges ids[0..n) in place; the surviving symbols are linked from 0 through next[]. */
  function merge(n: number): void {
    heap.clear();
    for (let i = 0; i < n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    for (let i = 0; i + 1 < n; i++) {
      const m = mergeOf(ids[i]!, ids[i + 1]!);
      pairMerge[i] = m;
      if (m !== NO_MERGE) heap.push(m, i);
    }
    if (n > 0) pairMerge[n - 1] = NO_MERGE;
    while (heap.size > 0) {
      const m = heap.topRank();
      const i = heap.pop();
      if (pairMerge[i] !== m) continue; // stale
      const j = next[i]!;
      ids[i] = mergeResult[m]!;
      pairMerge[j] = NO_MERGE;
      const k = next[j]!;
      next[i] = k;
      if (k < n) {
        prev[k] = i;
        pairMerge[i] = mergeOf(ids[i]!, ids[k]!);
        if (pairMerge[i] !== NO_MERGE) heap.push(pairMerge[i]!, i);
      } else pairMerge[i] = NO_MERGE;
      const p = prev[i]!;
      if (p >= 0) {
        pairMerge[p] = mergeOf(ids[p]!, ids[i]!);
        if (pairMerge[p] !== NO_MERGE) heap.push(pairMerge[p]!, p);
      }
    }
  }

  const fallbackBytes = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

  function countWord(text: string, start: number, end: number): number {
    const n = symbolize(text, start, end);
    merge(n);
    let total = 0;
    for (let i = 0; i < n; i = next[i]!) {
      const id = ids[i]!;
      total += id >= 0 ? 1 : fallbackBytes(-1 - id);
    }
    return total;
  }

  /** Calls `word` for each word of text (see the file comment for where words are cut). */
  function forEachWord(text: string, word: (start: number, end: number) => void): void {
    let start = 0;
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== SENTENCEPIECE_SPACE) continue;
      const before = text.charCodeAt(i - 1);
      const pair = before >= 0xdc00 && before <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff;
      const prev = pair ? text.codePointAt(i - 2)! : before;
      if (prev === SPACE || prev === SENTENCEPIECE_SPACE || joiners.has(prev)) continue;
      word(start, i);
      start = i;
    }
    if (start < text.length) word(start, text.length);
  }

  return {
    count(text) {
      let total = 0;
      forEachWord(text, (start, end) => {
        const key = text.slice(start, end);
        let n = wordCache.get(key);
        if (n === undefined) {
          n = countWord(text, start, end);
          if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
          wordCache.set(key, n);
        }
        total += n;
      });
      return total;
    },
    encode(text) {
      const out: number[] = [];
      forEachWord(text, (start, end) => {
        const n = symbolize(text, start, end);
        merge(n);
        for (let i = 0; i < n; i = next[i]!) {
          const id = ids[i]!;
          if (id >= 0) out.push(id);
          else for (const b of new TextEncoder().encode(String.fromCodePoint(-1 - id))) out.push(byteFallback[b]!);
        }
      });
      return out;
    },
  };
}

function pairHash(left: number, right: number): number {
  let h = Math.imul(left, 0x9e3779b1) ^ right;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
