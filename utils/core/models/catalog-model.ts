import type { MatchRule } from '@/utils/core/models/model-match';
import type { DatedPrice, ProviderId } from '@/utils/core/models/model-types';

/** One model of catalog.generated.ts, as @pydantic/genai-prices describes it. */
export interface CatalogModel {
  id: string;
  provider: Exclude<ProviderId, 'clay'>;
  /** Context window in tokens, when genai-prices lists one. */
  contextWindow?: number;
  /** Which model names are this model (dated snapshots, other spellings). */
  match: MatchRule;
  /** Prices, oldest first, each from its start day. Empty when the library lists none. */
  prices: DatedPrice[];
  deprecated?: true;
}
