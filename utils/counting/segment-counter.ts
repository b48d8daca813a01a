import type { TokenizerId } from '../models/model-types';
import { LruCache } from './lru-cache';
import type { TokenizerPool } from './tokenizer-pool';

export type CountSegmentsFn = (tokenizer: TokenizerId, segments: string[]) => Promise<number[]>;

export interface SegmentCounterOptions {
  /** Characters of segment text remembered per tokenizer. */
  cacheChars?: number;
  /** Encode for at most this long before yielding to other messages and tasks. */
  sliceMs?: number;
}

/**
 * Where the tokenizers run (the background): counts each segment with a bounded LRU cache per
 * tokenizer, and yields to the event loop between slices so a 5 MB paste in one tab cannot
 * starve other messages (another tab's keystrokes, usage records).
 */
export function createSegmentCounter(pool: TokenizerPool, options: SegmentCounterOptions = {}): CountSegmentsFn {
  const cacheChars = options.cacheChars ?? 4_000_000;
  const sliceMs = options.sliceMs ?? 8;
  const caches = new Map<TokenizerId, LruCache<number>>();
  const cacheFor = (id: TokenizerId) => {
    let cache = caches.get(id);
    if (!cache) caches.set(id, (cache = new LruCache<number>(cacheChars)));
    return cache;
  };

  return async (tokenizer, segments) => {
    const cache = cacheFor(tokenizer);
    const counts = new Array<number>(segments.length);
    const todo: number[] = [];
    segments.forEach((segment, i) => {
      const hit = cache.get(segment);
      if (hit === undefined) todo.push(i);
      else counts[i] = hit;
    });
    // An empty request is a warm-up (a field got focus): load now, so the first keystroke after
    // the worker was stopped does not wait for the tokenizer.
    if (segments.length === 0) await pool.get(tokenizer);
    if (todo.length === 0) return counts;

    const encoder = await pool.get(tokenizer);
    let sliceStart = performance.now();
    for (const i of todo) {
      const segment = segments[i]!;
      let n = cache.get(segment);
      if (n === undefined) {
        n = encoder.count(segment);
        cache.set(segment, n);
      }
      counts[i] = n;
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
    return counts;
  };
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
