import type { Settings } from '../settings/settings-schema';
import { MODEL_CATALOG, type CatalogEntry } from './model-catalog';
import type { ModelInfo, ModelPrice } from './model-types';
import { GENAI_PRICES_VERSION, PRICE_TABLE } from './price-table.generated';

/**
 * Claude 3+ tokenizers are not public, so Claude counts are o200k counts times this factor.
 * Source: published probes comparing Anthropic's count_tokens with OpenAI's o200k on the same
 * texts put Claude 3.5/4 at about 1.15x (plain English prose) to 1.45x (code, non-Latin scripts)
 * o200k (see shared/notes/platform-facts.md, "Tokenizers"). 1.3 is the middle of that range,
 * rounded up a little on purpose: prompts typed into these tools mix prose, code and markup, and
 * under-counting against a monthly limit is the costlier mistake. Users can change it in settings
 * (settings.claudeTokenFactor) or turn on exact counts via Anthropic's count_tokens endpoint.
 */
export const DEFAULT_CLAUDE_TOKEN_FACTOR = 1.3;
export const CLAUDE_TOKEN_FACTOR_SOURCE =
  'Published probes of Anthropic count_tokens vs OpenAI o200k on the same texts: Claude 3.5/4 ≈ 1.15× (English prose) to 1.45× (code, non-Latin scripts) o200k; default 1.3 = mid-range, rounded up so limits are not under-counted.';

/** Publication date of @pydantic/genai-prices 0.1.8 on npm (its bundled price data snapshot). */
export const PRICE_DATA_DATE = '2026-09-23';
export const PRICE_DATA_SOURCE = `@pydantic/genai-prices ${GENAI_PRICES_VERSION} (https://github.com/pydantic/genai-prices)`;

function toModelInfo(entry: CatalogEntry): ModelInfo {
  const isClaude = entry.provider === 'anthropic';
  const price = PRICE_TABLE[entry.id];
  return {
    ...entry,
    tokenFactor: isClaude ? DEFAULT_CLAUDE_TOKEN_FACTOR : 1,
    // Only OpenAI's own tokenizers (o200k, cl100k) give the provider's exact count.
    exact: entry.provider === 'openai',
    ...(price ? { price } : {}),
  };
}

const MODELS: readonly ModelInfo[] = MODEL_CATALOG.map(toModelInfo);
const BY_ID = new Map(MODELS.map((m) => [m.id, m]));

export function getModel(id: string): ModelInfo | undefined {
  return BY_ID.get(id);
}

export function listModels(): ModelInfo[] {
  return [...MODELS];
}

/** The model as the user configured it: their Claude factor and price override applied. */
export function resolveModel(id: string, settings: Settings): ModelInfo | undefined {
  const base = getModel(id);
  if (!base) return undefined;
  const model: ModelInfo = { ...base };
  if (model.provider === 'anthropic' && settings.claudeTokenFactor != null) model.tokenFactor = settings.claudeTokenFactor;
  const override = settings.priceOverrides[id];
  if (override) {
    const price: ModelPrice = { inputPerMTok: override.inputPerMTok, outputPerMTok: override.outputPerMTok };
    if (override.cachedInputPerMTok !== undefined) price.cachedInputPerMTok = override.cachedInputPerMTok;
    model.price = price;
  }
  return model;
}
