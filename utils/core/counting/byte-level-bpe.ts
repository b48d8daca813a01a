import type { ByteLevelBpeData } from '@/utils/core/counting/tokenizer-data';
import type { PieceEndFn } from '@/utils/core/counting/pretokenizer';
import { MergeHeap } from '@/utils/core/counting/merge-heap';

/**
 * tiktoken's byte-level BPE (o200k_base, cl100k_base) over typed arrays: the ranks live in one
 * byte buffer plus an open-addressing hash table (~5 MB for o200k, against ~20 MB of strings in a
 * Map for gpt-tokenizer), and a piece is looked up from a scratch UTF-8 buffer without creating a
 * string. Pieces that need merging are cached by text (their count), so repeated words cost a
 * lookup. Special-token strings such as "<|endoftext|>" are plain text here, as in a chat UI.
 */
export interface ByteLevelBpe {
  count(text: string): number;
  encode(text: string): number[];
}

/** Pieces longer than this (in bytes) merge with a heap, not tiktoken's quadratic scan. */
const HEAP_MERGE_FROM = 128;
/** Entries in the merge cache before it is cleared (a few MB at most). */
const MERGE_CACHE_LIMIT = 60_000;
const NO_RANK = 0x7fffffff;

export function createByteLevelBpe(data: ByteLevelBpeData, pieceEnd: PieceEndFn): ByteLevelBpe {
  const { tokenStart, bytes } = data;
  const ranks = tokenStart.length - 1;
  let size = 1;
  while (size < ranks * 2.5) size <<= 1;
  const mask = size - 1;
  /** rank + 1 per slot (0 = empty). */
  const table = new Int32Array(size);
  for (let r = 0; r < ranks; r++) {
    const s = tokenStart[r]!;
    const e = tokenStart[r + 1]!;
    if (e === s) continue;
    let h = hashBytes(bytes, s, e) & mask;
    while (table[h] !== 0) h = (h + 1) & mask;
    table[h] = r + 1;
  }

  let buf = new Uint8Array(1024);
  let starts = new Int32Array(1025);
  let pairRanks = new Int32Array(1025);
  const heap = new MergeHeap();
  const mergeCache = new Map<string, number>();

  /** Rank of buf[s, e), or NO_RANK. */
  function rankOf(s: number, e: number): number {
    const len = e - s;
    let h = hashBytes(buf, s, e) & mask;
    for (;;) {
      const v = table[h]!;
      if (v === 0) return NO_RANK;
      const r = v - 1;
      const ts = tokenStart[r]!;
      if (tokenStart[r + 1]! - ts === len) {
        let i = 0;
        while (i < len && bytes[ts + i] === buf[s + i]) i++;
        if (i === len) return r;
      }
      h = (h + 1) & mask;
    }
  }

  /** UTF-8 of text[start, end) into buf (lone surrogates as U+FFFD, like TextEncoder); returns the length. */
  function toUtf8(text: string, start: number, end: number): number {
    if ((end - start) * 3 > buf.length) buf = new Uint8Array((end - start) * 3 + 64);
    let n = 0;
    for (let i = start; i < end; i++) {
      let c = text.charCodeAt(i);
      if (c < 0x80) {
        buf[n++] = c;
        continue;
      }
      if (c < 0x800) {
        buf[n++] = 0xc0 | (c >> 6);
        buf[n++] = 0x80 | (c & 63);
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          buf[n++] = 0xf0 | (cp >> 18);
          buf[n++] = 0x80 | ((cp >> 12) & 63);
          buf[n++] = 0x80 | ((cp >> 6) & 63);
          buf[n++] = 0x80 | (cp & 63);
          i++;
          continue;
        }
        c = 0xfffd;
      }
      buf[n++] = 0xe0 | (c >> 12);
      buf[n++] = 0x80 | ((c >> 6) & 63);
      buf[n++] = 0x80 | (c & 63);
    }
    return n;
  }

  /**
   * Merges buf[0, n) the way tiktoken does (lowest rank first, leftmost on ties) and returns the
   * number of parts; their start offsets are left in starts[0..parts] (starts[parts] = n).
   */
  function merge(n: number): number {
    if (n + 1 > starts.length) {
      starts = new Int32Array(n + 1);
      pairRanks = new Int32Array(n + 1);
    }
    return n >= HEAP_MERGE_FROM ? mergeWithHeap(n) : mergeByScan(n);
  }

  function mergeByScan(n: number): number {
    let parts = n;
    for (let i = 0; i <= n; i++) starts[i] = i;
    for (let i = 0; i < n - 1; i++) pairRanks[i] = rankOf(i, i + 2);
    pairRanks[n - 1] = NO_RANK;
    for (;;) {
      let best = NO_RANK;
      let at = -1;
      for (let i = 0; i < parts - 1; i++) {
        if (pairRanks[i]! < best) {
          best = pairRanks[i]!;
          at = i;
        }
      }
      if (at < 0) break;
      // Part at+1 joins part at: drop its start, then re-rank the two pairs that changed.
      starts.copyWithin(at + 1, at + 2, parts + 1);
      pairRanks.copyWithin(at + 1, at + 2, parts);
      parts--;
      pairRanks[at] = at + 2 <= parts ? rankOf(starts[at]!, starts[at + 2]!) : NO_RANK;
      if (at > 0) pairRanks[at - 1] = rankOf(starts[at - 1]!, starts[at + 1]!);
    }
    return parts;
  }

  /** Same result as mergeByScan in O(n log n): a linked list of parts and a heap of (rank, position). */
  function mergeWithHeap(n: number): number {
    const next = new Int32Array(n + 1);
    const prev = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) {
      next[i] = i + 1;
      prev[i] = i - 1;
    }
    // pairRanks[i]: rank of part i joined with its successor (parts are named by their start).
    heap.clear();
    for (let i = 0; i < n - 1; i++) {
      const r = rankOf(i, i + 2);
      pairRanks[i] = r;
      if (r !== NO_RANK) heap.push(r, i);
    }
    pairRanks[n - 1] = NO_RANK;
    let parts = n;
    while (heap.size > 0) {
      const r = heap.topRank();
      const i = heap.pop();
      if (pairRanks[i] !== r) continue; // stale: part i was merged or re-ranked since
      const j = next[i]!;
      const k = next[j]!;
      next[i] = k;
      prev[k] = i;
      pairRanks[j] = NO_RANK;
      parts--;
      const after = next[k]!;
      pairRanks[i] = k < n ? rankOf(i, after <= n ? after : n) : NO_RANK;
      if (pairRanks[i] !== NO_RANK) heap.push(pairRanks[i]!, i);
      const p = prev[i]!;
      if (p >= 0) {
        pairRanks[p] = rankOf(p, k);
        if (pairRanks[p] !== NO_RANK) heap.push(pairRanks[p]!, p);
      }
    }
    for (let i = 0, w = 0; i <= n; i = next[i]!) starts[w++] = i;
    return parts;
  }

  /** Tokens in text[start, end), a single pre-token piece. */
  function countPiece(text: string, start: number, end: number): number {
    const n = toUtf8(text, start, end);
    if (n === 1 || rankOf(0, n) !== NO_RANK) return 1;
    const key = text.slice(start, end);
    let count = mergeCache.get(key);
    if (count === undefined) {
      count = merge(n);
      if (mergeCache.size >= MERGE_CACHE_LIMIT) mergeCache.clear();
      mergeCache.set(key, count);
    }
    return count;
  }

  return {
    count(text) {
      let total = 0;
      const end = text.length;
      for (let i = 0; i < end; ) {
        const e = pieceEnd(text, i, end);
        total += countPiece(text, i, e);
        i = e;
      }
      return total;
    },
    encode(text) {
      const ids: number[] = [];
      const end = text.length;
      for (let i = 0; i < end; ) {
        const e = pieceEnd(text, i, end);
        const n = toUtf8(text, i, e);
        const whole = rankOf(0, n);
        if (whole !== NO_RANK) ids.push(whole);
        else {
          const parts = merge(n);
          for (let p = 0; p < parts; p++) ids.push(rankOf(starts[p]!, starts[p + 1]!));
        }
        i = e;
      }
      return ids;
    },
  };
}

/** FNV-1a over bytes[s, e). */
function hashBytes(bytes: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5;
  for (let i = s; i < e; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
