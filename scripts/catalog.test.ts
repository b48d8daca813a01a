import { exactAliases } from '@/utils/core/models/model-match';
import { TOKEN_PROVIDER_IDS } from '@/utils/core/models/providers';
import { readFileSync } from 'node:fs';
import { calcPrice } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { CATALOG, GENAI_PRICES_VERSION, PRICE_DATA_DATE } from '@/utils/core/models/catalog.generated';
import { buildCatalog, catalogSource, exclusionReason, genaiPricesVersion, PRICE_DATA_DATES } from '@/scripts/catalog-from-genai-prices';
import { COUNTING_RULES, MODEL_RULES, ruleForModel } from '@/utils/core/models/counting-rules';
import { limitsFor } from '@/utils/core/models/model-limits';
import { getModel, listModels, modelForId, priceOn } from '@/utils/core/models/model-registry';

/** The current models of each provider the catalog must know, as the API spells them. */
const CURRENT = [
  'claude-sonnet-4-6', 'claude-sonnet-5', 'claude-opus-4-6', 'claude-opus-4-7', 'claude-opus-4-8', 'claude-opus-5', 'claude-fable-5',
  'claude-haiku-4-5', 'claude-sonnet-4-5', 'claude-opus-4-1',
  'gpt-5', 'gpt-5-mini', 'gpt-5.1', 'gpt-5.2', 'gpt-5.3', 'gpt-5.4', 'gpt-5.5', 'gpt-5.6', 'gpt-4.1', 'gpt-4o', 'gpt-4o-mini',
  'o3', 'o4-mini', 'gpt-oss-120b', 'gpt-4', 'gpt-3.5-turbo',
  'gemini-3.1-pro-preview', 'gemini-3.5-flash', 'gemini-3-pro-preview', 'gemini-3-flash-preview', 'gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-2.0-flash',
];

