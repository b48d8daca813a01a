import type { Settings } from '@/utils/core/settings/settings-schema';
import { CATALOG, GENAI_PRICES_VERSION, PRICE_DATA_DATE } from '@/utils/core/models/catalog.generated';
import type { CatalogModel } from '@/utils/core/models/catalog-model';
import { COUNTING_RULES, ruleForModel, UNKNOWN_MODEL_RULES, type CountingRuleId } from '@/utils/core/models/counting-rules';
import { labelOfId, providerOfId } from '@/utils/core/models/model-id';
import { limitsFor, type ModelLimits } from '@/utils/core/models/model-limits';
import { matchesRule } from '@/utils/core/models/model-match';
import type { DatedPrice, ModelInfo, ModelPrice, ProviderId } from '@/utils/core/models/model-types';
import type { TokenProviderId } from '@/utils/core/models/providers';

/**
 * The models TokenTally knows: every chat/text model of OpenAI, Anthropic and Google in
 * @pydantic/genai-prices (catalog.generated.ts), each with its tokenizer rule (counting-rules.ts)
 * and limits (model-limits.ts). Ids resolve through the library's own aliases, so dated snapshots
 * ("claude-sonnet-4-5-20250929") find their model. A model it does not list is never priced as
 * another: see modelForId().
 */

/**
 * The default of the legacy single Claude factor (Claude count = o200k × 1.3). A factor the user
 * set (settings.claudeTokenFactor) is relative to this one, so their choice is kept as the ratio
 * to it (see claudeAdjustment).
 */
export const LEGACY_CLAUDE_TOKEN_FACTOR = 1.3;

export { PRICE_DATA_DATE };
export const PRICE_DATA_SOURCE = `@pydantic/genai-prices ${GENAI_PRICES_VERSION} (https://github.com/pydantic/genai-prices)`;

/** The price in effect on `day` (YYYY-MM-DD): the latest entry that started on or before it. */
export function priceOn(prices: readonly DatedPrice[], day: string): DatedPrice | undefined {
  let current: DatedPrice | undefined;
  for (const p of prices) if (!p.from || p.from <= day) current = p;
  return current;
}

const today = () => new Date().toISOString().slice(0, 10);

/** A model counted by `ruleId`, with the rule's tokenizer, exactness and band; no price. */
function fromRule(id: string, label: string, provider: ProviderId, ruleId: CountingRuleId, limits: ModelLimits): ModelInfo {
  const rule = COUNTING_RULES[ruleId];
  return {
    id,
    label,
    provider,
    tokenizer: rule.tokenizer,
    counter: rule.counter,
    rule: ruleId,
    tokenFactor: rule.factor,
    exact: rule.exact,
    band: rule.band,
    contextWindow: limits.contextWindow,
    maxOutput: Math.min(limits.maxOutput, limits.contextWindow),
    inCatalog: false,
  };
}

function build(id: string, provider: ProviderId, entry: CatalogModel | undefined, day: string): ModelInfo | undefined {
  const found = ruleForModel(id, provider);
  const limits = limitsFor(id);
  if (!found || !limits) return undefined;
  const model = fromRule(id, labelOfId(id), provider, found.ruleId, { ...limits, contextWindow: entry?.contextWindow ?? limits.contextWindow });
  const dated = entry ? priceOn(entry.prices, day) : undefined;
  return { ...model, ...(dated ? { price: dated.price } : {}), ...(dated?.from ? { priceFrom: dated.from } : {}), inCatalog: !!entry };
}

let models: ModelInfo[] | null = null;
let byId: Map<string, ModelInfo> | null = null;
let builtFor = '';

function catalog(): { models: ModelInfo[]; byId: Map<string, ModelInfo> } {
  const day = today();
  if (!models || !byId || builtFor !== day) {
    models = CATALOG.flatMap((entry) => build(entry.id, entry.provider, entry, day) ?? []);
    byId = new Map(models.map((m) => [m.id, m]));
    builtFor = day;
  }
  return { models, byId };
}

