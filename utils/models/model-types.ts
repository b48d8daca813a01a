/** Shared vocabulary of the counting layer. The registry (model-registry.ts) fills it in. */

export type ProviderId = 'openai' | 'anthropic' | 'google' | 'clay';

/** Tokenizer data bundled in public/tokenizers/, one file per id. */
export type TokenizerId = 'o200k' | 'cl100k' | 'gemma3';

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

export interface ModelInfo {
  id: string;
  label: string;
  provider: ProviderId;
  tokenizer: TokenizerId;
  /** Multiplier applied to the tokenizer's count (Claude estimates from o200k). 1 otherwise. */
  tokenFactor: number;
  /** True only when the count equals the provider's own tokenizer. */
  exact: boolean;
  contextWindow: number;
  maxOutput: number;
  /** Undefined when no maintained source knows this model's price: shown as "no known price". */
  price?: ModelPrice;
}
