import type { ProviderId, TokenizerId } from './model-types';

/**
 * The models TokenTally knows, by the providers' API ids. Prices are not here: they come from
 * @pydantic/genai-prices (price-table.generated.ts). Context windows and maximum output lengths
 * are from the providers' model pages (genai-prices has context windows for some models only):
 *   OpenAI:    https://platform.openai.com/docs/models (each model's page, "Context window" / "Max output tokens")
 *   Anthropic: https://docs.anthropic.com/en/docs/about-claude/models/overview ("Context window", "Max output")
 *   Google:    https://ai.google.dev/gemini-api/docs/models ("Input token limit", "Output token limit")
 */
export interface CatalogEntry {
  id: string;
  label: string;
  provider: ProviderId;
  tokenizer: TokenizerId;
  contextWindow: number;
  maxOutput: number;
}

const openai = (id: string, label: string, contextWindow: number, maxOutput: number, tokenizer: TokenizerId = 'o200k'): CatalogEntry => ({
  id, label, provider: 'openai', tokenizer, contextWindow, maxOutput,
});
const claude = (id: string, label: string, maxOutput: number): CatalogEntry => ({
  id, label, provider: 'anthropic', tokenizer: 'o200k', contextWindow: 200_000, maxOutput,
});
const gemini = (id: string, label: string, maxOutput: number): CatalogEntry => ({
  id, label, provider: 'google', tokenizer: 'gemma3', contextWindow: 1_048_576, maxOutput,
});

export const MODEL_CATALOG: readonly CatalogEntry[] = [
  openai('gpt-5', 'GPT-5', 400_000, 128_000),
  openai('gpt-5-mini', 'GPT-5 mini', 400_000, 128_000),
  openai('gpt-5-nano', 'GPT-5 nano', 400_000, 128_000),
  openai('gpt-4.1', 'GPT-4.1', 1_047_576, 32_768),
  openai('gpt-4.1-mini', 'GPT-4.1 mini', 1_047_576, 32_768),
  openai('gpt-4.1-nano', 'GPT-4.1 nano', 1_047_576, 32_768),
  openai('gpt-4o', 'GPT-4o', 128_000, 16_384),
  openai('gpt-4o-mini', 'GPT-4o mini', 128_000, 16_384),
  openai('o3', 'o3', 200_000, 100_000),
  openai('o3-mini', 'o3-mini', 200_000, 100_000),
  openai('o4-mini', 'o4-mini', 200_000, 100_000),
  openai('o1', 'o1', 200_000, 100_000),
  openai('gpt-4', 'GPT-4', 8_192, 8_192, 'cl100k'),
  openai('gpt-4-turbo', 'GPT-4 Turbo', 128_000, 4_096, 'cl100k'),
  openai('gpt-3.5-turbo', 'GPT-3.5 Turbo', 16_385, 4_096, 'cl100k'),
  claude('claude-opus-4-5', 'Claude Opus 4.5', 64_000),
  claude('claude-opus-4-1', 'Claude Opus 4.1', 32_000),
  claude('claude-opus-4-0', 'Claude Opus 4', 32_000),
  claude('claude-sonnet-4-5', 'Claude Sonnet 4.5', 64_000),
  claude('claude-sonnet-4-0', 'Claude Sonnet 4', 64_000),
  claude('claude-haiku-4-5', 'Claude Haiku 4.5', 64_000),
  claude('claude-3-7-sonnet-latest', 'Claude Sonnet 3.7', 64_000),
  claude('claude-3-5-haiku-latest', 'Claude Haiku 3.5', 8_192),
  gemini('gemini-3-pro-preview', 'Gemini 3 Pro (preview)', 65_536),
  gemini('gemini-2.5-pro', 'Gemini 2.5 Pro', 65_536),
  gemini('gemini-2.5-flash', 'Gemini 2.5 Flash', 65_536),
  gemini('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 65_536),
  gemini('gemini-2.0-flash', 'Gemini 2.0 Flash', 8_192),
  gemini('gemini-2.0-flash-lite', 'Gemini 2.0 Flash-Lite', 8_192),
];
