import type { ModelInfo, ModelPrice } from '@/utils/core/models/model-types';
import { COUNTING_RULES, type CountingRuleId } from '@/utils/core/models/counting-rules';
import { LEGACY_CLAUDE_TOKEN_FACTOR, listModels, PRICE_DATA_DATE, PRICE_DATA_SOURCE } from '@/utils/core/models/model-registry';

/** How one kind of model is counted, for the Accuracy section. */
export interface CountingRuleRow {
  id: CountingRuleId;
  summary: string;
  exact: boolean;
  /** Relative band, 0 when exact. */
  band: number;
  bandSource: string;
  /** A few catalogued models counted this way. */
  examples: string[];
}

/** What the Prices and Accuracy sections show about the bundled model data. */
export interface PriceCatalog {
  models: ModelInfo[];
  priceDate: string;
  priceSource: string;
  rules: CountingRuleRow[];
  /** The default of the legacy single Claude factor (a user's own legacy factor is read relative to it). */
  legacyClaudeFactor: number;
}

export function priceCatalog(): PriceCatalog {
  const models = [...listModels()].sort((a, b) => a.provider.localeCompare(b.provider) || a.id.localeCompare(b.id));
  const rules = (Object.keys(COUNTING_RULES) as CountingRuleId[]).map((id) => {
    const rule = COUNTING_RULES[id];
    const examplesFrom: RegExp | undefined = 'examplesFrom' in rule ? rule.examplesFrom : undefined;
    const users = models.filter((m) => m.rule === id && (!examplesFrom || examplesFrom.test(m.id))).map((m) => m.label);
    return { id, summary: rule.summary, exact: rule.exact, band: rule.band, bandSource: rule.bandSource, examples: users.slice(-3).reverse() };
  });
  return { models, priceDate: PRICE_DATA_DATE, priceSource: PRICE_DATA_SOURCE, rules, legacyClaudeFactor: LEGACY_CLAUDE_TOKEN_FACTOR };
}

/** "$2.50" per million tokens; null price = unknown. */
export function formatPerMTok(price: ModelPrice | undefined, side: 'inputPerMTok' | 'outputPerMTok'): string | null {
  if (!price) return null;
  const v = price[side];
  return `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;
}