describe('catalog generated from @pydantic/genai-prices', () => {
  it('equals what the installed library generates (regenerate with `npm run -s models:catalog`)', () => {
    const committed = readFileSync(new URL('../utils/core/models/catalog.generated.ts', import.meta.url), 'utf8');
    expect(committed).toBe(catalogSource());
    expect(GENAI_PRICES_VERSION).toBe(genaiPricesVersion());
    expect(PRICE_DATA_DATE).toBe(PRICE_DATA_DATES[GENAI_PRICES_VERSION]);
  });

  it('knows every current model with a price, the price date and limits', () => {
    for (const id of CURRENT) {
      const m = getModel(id);
      expect(m, id).toBeDefined();
      expect(m!.inCatalog, id).toBe(true);
      expect(m!.price?.inputPerMTok, id).toBeGreaterThan(0);
      expect(m!.price?.outputPerMTok, id).toBeGreaterThan(0);
      expect(m!.contextWindow, id).toBeGreaterThanOrEqual(m!.maxOutput);
      expect(m!.maxOutput, id).toBeGreaterThan(0);
    }
    expect(PRICE_DATA_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('prices match the library for every catalogued model on the data date', () => {
    // 20:00 UTC: outside DeepSeek's off-peak hours (00:30–16:30 UTC), whose discount the catalog leaves out.
    const day = new Date(`${PRICE_DATA_DATE}T20:00:00Z`);
    // Meta's and Alibaba's models are priced from the library's OpenRouter listing, under a prefix.
    const listedAs: Partial<Record<string, [string, string]>> = { meta: ['openrouter', 'meta-llama/'], alibaba: ['openrouter', 'qwen/'] };
    for (const entry of CATALOG) {
      const [providerId, prefix] = listedAs[entry.provider] ?? [entry.provider, ''];
      const price = (id: string) => calcPrice({ input_tokens: 1000, output_tokens: 1000 }, id, { providerId, timestamp: day });
      // Some library entries (Mistral's codestral, magistral-small) match only their aliases or a prefix, not their own id.
      const prefixed = 'starts_with' in entry.match ? `${entry.match.starts_with}latest` : entry.id;
      const lib = price(prefix + entry.id) ?? price(exactAliases(entry.match)[0] ?? prefixed) ?? price(prefixed);
      const ours = priceOn(entry.prices, PRICE_DATA_DATE)?.price;
      if (!ours) continue; // free / unpriced in the library (Gemma)
      expect(lib, entry.id).not.toBeNull();
      expect((ours.inputPerMTok + ours.outputPerMTok) / 1000, entry.id).toBeCloseTo(lib!.input_price + lib!.output_price, 9);
    }
  });

  it('resolves the library\'s aliases to the canonical model', () => {
    expect(getModel('claude-sonnet-4-5-20250929')?.id).toBe('claude-sonnet-4-5');
    expect(getModel('gpt-4o-2024-08-06')?.id).toBe('gpt-4o');
    expect(getModel('gpt-5.6')?.id).toBe('gpt-5.6-sol');
    expect(getModel('claude-opus-4')?.id).toBe('claude-opus-4-0');
    expect(getModel('GPT-4O')?.id).toBe('gpt-4o');
    // The separately priced May 2024 snapshot stays itself.
    expect(getModel('gpt-4o-2024-05-13')?.id).toBe('gpt-4o-2024-05-13');
  });

  it('leaves out embeddings, image, audio, speech, moderation and non-text models', () => {
    const ids = new Set(listModels().map((m) => m.id));
    for (const id of ['text-embedding-3-small', 'gemini-embedding-001', 'gpt-image-1', 'gemini-2.5-flash-image', 'whisper-1', 'gpt-4o-mini-tts',
      'gemini-2.5-flash-tts', 'gpt-4o-transcribe', 'gpt-realtime', 'moderation', 'gemini-live-2.5-flash', 'computer-use', 'davinci']) {
      expect(ids.has(id), id).toBe(false);
      expect(getModel(id), id).toBeUndefined();
    }
    expect(exclusionReason('gpt-4o-mini')).toBeUndefined();
    const { excluded } = buildCatalog();
    expect(excluded.every((e) => e.reason.length > 0)).toBe(true);
    // Anthropic's models on Vertex (listed under google) are catalogued once, as Anthropic's.
    expect(CATALOG.filter((m) => m.id === 'claude-opus-4-7').map((m) => m.provider)).toEqual(['anthropic']);
  });

  it('has one entry per id and a limits row for every model', () => {
    expect(new Set(CATALOG.map((m) => m.id)).size).toBe(CATALOG.length);
    for (const m of CATALOG) expect(limitsFor(m.id), m.id).toBeDefined();
  });
});

describe('tokenizer rules', () => {
  it('are well-formed data: known providers, known rules, a reason each, a catch-all per provider', () => {
    for (const r of MODEL_RULES) {
      expect(TOKEN_PROVIDER_IDS).toContain(r.provider);
      expect(COUNTING_RULES[r.rule], r.rule).toBeDefined();
      expect(r.why.length).toBeGreaterThan(10);
      if (r.fromVersion) expect(r.fromVersion).toMatch(/^\d+(\.\d+)*$/);
    }
    for (const provider of TOKEN_PROVIDER_IDS) {
      expect(MODEL_RULES.some((r) => r.provider === provider && !r.match && !r.fromVersion), provider).toBe(true);
    }
    for (const [id, rule] of Object.entries(COUNTING_RULES)) {
      expect(rule.exact ? rule.band : rule.band > 0, id).toBe(rule.exact ? 0 : true);
      expect(rule.band, id).toBeLessThan(1);
      expect(rule.summary.length && rule.bandSource.length, id).toBeGreaterThan(0);
    }
  });

  it.each([
    ['gpt-4o', 'o200k'], ['gpt-4.1-mini', 'o200k'], ['gpt-4.5-preview', 'o200k'], ['gpt-5.5-pro', 'o200k'], ['o3', 'o200k'], ['o4-mini', 'o200k'],
    ['gpt-oss-120b', 'o200k'], ['codex-mini', 'o200k'], ['chatgpt-4o-latest', 'o200k'],
    ['gpt-4', 'cl100k'], ['gpt-4-turbo', 'cl100k'], ['gpt-4-32k', 'cl100k'], ['gpt-3.5-turbo', 'cl100k'], ['gpt-3.5-turbo-instruct', 'cl100k'],
    ['claude-haiku-4-5', 'claude-3'], ['claude-sonnet-4-6', 'claude-3'], ['claude-opus-4-6', 'claude-3'], ['claude-3-7-sonnet-latest', 'claude-3'],
    ['claude-opus-4-7', 'claude-4.7'], ['claude-opus-4-8', 'claude-4.7'], ['claude-sonnet-5', 'claude-4.7'], ['claude-fable-5', 'claude-4.7'], ['claude-opus-5', 'claude-4.7'],
    ['gemini-2.5-pro', 'gemini-gemma3'], ['gemini-3-pro-preview', 'gemini-gemma3'], ['gemini-3-flash-preview', 'gemini-gemma3'], ['gemini-2.0-flash', 'gemini-gemma3'],
    ['gemini-3.1-pro-preview', 'gemini-gemma4'], ['gemini-3.5-flash', 'gemini-gemma4'], ['gemma-3', 'gemma-3'], ['gemma-4-31b-it', 'gemini-gemma4'],
  ])('%s is counted by %s', (id, rule) => {
    expect(getModel(id)?.rule, id).toBe(rule);
  });

  it.each([
    ['claude-opus-6', 'claude-4.7', 'anthropic'],
    ['claude-haiku-5', 'claude-4.7', 'anthropic'],
    ['gpt-6', 'o200k', 'openai'],
    ['o7-mini', 'o200k', 'openai'],
    ['gemini-4-pro', 'gemini-gemma4', 'google'],
  ])('a model not catalogued yet, %s, gets its family\'s newest rule and no price', (id, rule, provider) => {
    expect(getModel(id)).toBeUndefined();
    const m = modelForId(id)!;
    expect(m).toMatchObject({ id, rule, provider, inCatalog: false });
    expect(m.price).toBeUndefined();
    expect(m.maxOutput).toBeGreaterThan(0);
    expect(ruleForModel(id)?.ruleId).toBe(rule);
  });

  it('knows nothing about other families', () => {
    expect(modelForId('falcon-180b')).toBeUndefined();
    expect(modelForId('')).toBeUndefined();
    expect(modelForId('claude opus 6')).toBeUndefined();
  });
});
