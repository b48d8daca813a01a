import type { ModelInfo } from '@/utils/core/models/model-types';

/**
 * USD cost of a request, or null when no price is known for the model (shown as "no known price",
 * never as $0). Long-context rates apply to the whole request once its input passes the
 * threshold, as the providers bill it.
 */
export function costUsd(model: ModelInfo, inputTokens: number, outputTokens: number): number | null {
  const price = model.price;
  if (!price) return null;
  const rates = price.longContext && inputTokens > price.longContext.aboveInputTokens ? price.longContext : price;
  return (inputTokens * rates.inputPerMTok + outputTokens * rates.outputPerMTok) / 1_000_000;
}
