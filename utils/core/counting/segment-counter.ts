import type { CounterId } from '@/utils/core/models/model-types';
import { counterTokenizer, estimateClaudeTokens, isClaudeEstimator } from '@/utils/core/estimates/claude-estimator';
import { LruCache } from '@/utils/core/counting/lru-cache';
import type { TokenizerPool } from '@/utils/core/counting/tokenizer-pool';

/**
 * One count per segment, in order. For a Claude estimator the counts are fractional estimates
 * (utils/estimates): the caller sums them and rounds once.
 */
export type CountSegmentsFn = (counter: CounterId, segments: string[]) => Promise<number[]>;

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
  const caches = new Map<CounterId, LruCache<number>>();
  const warmed = new Set<string>();
  const cacheFor = (id: CounterId) => {
    let cache = caches.get(id);
    if (!cache) caches.set(id, (cache = new LruCache<number>(cacheChars)));
    return cache;
  };

  return async (counter, segments) => {
    const cache = cacheFor(counter);
    const tokenizer = counterTokenizer(counter);
    const counts = new Array<number>(segments.length);
    const todo: number[] = [];
    segments.forEach((segment, i) => {
      const hit = cache.get(segment);
      if (hit === undefined) todo.push(i);
      else counts[i] = hit;
    });
    // An empty request is a warm-up (a field got focus): load now, so the first keystroke after
    // the worker was stopped does not wait for the tokenizer, and run the encoder once, so the
    // first paste finds its code compiled (a paste's first chunks, cold, took twice as long).
    if (segments.length === 0) {
      const encoder = await pool.get(tokenizer);
      if (!warmed.has(tokenizer)) {
        warmed.add(tokenizer);
        encoder.count(WARM_UP_TEXT);
      }
    }
    if (todo.length === 0) return counts;

    const encoder = await pool.get(tokenizer);
    const exact = (text: string) => encoder.count(text);
    const countOne = isClaudeEstimator(counter) ? (text: string) => estimateClaudeTokens(text, counter, exact) : exact;
    let sliceStart = performance.now();
    for (const i of todo) {
      const segment = segments[i]!;
      let n = cache.get(segment);
      if (n === undefined) {
        n = countOne(segment);
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

/** ~20 KB of the pieces prose is made of (words, numbers, punctuation, line breaks), not cached as a segment. */
const WARM_UP_TEXT = Array.from({ length: 300 }, (_, i) => `Line ${i}: the counter's code runs once, don't wait; 3.14 × ${i * 7} words.\n`).join('');

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
