import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { findProvider, type ModelInfo as LibraryModel, type ModelPrice as LibraryPrice } from '@pydantic/genai-prices';
import type { CatalogModel } from '@/utils/core/models/catalog-model';
import type { MatchRule } from '@/utils/core/models/model-match';
import type { DatedPrice, ModelPrice } from '@/utils/core/models/model-types';

/**
 * Builds the catalog from @pydantic/genai-prices' bundled data (no network: its update function is
 * never called). Node only: the generator (scripts/generate-model-catalog.ts) and the test that
 * keeps catalog.generated.ts equal to the installed library use it; the extension ships the
 * generated table, not the ~0.8 MB library.
 */

/** Chat and text models only. Each exclusion says why, and the generated file lists what it excluded. */
export const EXCLUSIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/embedding|(^|-)embed(-|$)/, 'embeddings'],
  [/(^|-)tts(-|$)/, 'speech output'],
  [/transcribe|whisper/, 'speech input'],
  [/realtime|audio|(^|-)live(-|$)/, 'audio and realtime'],
  [/image|omni/, 'image or video generation'],
  [/moderation/, 'moderation'],
  [/computer-use/, 'computer use (screenshots in, actions out)'],
  [/^ft:|\.ft-|:/, 'fine-tune prefix or router-specific name, not a model'],
  [/^(ada|babbage|curie|davinci|text-davinci)/, 'GPT-3 completions: their r50k/p50k tokenizers are not bundled'],
  [/^claude-(v1|2|instant)/, 'retired Claude 1/2: their tokenizer matches neither Claude estimator generation'],
  [/(^|-)vl(-|$)|ocr|voice|guard/, 'vision-language, OCR, voice or safety classifier'],
  [/multi-agent|deep-research/, 'agent runs billed per search or per agent, not per token alone'],
];

/**
 * Where each provider's prices come from, and which of the source's ids are its own models.
 * genai-prices lists Anthropic's models under google too (Vertex AI): they belong to anthropic.
 * Meta and Alibaba sell no API of their own there: their chat models are priced from its
 * OpenRouter listing (`meta-llama/…`, `qwen/…`, the prefix dropped), the price most people see.
 */
const SOURCES: ReadonlyArray<{ provider: CatalogModel['provider']; from: string; own: RegExp; prefix?: string }> = [
  { provider: 'openai', from: 'openai', own: /./ },
  { provider: 'anthropic', from: 'anthropic', own: /^claude/ },
  { provider: 'google', from: 'google', own: /^(gemini|gemma)/ },
  { provider: 'deepseek', from: 'deepseek', own: /^deepseek/ },
  // The other providers: the models their chat apps serve (and the API models those are named as),
  // not every size and variant: the catalog ships in the content script.
  { provider: 'x-ai', from: 'x-ai', own: /^grok-(3|4)/ },
  { provider: 'mistral', from: 'mistral', own: /^(mistral-(large|medium|small)|magistral-(medium|small))(-latest|-\d|$)/ },
  { provider: 'perplexity', from: 'perplexity', own: /^(sonar|r1-1776)/ },
  { provider: 'meta', from: 'openrouter', own: /^meta-llama\/llama-(3\.3-70b-instruct|4-)/, prefix: 'meta-llama/' },
  { provider: 'alibaba', from: 'openrouter', own: /^qwen\/(qwen3(\.\d)?-(max|plus|flash)|qwen3-235b-a22b|qwq-32b$)/, prefix: 'qwen/' },
];

function flat(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const base = (v as { base?: unknown } | undefined)?.base;
  return typeof base === 'number' ? base : undefined;
}

function firstTier(v: unknown): { start: number; price: number } | undefined {
  return (v as { tiers?: Array<{ start: number; price: number }> } | undefined)?.tiers?.[0];
}

/** Input, output and cache-read prices, with the first long-context tier. Undefined without input and output prices. */
export function toModelPrice(p: LibraryPrice): ModelPrice | undefined {
  const input = flat(p.input_mtok);
  const output = flat(p.output_mtok);
  if (input === undefined || output === undefined) return undefined;
  const price: ModelPrice = { inputPerMTok: input, outputPerMTok: output };
  const cached = flat(p.cache_read_mtok);
  if (cached !== undefined) price.cachedInputPerMTok = cached;
  const inTier = firstTier(p.input_mtok);
  if (inTier) {
    const cacheTier = firstTier(p.cache_read_mtok);
    price.longContext = {
      aboveInputTokens: inTier.start,
      inputPerMTok: inTier.price,
      outputPerMTok: firstTier(p.output_mtok)?.price ?? output,
      ...(cacheTier ? { cachedInputPerMTok: cacheTier.price } : {}),
    };
  }
  return price;
}

