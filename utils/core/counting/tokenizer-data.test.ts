import { describe, expect, it } from 'vitest';
import { packByteLevelBpe, packMergeBpe } from '@/scripts/tokenizer-format.mjs';
import { readTokenizerData, TokenizerDataError } from '@/utils/core/counting/tokenizer-data';
import { createEncoder } from '@/utils/core/counting/tokenizer-pool';
import { nodeTokenizerSource } from '@/scripts/node/node-tokenizer-source';

const bytes = (s: string) => new TextEncoder().encode(s);

function smallRankTable(): Uint8Array {
  const tokens: Array<Uint8Array | null> = Array.from({ length: 256 }, (_, b) => Uint8Array.of(b));
  tokens.push(bytes('ab'), null, bytes('abc'), bytes(' the'));
  return packByteLevelBpe(tokens);
}

function smallMergeTable(): Uint8Array {
  return packMergeBpe({
    vocabSize: 10,
    chars: [[0x61, 3], [0x62, 4], [0x2581, 5]],
    merges: [[3, 4, 6], [5, 6, 7]],
    byteFallback: Array.from({ length: 256 }, (_, b) => (b < 2 ? 8 + b : -1)),
  });
}

describe('packed tokenizer format', () => {
  it('round-trips a rank table, unused ranks included', () => {
    const data = readTokenizerData(smallRankTable());
    if (data.kind !== 'byte-level-bpe') throw new Error('wrong kind');
    const token = (r: number) => new TextDecoder().decode(data.bytes.subarray(data.tokenStart[r], data.tokenStart[r + 1]));
    expect(data.tokenStart.length - 1).toBe(260);
    expect(token(65)).toBe('A');
    expect(token(256)).toBe('ab');
    expect(token(257)).toBe(''); // unused
    expect(token(259)).toBe(' the');
  });

  it('round-trips a merge table', () => {
    const data = readTokenizerData(smallMergeTable());
    if (data.kind !== 'merge-bpe') throw new Error('wrong kind');
    expect(data.vocabSize).toBe(10);
    expect([...data.charCodePoints]).toEqual([0x61, 0x62, 0x2581]);
    expect([...data.charIds]).toEqual([3, 4, 5]);
    expect([...data.mergeLeft, ...data.mergeRight, ...data.mergeResult]).toEqual([3, 5, 4, 6, 6, 7]);
    expect(data.byteFallback[0]).toBe(8);
    expect(data.byteFallback[2]).toBe(-1);
  });

  it('a tiny merge table counts like SentencePiece BPE', () => {
    const encoder = createEncoder('gemma3', smallMergeTable());
    expect(encoder.encode('ab')).toEqual([6]);
    expect(encoder.encode(' ab')).toEqual([7]); // "▁" + "ab"
    expect(encoder.count('\u0000\u0001')).toBe(2); // byte fallback
  });

  it('refuses damaged files with a clear error instead of counting wrong', () => {
    for (const good of [smallRankTable(), smallMergeTable()]) {
      const flipped = good.slice();
      flipped[flipped.length - 3]! ^= 0x10;
      expect(() => readTokenizerData(flipped, 'o200k')).toThrow(/o200k.*checksum mismatch/);
      expect(() => readTokenizerData(good.subarray(0, good.length - 5))).toThrow(/truncated/);
      expect(() => readTokenizerData(good.subarray(0, 10))).toThrow(TokenizerDataError);
      const otherVersion = good.slice();
      otherVersion[4] = 9;
      expect(() => readTokenizerData(otherVersion)).toThrow(/format version 9/);
      const notOurs = good.slice();
      notOurs[0] = 0x7b; // "{": e.g. a JSON tokenizer file, not the packed format
      expect(() => readTokenizerData(notOurs)).toThrow(/not a TokenTally tokenizer file/);
    }
  });

  it('refuses a well-formed file whose ids point outside the vocabulary', () => {
    const bad = packMergeBpe({ vocabSize: 4, chars: [[0x61, 3]], merges: [[3, 3, 9]], byteFallback: new Array(256).fill(-1) });
    expect(() => readTokenizerData(bad)).toThrow(/outside the vocabulary/);
  });

  it('the shipped files load', async () => {
    for (const id of ['o200k', 'cl100k', 'gemma3'] as const) {
      const encoder = createEncoder(id, await nodeTokenizerSource(id));
      expect(encoder.count('Hello, world!')).toBeGreaterThan(1);
    }
  });
});
