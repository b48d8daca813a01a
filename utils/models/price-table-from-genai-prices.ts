import { calcPrice } from '@pydantic/genai-prices';
import type { ModelPrice, ProviderId } from './model-types';

/**
 * Reads one model's current price from @pydantic/genai-prices (bundled data, no network: its
 * update function is never called). Used by the generator and by the test that keeps the
 * generated table equal to the library. Not imported by the extension: the library is ~0.8 MB.
 */
export function priceFromGenaiPrices(id: string, provider: ProviderId, at = new Date()): ModelPrice | undefined {
  const result = calcPrice({ input_tokens: 1, output_tokens: 1 }, id, { providerId: provider, timestamp: at });
  if (!result) return undefined;
  // genai-prices' own maintained match rules decide which entry applies (dated aliases etc.);
  // a model it does not know gives null and stays unpriced: never a guessed neighbour.
  const p = result.model_price as Record<string, unknown>;
  const flat = (v: unknown) => (typeof v === 'number' ? v : (v as { base?: number } | undefined)?.base);
  const tier = (v: unknown) => (v as { tiers?: Array<{ start: number; price: number }> } | undefined)?.tiers?.[0];
  const input = flat(p.input_mtok);
  const output = flat(p.output_mtok);
  if (input === undefined || output === undefined) return undefined;
  const price: ModelPrice = { inputPerMTok: input, outputPerMTok: output };
  const cached = flat(p.cache_read_mtok);
  if (cached !== undefined) price.cachedInputPerMTok = cached;
  const inTier = tier(p.input_mtok);
  if (inTier) {
    const outTier = tier(p.output_mtok);
    const cacheTier = tier(p.cache_read_mtok);
    price.longContext = {
      aboveInputTokens: inTier.start,
      inputPerMTok: inTier.price,
      outputPerMTok: outTier?.price ?? output,
      ...(cacheTier ? { cachedInputPerMTok: cacheTier.price } : {}),
    };
  }
  return price;
}

export function matchedModelId(id: string, provider: ProviderId): string | undefined {
  return calcPrice({ input_tokens: 1, output_tokens: 1 }, id, { providerId: provider })?.model.id;
}
