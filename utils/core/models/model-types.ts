/** Shared vocabulary of the counting layer. The registry (model-registry.ts) fills it in. */

/** genai-prices' provider ids where it has them (x-ai, not xai); meta and alibaba are priced from its OpenRouter listing. */
export type ProviderId = 'openai' | 'anthropic' | 'google' | 'clay' | 'deepseek' | 'x-ai' | 'mistral' | 'meta' | 'perplexity' | 'alibaba';

/** Tokenizer data bundled in public/tokenizers/, one file per id. */
export type TokenizerId = 'o200k' | 'cl100k' | 'gemma3' | 'deepseek3' | 'qwen3';

/**
 * What the background computes for each segment of text: a tokenizer's exact count, or a Claude
 * estimate built on o200k counts (utils/core/estimates/claude-estimator.ts). Counts of different
 * counters are never mixed: caches are kept per counter.
 */
export type CounterId = TokenizerId | ClaudeEstimatorId;
/** One per Claude tokenizer generation: Claude 3 up to 4.6, and Opus 4.7 onwards. */
export type ClaudeEstimatorId = 'claude3-estimate' | 'claude47-estimate';

export interface ModelPrice {
  /** USD per million tokens. */
  inputPerMTok: number;
  outputPerMTok: number;
  cachedInputPerMTok?: number;
  /**
   * Long-context pricing: when a request's input exceeds `aboveInputTokens`, the whole request is
   * billed at these rates (Gemini 2.5 Pro, Claude Sonnet 4.5 above 200k).
   */
  longContext?: { aboveInputTokens: number; inputPerMTok: number; outputPerMTok: number; cachedInputPerMTok?: number };
}

/** A price and the day it took effect (undefined: since the model's release). */
export interface DatedPrice {
  from?: string;
  price: ModelPrice;
}

export interface ModelInfo {
  id: string;
  label: string;
  provider: ProviderId;
  /** Tokenizer data the count runs on. */
  tokenizer: TokenizerId;
  /** What the background computes per segment (the tokenizer itself, or an estimator built on it). */
  counter: CounterId;
  /** The tokenizer rule (counting-rules.ts) that chose tokenizer, counter, exactness and band. */
  rule: string;
  /** Multiplier applied to the count: the user's own adjustment of Claude estimates; 1 otherwise. */
  tokenFactor: number;
  /** True only when the count equals the provider's own tokenizer. */
  exact: boolean;
  /** Measured (or stated) relative error of an estimate, 0.06 = ±6%; 0 when exact. */
  band: number;
  contextWindow: number;
  maxOutput: number;
  /** Undefined when no maintained source knows this model's price: shown as "no known price". */
  price?: ModelPrice;
  /** The day `price` took effect, when the price library dates it. */
  priceFrom?: string;
  /**
   * False for a model the catalog does not list (a newer model of a known family): counted by
   * its family's rule, with no price and the family's usual limits.
   */
  inCatalog: boolean;
}