/**
 * A catalogued model by its id or any alias genai-prices lists for it (dated snapshots, other
 * spellings); the result carries the canonical id. Undefined when the catalog does not list it.
 */
export function getModel(id: string): ModelInfo | undefined {
  const key = id.trim().toLowerCase();
  if (!key) return undefined;
  const { byId: ids } = catalog();
  const direct = ids.get(key);
  if (direct) return direct;
  const provider = providerOfId(key);
  const entry = CATALOG.find((m) => (!provider || m.provider === provider) && matchesRule(m.match, key));
  return entry ? ids.get(entry.id) : undefined;
}

/**
 * Like getModel, and for a model of a known family that the catalog does not list yet
 * ("claude-opus-6", "gpt-6", "gemini-4-pro"): that family's tokenizer rule and usual limits,
 * `inCatalog: false` and no price, so it shows "price unknown" instead of another model's price.
 * Undefined when not even the family is known.
 */
export function modelForId(id: string): ModelInfo | undefined {
  const known = getModel(id);
  if (known) return known;
  const key = id.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9.\-]*$/.test(key) || key.length > 80) return undefined;
  const provider = providerOfId(key);
  return provider ? build(key, provider, undefined, today()) : undefined;
}

const FAMILY_PREFIX: Readonly<Record<TokenProviderId, string>> = {
  openai: 'gpt',
  anthropic: 'claude',
  google: 'gemini',
  deepseek: 'deepseek',
  'x-ai': 'grok',
  mistral: 'mistral',
  meta: 'llama',
  perplexity: 'sonar',
  alibaba: 'qwen',
};

/**
 * The model to count with when the page names one nothing could read: the provider's newest
 * tokenizer rule, no price, labelled as unknown. Use it instead of a default model, so an unknown
 * model is never priced as another.
 */
export function unknownModel(provider: ProviderId, shownLabel = ''): ModelInfo {
  const p = provider === 'clay' ? 'openai' : provider;
  const label = shownLabel ? `Unknown model (${shownLabel.slice(0, 40)})` : 'Unknown model';
  const model = fromRule('unknown', label, p, UNKNOWN_MODEL_RULES[p], limitsFor(FAMILY_PREFIX[p])!);
  return { ...model, provider };
}

/** Every catalogued model (deprecated ones last), for pickers and the options page. */
export function listModels(): ModelInfo[] {
  const deprecated = new Set(CATALOG.filter((m) => m.deprecated).map((m) => m.id));
  return [...catalog().models].sort((a, b) => Number(deprecated.has(a.id)) - Number(deprecated.has(b.id)));
}

/**
 * The user's multiplier over Claude estimates: their adjustment, or else their legacy single
 * factor, read relative to its default (a factor of 1.5 = ×1.154 over the per-script estimate).
 */
export function claudeAdjustment(settings: Pick<Settings, 'claudeEstimateAdjust' | 'claudeTokenFactor'>): { factor: number; from: 'adjustment' | 'legacy-factor' | 'none' } {
  if (settings.claudeEstimateAdjust != null) return { factor: settings.claudeEstimateAdjust, from: 'adjustment' };
  if (settings.claudeTokenFactor != null) return { factor: settings.claudeTokenFactor / LEGACY_CLAUDE_TOKEN_FACTOR, from: 'legacy-factor' };
  return { factor: 1, from: 'none' };
}

/** The model as the user configured it: their Claude adjustment and price override applied. */
export function resolveModel(id: string, settings: Settings): ModelInfo | undefined {
  const base = modelForId(id);
  if (!base) return undefined;
  const model: ModelInfo = { ...base };
  if (model.provider === 'anthropic') model.tokenFactor = claudeAdjustment(settings).factor;
  const override = settings.priceOverrides[model.id];
  if (override) {
    const price: ModelPrice = { inputPerMTok: override.inputPerMTok, outputPerMTok: override.outputPerMTok };
    if (override.cachedInputPerMTok !== undefined) price.cachedInputPerMTok = override.cachedInputPerMTok;
    model.price = price;
    delete model.priceFrom;
  }
  return model;
}
