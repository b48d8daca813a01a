import type { TokenProviderId } from '@/utils/core/models/providers';
import { modeTableFor } from '@/utils/core/models/app-modes';
import { getModel, listModels, modelForId } from '@/utils/core/models/model-registry';
import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * Reads the model name a page shows ("Sonnet 5", "Opus 4.8", "GPT-5.5 Thinking", "ChatGPT 5",
 * "2.5 Flash", "Gemini 3.1 Pro", "claude-sonnet-4-5-20250929") generically: family and version
 * are parsed and looked up in the catalog, so a new model needs no new rule here.
 *
 * For the sites helper — how to call it:
 *
 *   const reading = readModelLabel(labelText, { provider: adapter.provider, host: location.hostname });
 *   switch (reading.kind) {
 *     case 'model':   // the page names a model: count and price with reading.id
 *                     // (inCatalog false = a newer model of a known family: its family's tokenizer
 *                     //  rule, "price unknown"; resolveModel(reading.id, settings) handles both)
 *     case 'mode':    // the page shows a mode / effort tier, not a model (ChatGPT "Medium", Gemini "Pro"):
 *                     // use pageModelChoice(reading, userPickForSite) and show its `note` in the badge
 *     case 'unknown': // nothing recognisable: show "unknown model, price unknown"
 *                     // (unknownModel(provider, reading.label) in model-registry counts with the
 *                     //  provider's usual tokenizer and no price), never another model's price
 *   }
 *
 * `host` matters only where the app shows modes (chatgpt.com, gemini.google.com: app-modes.ts);
 * `provider: 'clay'` tries every provider, as Clay columns can use any of them.
 */
export type ModelReading =
  /** The page names a model. */
  | { kind: 'model'; id: string; inCatalog: boolean; label: string }
  /** The page shows a mode or effort tier; `id` is what the dated table maps it to. */
  | { kind: 'mode'; mode: string; id: string; dated: string; shows: string; label: string }
  | { kind: 'unknown'; label: string };

export interface LabelContext {
  provider: ProviderId;
  /** The page's hostname: selects the app's mode table. */
  host?: string;
}

/** The model to use for a reading, and what the badge should say about where it came from. */
export interface PageModelChoice {
  /** Null for an unknown label: count with unknownModel() and show no price. */
  id: string | null;
  source: 'page' | 'mode-table' | 'user-pick' | 'unknown';
  /** One sentence for the badge when the model is not simply what the page shows; else null. */
  note: string | null;
}

/**
 * What to count with: the page's model; for a mode, the model the user picked for this site if any
 * (they know their plan better than a table), else the dated table's; for an unknown label, none.
 */
export function pageModelChoice(reading: ModelReading, userPick: string | null = null): PageModelChoice {
  if (reading.kind === 'model') {
    return { id: reading.id, source: 'page', note: reading.inCatalog ? null : `${modelName(reading.id)} is newer than the price list: price unknown.` };
  }
  if (reading.kind === 'unknown') {
    return { id: null, source: 'unknown', note: `Unknown model "${reading.label}": price unknown.` };
  }
  const shown = `The page shows ${reading.shows} ("${reading.mode}"), not a model`;
  if (userPick) return { id: userPick, source: 'user-pick', note: `${shown}: counting as your pick for this site, ${modelName(userPick)}.` };
  return { id: reading.id, source: 'mode-table', note: `${shown}: counting as ${modelName(reading.id)} (TokenTally's table of ${reading.dated}).` };
}

function modelName(id: string): string {
  return modelForId(id)?.label ?? id;
}

