import type { ModelInfo } from '@/utils/core/models/model-types';

/**
 * USD cost of a request, or null when no price is known for the model (shown as "no known price",
 * never as $0). Long-context rates apply to the whole request once its input passes the
 * threshold, as the providers bill it.
 */
export function costUsd(model: ModelInfo, inputTokens: number, outputTokens: number): number | null {
  return billedCostUsd(model, { inputTokens, outputTokens });
}

/** What one request is billed for, split by rate. */
export interface BilledTokens {
  /** All input, including the part read from the prompt cache. */
  inputTokens: number;
  /** The part of inputTokens read from the prompt cache. */
  cacheReadTokens?: number;
  /** The answer and the thinking: both are billed as output. */
  outputTokens: number;
}

/**
 * USD cost with cache reads at the model's cache-read price (from genai-prices); a model with no
 * cache-read price bills them as input, which is what the provider does when it has no cache.
 */
export function billedCostUsd(model: ModelInfo, tokens: BilledTokens): number | null {
  const price = model.price;
  if (!price) return null;
  const rates = price.longContext && tokens.inputTokens > price.longContext.aboveInputTokens ? price.longContext : price;
  const cacheRead = Math.min(tokens.cacheReadTokens ?? 0, tokens.inputTokens);
  const cacheRate = rates.cachedInputPerMTok ?? price.cachedInputPerMTok ?? rates.inputPerMTok;
  return ((tokens.inputTokens - cacheRead) * rates.inputPerMTok + cacheRead * cacheRate + tokens.outputTokens * rates.outputPerMTok) / 1_000_000;
}
