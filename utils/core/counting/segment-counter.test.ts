import { describe, expect, it } from 'vitest';
import { LruCache } from '@/utils/core/counting/lru-cache';
import { createSegmentCounter } from '@/utils/core/counting/segment-counter';
import type { Encoder, TokenizerPool } from '@/utils/core/counting/tokenizer-pool';
import type { TokenizerId } from '@/utils/core/models/model-types';

/** A fake tokenizer (one token per character, 0.01 ms per character) that records its work. */
function fakePool(loads: TokenizerId[], encoded: string[]): TokenizerPool {
  return {
    get: async (id) => {
      loads.push(id);
      const encoder: Encoder = {
        id,
        encode: (t) => [...t].map(() => 0),
        count: (t) => {
          encoded.push(t);
          const until = performance.now() + t.length * 0.01;
          while (performance.now() < until) { /* simulated encode cost */ }
          return t.length;
        },
      };
      return encoder;
    },
    isLoaded: () => true,
  };
}

describe('createSegmentCounter (background)', () => {
  it('returns one count per segment and re-encodes nothing it has cached', async () => {
    const encoded: string[] = [];
    const count = createSegmentCounter(fakePool([], encoded));
    expect(await count('o200k', ['ab', 'cde', 'ab'])).toEqual([2, 3, 2]);
    expect(encoded).toEqual(['ab', 'cde']);
    expect(await count('o200k', ['cde', 'fg'])).toEqual([3, 2]);
    expect(encoded).toEqual(['ab', 'cde', 'fg']);
    await count('cl100k', ['ab']);
    expect(encoded).toEqual(['ab', 'cde', 'fg', 'ab']); // caches are per tokenizer
  });

  it('an empty request loads the tokenizer (warm-up) and returns no counts', async () => {
    const loads: TokenizerId[] = [];
    const count = createSegmentCounter(fakePool(loads, []));
    expect(await count('gemma3', [])).toEqual([]);
    expect(loads).toEqual(['gemma3']);
  });

  it('a huge request yields, so a small one sent later is answered first', async () => {
    const count = createSegmentCounter(fakePool([], []), { sliceMs: 5 });
    const order: string[] = [];
    const big = count('o200k', Array.from({ length: 400 }, (_, i) => `${i}`.padEnd(100, 'x'))).then(() => order.push('big'));
    await new Promise((r) => setTimeout(r, 1));
    const small = count('o200k', ['tiny']).then(() => order.push('small'));
    await Promise.all([big, small]);
    expect(order).toEqual(['small', 'big']);
  });
});

describe('LruCache', () => {
  it('evicts least recently used entries past its weight', () => {
    const cache = new LruCache<number>(10, (k) => k.length);
    cache.set('aaaa', 1);
    cache.set('bbbb', 2);
    cache.get('aaaa');
    cache.set('cccc', 3);
    expect([cache.get('aaaa'), cache.get('bbbb'), cache.get('cccc')]).toEqual([1, undefined, 3]);
    cache.set('x'.repeat(11), 4);
    expect(cache.get('x'.repeat(11))).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