/** NFKC folds full-width digits and letters (a Japanese UI's "Ｓｏｎｎｅｔ ５"); invisible characters go. */
function normalise(label: string): string {
  return label
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Id suffixes that do not change the model: "3.1 Pro" is gemini-3.1-pro-preview. */
const QUALIFIERS = /^((preview|latest|exp|experimental|\d{3}|\d{2}-\d{4})(-|$))+$/;

/** The catalog model a candidate id names, directly, by alias, or with qualifiers such as "-preview". */
function catalogued(candidate: string): string | undefined {
  const direct = getModel(candidate);
  if (direct) return direct.id;
  const prefix = `${candidate}-`;
  return listModels()
    .filter((m) => m.id.startsWith(prefix) && QUALIFIERS.test(m.id.slice(prefix.length)))
    .sort((a, b) => a.id.length - b.id.length)[0]?.id;
}

/** Tries candidates from the most to the least specific; the first catalogued one wins. */
function firstCatalogued(candidates: string[]): string | undefined {
  for (const c of candidates) {
    const hit = catalogued(c);
    if (hit) return hit;
  }
  return undefined;
}

/** Claude family names known to the catalog (opus, sonnet, haiku, fable, …): derived, not listed. */
function claudeFamilies(): Set<string> {
  const families = new Set<string>();
  for (const m of listModels()) {
    if (m.provider !== 'anthropic') continue;
    for (const word of m.id.split('-').slice(1)) if (/^[a-z]{3,}$/.test(word) && word !== 'latest') families.add(word);
  }
  return families;
}

const dashed = (version: string) => version.replace(/\./g, '-');

function readClaude(text: string): { id: string; inCatalog: boolean } | undefined {
  const families = claudeFamilies();
  // "Sonnet 5", "Claude Opus 4.8", "Opus 4.1 (extended thinking)"; also "Claude 3.5 Sonnet".
  const after = /\b([a-z]{3,12})[\s-]*(\d{1,2}(?:[.-]\d{1,2})?)\b/g;
  const before = /\bclaude[\s-]*(\d{1,2}(?:\.\d{1,2})?)[\s-]*([a-z]{3,12})\b/;
  const pairs: Array<[family: string, version: string]> = [];
  for (const m of text.matchAll(after)) if (m[1] !== 'claude') pairs.push([m[1]!, m[2]!.replace('-', '.')]);
  const b = before.exec(text);
  if (b) pairs.push([b[2]!, b[1]!]);
  for (const [family, version] of pairs) {
    const known = families.has(family);
    // An unknown word counts as a family only when the label says "Claude" ("Claude Mythos 6").
    if (!known && !/\bclaude\b/.test(text)) continue;
    const candidate = `claude-${family}-${dashed(version)}`;
    const hit = firstCatalogued([candidate, `claude-${dashed(version)}-${family}`]);
    if (hit) return { id: hit, inCatalog: true };
    return { id: candidate, inCatalog: false };
  }
  return undefined;
}

/** Words that name a variant of an OpenAI model (a different model), in id order. */
const OPENAI_VARIANTS = ['turbo', 'codex', 'chat', 'mini', 'nano', 'pro', 'instruct', 'search', 'preview', '16k', '32k', 'luna', 'sol', 'terra', 'astra'];

function readOpenAi(text: string): { id: string; inCatalog: boolean } | undefined {
  const t = text.replace(/\bchatgpt\b/g, 'gpt');
  const oss = /\bgpt[\s-]?oss[\s-]?(\d+b)\b/.exec(t);
  if (oss) {
    const id = `gpt-oss-${oss[1]}`;
    return { id: catalogued(id) ?? id, inCatalog: !!catalogued(id) };
  }
  const series = /(?:^|[^a-z0-9])o(\d)(?:[\s-](mini|pro|preview))?(?:[\s-](deep[\s-]research))?\b/.exec(t);
  const gpt = /\bgpt[\s-]*(\d{1,2}(?:\.\d{1,2})?)(o)?\b(.*)$/.exec(t) 
    // A picker may show the bare version: "5", "5.5 Thinking", "4o mini".
    ?? /^(\d{1,2}(?:\.\d{1,2})?)(o)?\b(.*)$/.exec(t);
  let base: string;
  let words: string[];
  if (gpt) {
    base = `gpt-${gpt[1]}${gpt[2] ?? ''}`;
    words = gpt[3]!.split(/[\s-]+/);
  } else if (series) {
    base = `o${series[1]}`;
    words = [series[2] ?? '', series[3] ? 'deep-research' : ''];
  } else return undefined;
  const variants = OPENAI_VARIANTS.filter((v) => words.includes(v));
  if (words.includes('deep-research')) variants.push('deep-research');
  // Most specific first: gpt-5.5-pro, then gpt-5.5 ("Thinking", "Instant" are modes of the same model).
  const candidates: string[] = [];
  for (let n = variants.length; n >= 0; n--) candidates.push([base, ...variants.slice(0, n)].join('-'));
  // "GPT-3.5" is gpt-3.5-turbo: OpenAI's only GPT-3.5 chat model.
  const hit = firstCatalogued(variants.length ? candidates : [...candidates, `${base}-turbo`]);
  if (hit) return { id: hit, inCatalog: true };
  return { id: candidates[0]!, inCatalog: false };
}

function readGoogle(text: string): { id: string; inCatalog: boolean } | undefined {
  const gemma = /\bgemma[\s-]*(\d{1,2}n?)\b/.exec(text);
  if (gemma) {
    const id = `gemma-${gemma[1]}`;
    const hit = catalogued(id);
    return { id: hit ?? id, inCatalog: !!hit };
  }
  // "2.5 Flash", "Gemini 3.1 Pro", "Gemini 2.5 Flash-Lite", and the older "Gemini Flash 1.5".
  const tierAfter = /(?:^|\bgemini[\s-]*|\s)(\d(?:\.\d{1,2})?)[\s-]*(pro|flash|ultra|nano)(?:[\s-]*(lite))?\b/.exec(text);
  const tierBefore = /\bgemini[\s-]*(pro|flash|ultra)[\s-]*(\d(?:\.\d{1,2})?)\b/.exec(text);
  let candidates: string[];
  if (tierAfter) {
    const [, version, tier, lite] = tierAfter;
    const base = `gemini-${version}-${tier}`;
    candidates = lite ? [`${base}-lite`] : [base];
  } else if (tierBefore) {
    candidates = [`gemini-${tierBefore[2]}-${tierBefore[1]}`, `gemini-${tierBefore[1]}-${tierBefore[2]}`];
  } else return undefined;
  const hit = firstCatalogued(candidates);
  if (hit) return { id: hit, inCatalog: true };
  return { id: candidates[0]!, inCatalog: false };
}

/**
 * The label when it is an API id or alias itself, as consoles show them ("gpt-4o-2024-05-13",
 * "claude-sonnet-4-5-20250929"). Only the whole label: "GPT-4o mini" contains the id gpt-4o but
 * names another model.
 */
function readApiId(text: string): string | undefined {
  return /^[a-z0-9][a-z0-9.\-]*$/.test(text) ? getModel(text)?.id : undefined;
}

/**
 * The other providers' pickers show the model's own name ("DeepSeek-V3.2", "Grok 4", "Qwen3-Max",
 * "Mistral Medium 3.1", "Llama 4 Maverick", "Sonar Pro"): from the family word on, as an id, the
 * longest catalogued prefix of its words, else the whole id as a newer model of the family.
 */
function readByFamily(family: RegExp): (text: string) => { id: string; inCatalog: boolean } | undefined {
  return (text) => {
    const found = family.exec(text);
    if (!found) return undefined;
    const slug = text
      .slice(found.index)
      .replace(/[^\p{L}\p{N}.\s-]/gu, ' ')
      .trim()
      .split(/[\s_-]+/)
      .slice(0, 5);
    for (let n = slug.length; n >= 1; n--) {
      const id = slug.slice(0, n).join('-');
      const hit = firstCatalogued([id, id.replace(/\./g, '-')]);
      if (hit) return { id: hit, inCatalog: true };
    }
    const id = slug.join('-');
    return /^[a-z0-9][a-z0-9.\-]*$/.test(id) && id.length <= 60 ? { id, inCatalog: false } : undefined;
  };
}

const READERS: Record<TokenProviderId, (text: string) => { id: string; inCatalog: boolean } | undefined> = {
  openai: readOpenAi,
  anthropic: readClaude,
  google: readGoogle,
  deepseek: readByFamily(/\bdeepseek\b/),
  'x-ai': readByFamily(/\bgrok\b/),
  mistral: readByFamily(/\b(mistral|magistral|ministral|codestral|devstral|pixtral)\b/),
  meta: readByFamily(/\b(llama|muse spark)\b/),
  perplexity: readByFamily(/\bsonar\b/),
  alibaba: readByFamily(/\b(qwen|qwq)/),
};

/** Reads a model label shown by a page. See the file comment for how to act on the result. */
export function readModelLabel(label: string, where: LabelContext): ModelReading {
  const shown = normalise(label);
  const text = shown.toLowerCase();
  if (!text) return { kind: 'unknown', label: shown };
  const table = modeTableFor(where.host);
  const providers: readonly TokenProviderId[] = where.provider === 'clay' ? ['openai', 'anthropic', 'google'] : [where.provider];

  const apiId = readApiId(text);
  if (apiId && providers.some((p) => getModel(apiId)?.provider === p)) return { kind: 'model', id: apiId, inCatalog: true, label: shown };
  for (const provider of providers) {
    const found = READERS[provider](text);
    if (found) return { kind: 'model', ...found, label: shown };
  }
  if (table && (providers as readonly ProviderId[]).includes(table.provider)) {
    let mode = shown;
    for (const prefix of table.prefixes) mode = mode.replace(prefix, '');
    mode = mode.trim() || shown;
    // Long text is not a picker label (a fallback selector caught a paragraph).
    if (mode.length <= 40) {
      const entry = table.modes.find((m) => m.match.test(mode))!;
      return { kind: 'mode', mode, id: entry.id, dated: table.checked, shows: table.shows, label: shown };
    }
  }
  return { kind: 'unknown', label: shown };
}

/**
 * Transitional single-provider readers, kept for the site adapters until they call
 * readModelLabel: the model id a label names (catalogued or a newer model of a known family),
 * or null. They see no host, so they never apply a mode table.
 */
function legacyReader(provider: ProviderId): (label: string) => string | null {
  return (label) => {
    const reading = readModelLabel(label, { provider });
    return reading.kind === 'model' ? reading.id : null;
  };
}

export const openAiModelFromLabel = legacyReader('openai');
export const anthropicModelFromLabel = legacyReader('anthropic');
export const googleModelFromLabel = legacyReader('google');
