import type { ModelInfo, ModelPrice } from '../models/model-types';
import { CLAUDE_TOKEN_FACTOR_SOURCE, DEFAULT_CLAUDE_TOKEN_FACTOR, listModels, PRICE_DATA_DATE, PRICE_DATA_SOURCE } from '../models/model-registry';

/** What the Prices and Accuracy sections show about the bundled model data. */
export interface PriceCatalog {
  models: ModelInfo[];
  priceDate: string;
  priceSource: string;
  claudeFactorDefault: number;
  claudeFactorSource: string;
}

export function priceCatalog(): PriceCatalog {
  const models = [...listModels()].sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  return {
    models,
    priceDate: PRICE_DATA_DATE,
    priceSource: PRICE_DATA_SOURCE,
    claudeFactorDefault: DEFAULT_CLAUDE_TOKEN_FACTOR,
    claudeFactorSource: CLAUDE_TOKEN_FACTOR_SOURCE,
  };
}

/** "$2.50" per million tokens; null price = unknown. */
export function formatPerMTok(price: ModelPrice | undefined, side: 'inputPerMTok' | 'outputPerMTok'): string | null {
  if (!price) return null;
  const v = price[side];
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
}