function datedPrices(model: LibraryModel): DatedPrice[] {
  const entries = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }];
  const out: DatedPrice[] = [];
  for (const entry of entries) {
    const constraint = (entry as { constraint?: { type?: string; start_date?: string } }).constraint;
    // DeepSeek's off-peak discount (a time-of-day price): turns are priced at the standard rate, an upper bound.
    if (constraint?.type === 'time_of_date') continue;
    if (constraint && constraint.type !== 'start_date') {
      throw new Error(`${model.id}: unsupported price constraint ${JSON.stringify(constraint)}`);
    }
    const price = toModelPrice(entry.prices);
    if (price) out.push({ ...(constraint?.start_date ? { from: constraint.start_date } : {}), price });
  }
  return out;
}

export function exclusionReason(id: string): string | undefined {
  return EXCLUSIONS.find(([pattern]) => pattern.test(id))?.[1];
}

export interface BuiltCatalog {
  models: CatalogModel[];
  excluded: Array<{ id: string; provider: string; reason: string }>;
}

export function buildCatalog(): BuiltCatalog {
  const models: CatalogModel[] = [];
  const excluded: BuiltCatalog['excluded'] = [];
  for (const { provider, from, own, prefix } of SOURCES) {
    const data = findProvider({ providerId: from });
    if (!data) throw new Error(`genai-prices has no provider ${from}`);
    for (const m of data.models) {
      if (!own.test(m.id)) continue;
      const id = prefix ? m.id.slice(prefix.length) : m.id;
      const reason = exclusionReason(id);
      if (reason) {
        excluded.push({ id, provider, reason });
        continue;
      }
      models.push({
        id,
        provider,
        ...(m.context_window ? { contextWindow: m.context_window } : {}),
        // A router's match rules name its prefixed ids: the model's own id is what pages and APIs show.
        match: prefix ? { equals: id } : (m.match as MatchRule),
        prices: datedPrices(m),
        ...(m.deprecated ? { deprecated: true as const } : {}),
      });
    }
  }
  return { models, excluded };
}

/**
 * npm publication date of each genai-prices version: the date of its bundled price data
 * (`npm view @pydantic/genai-prices time`). Add the new version's date when upgrading.
 */
export const PRICE_DATA_DATES: Readonly<Record<string, string>> = { '0.1.8': '2026-09-23' };

export function genaiPricesVersion(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve('@pydantic/genai-prices');
  const pkg = readFileSync(entry.replace(/dist[/\\][^/\\]+$/, 'package.json'), 'utf8');
  return (JSON.parse(pkg) as { version: string }).version;
}

/** The file scripts/generate-model-catalog.ts writes: equal to the committed one unless the library changed. */
export function catalogSource(): string {
  const { models, excluded } = buildCatalog();
  const version = genaiPricesVersion();
  const dataDate = PRICE_DATA_DATES[version];
  if (!dataDate) throw new Error(`Add the npm publication date of @pydantic/genai-prices ${version} to PRICE_DATA_DATES`);
  const lines = [
    `// Generated by scripts/generate-model-catalog.ts from @pydantic/genai-prices ${version}. Do not edit:`,
    '// run `npm run -s models:catalog` after upgrading the library (catalog.test.ts fails until you do).',
    '//',
    '// Left out (not chat/text models, or no tokenizer for them):',
    ...excluded.map((e) => `//   ${e.provider}/${e.id}: ${e.reason}`),
    "import type { CatalogModel } from '@/utils/core/models/catalog-model';",
    '',
    `export const GENAI_PRICES_VERSION = ${JSON.stringify(version)};`,
    '/** Publication date of that version on npm: the date of its price data. */',
    `export const PRICE_DATA_DATE = ${JSON.stringify(dataDate)};`,
    '',
    'export const CATALOG: readonly CatalogModel[] = [',
    ...models.map((m) => `  ${JSON.stringify(m)},`),
    '];',
    '',
  ];
  return lines.join('\n');
}
