import type { ModelInfo, TokenizerId } from '../models/model-types';
import { sendRequest } from '../messaging/send-message';
import { splitIntoSegments } from './segment-text';
import type { CountSegmentsFn } from './segment-counter';

export interface CountResult {
  tokens: number;
  /** False for estimates (Claude via o200k x factor, Gemini via Gemma 3): show "≈". */
  exact: boolean;
  modelId: string;
  tokenizer: TokenizerId;
}

export interface LiveCounter {
  /** Counts `text` for `model`. Rejects with an AbortError if `signal` fires first. */
  count(text: string, model: ModelInfo, signal?: AbortSignal): Promise<CountResult>;
}

/** Keeps each 'count' message small enough to be answered quickly and cut off when stale. */
const MAX_BATCH_CHARS = 256_000;
const MAX_BATCH_SEGMENTS = 5_000;

/** Default transport: the background's 'count' handler (tokenizers live there, once per browser). */
export const countSegmentsInBackground: CountSegmentsFn = async (tokenizer, segments) =>
  (await sendRequest({ type: 'count', tokenizer, segments })).counts;

function abortError(): Error {
  return new DOMException('Count aborted', 'AbortError');
}

/** Applies a model's factor (Claude's estimate from o200k); exact models have factor 1. */
export function scaleCount(rawTokens: number, model: ModelInfo): number {
  return model.tokenFactor === 1 ? rawTokens : Math.round(rawTokens * model.tokenFactor);
}

/**
 * Counting for a live editor: splits the text into segments (see segment-text.ts), remembers the
 * count of every segment of the current text, and asks `countSegments` only for segments it has
 * not seen, so a keystroke in a 50k-token prompt re-counts one paragraph. Sums are exact for
 * o200k/cl100k because segment boundaries never cross a pre-token.
 */
export function createLiveCounter(countSegments: CountSegmentsFn = countSegmentsInBackground): LiveCounter {
  const caches = new Map<TokenizerId, Map<string, number>>();

  return {
    async count(text, model, signal) {
      if (signal?.aborted) throw abortError();
      const tokenizer = model.tokenizer;
      let cache = caches.get(tokenizer);
      if (!cache) caches.set(tokenizer, (cache = new Map()));

      const segments = splitIntoSegments(text, tokenizer);
      const known = new Map<string, number>();
      const missing: string[] = [];
      for (const segment of segments) {
        if (known.has(segment)) continue;
        const hit = cache.get(segment);
        if (hit === undefined) {
          known.set(segment, -1);
          missing.push(segment);
        } else known.set(segment, hit);
      }

      for (const batch of batches(missing)) {
        if (signal?.aborted) throw abortError();
        const counts = await countSegments(tokenizer, batch);
        if (counts.length !== batch.length) throw new Error('Token counter returned the wrong number of counts');
        batch.forEach((segment, i) => {
          known.set(segment, counts[i]!);
          cache.set(segment, counts[i]!);
        });
      }
      if (signal?.aborted) throw abortError();

      let raw = 0;
      for (const segment of segments) raw += known.get(segment)!;
      // Forget segments of older versions of the text so the cache tracks the document, not history.
      if (cache.size > known.size * 2 + 256) caches.set(tokenizer, new Map([...known]));

      return { tokens: scaleCount(raw, model), exact: model.exact, modelId: model.id, tokenizer };
    },
  };
}

function* batches(segments: string[]): Generator<string[]> {
  let batch: string[] = [];
  let chars = 0;
  for (const segment of segments) {
    if (batch.length > 0 && (chars + segment.length > MAX_BATCH_CHARS || batch.length >= MAX_BATCH_SEGMENTS)) {
      yield batch;
      batch = [];
      chars = 0;
    }
    batch.push(segment);
    chars += segment.length;
  }
  if (batch.length > 0) yield batch;
}
