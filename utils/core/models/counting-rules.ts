import { CALIBRATION_TEXTS, CLAUDE_FACTORS } from '@/utils/core/estimates/claude-factors.generated';
import { compareVersions, parseVersion, providerOfId, versionOfId } from '@/utils/core/models/model-id';
import type { CounterId, ProviderId, TokenizerId } from '@/utils/core/models/model-types';
import type { TokenProviderId } from '@/utils/core/models/providers';

/**
 * How each model's tokens are counted, as data: which tokenizer, exact or estimated, and the
 * error band an estimate carries. MODEL_RULES maps a model id to one of these by family and
 * version, so a model released after this table was written ("claude-opus-6", "gpt-6",
 * "gemini-4-pro") gets its family's newest rule without a code change.
 */
export interface CountingRule {
  tokenizer: TokenizerId;
  counter: CounterId;
  exact: boolean;
  /** Relative error of an estimate (0.06 = ±6%): how it was measured is in `bandSource`. 0 when exact. */
  band: number;
  /** One line for the options page: what is counted. */
  summary: string;
  /** Where the tokenizer choice and the band come from. */
  bandSource: string;
  /** Multiplier on the counter's result (the pre-estimator Claude factor); 1 for most rules. */
  factor: number;
  /** The model ids the options page gives as examples, when the rule's summary is about some of its models only. */
  examplesFrom?: RegExp;
}

function claudeBandSource(estimator: keyof typeof CLAUDE_FACTORS): string {
  const { loo } = CLAUDE_FACTORS[estimator];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  // Rounded up, as the band is: the two figures side by side must agree.
  const p90 = `${Math.ceil(loo.p90 * 100 - 1e-9)}%`;
  return (
    `Factors per script and per generation, fitted on ${CALIBRATION_TEXTS} texts with Anthropic count_tokens results, on published ratios and on code excerpts with proxy counts; ` +
    `left out one at a time, 9 in 10 texts were within ±${p90} (median error ${pct(loo.median)}, worst ${pct(loo.max)}).`
  );
}

export const COUNTING_RULES = {
  o200k: {
    tokenizer: 'o200k',
    counter: 'o200k',
    exact: true,
    band: 0,
    factor: 1,
    summary: "OpenAI's o200k_base tokenizer: exact",
    bandSource: "Equal to tiktoken's o200k_base on the test corpus (gpt-oss's o200k_harmony only adds special tokens).",
  },
  cl100k: {
    tokenizer: 'cl100k',
    counter: 'cl100k',
    exact: true,
    band: 0,
    factor: 1,
    summary: "OpenAI's cl100k_base tokenizer: exact",
    bandSource: "Equal to tiktoken's cl100k_base on the test corpus.",
  },
  'claude-3': {
    tokenizer: 'o200k',
    counter: 'claude3-estimate',
    exact: false,
    band: CLAUDE_FACTORS['claude3-estimate'].band,
    factor: 1,
    summary: 'Claude 3 to 4.6 tokenizer (not public): estimated per script from o200k counts',
    bandSource: claudeBandSource('claude3-estimate'),
  },
  'claude-4.7': {
    tokenizer: 'o200k',
    counter: 'claude47-estimate',
    exact: false,
    band: CLAUDE_FACTORS['claude47-estimate'].band,
    factor: 1,
    summary: 'Claude 4.7+ tokenizer (not public): estimated per script from o200k counts',
    bandSource: claudeBandSource('claude47-estimate'),
  },
  'gemma-3': {
    tokenizer: 'gemma3',
    counter: 'gemma3',
    exact: true,
    band: 0,
    factor: 1,
    summary: "Gemma 3's own tokenizer: exact",
    bandSource: 'The model\'s published tokenizer.',
  },
  'gemini-gemma3': {
    tokenizer: 'gemma3',
    counter: 'gemma3',
    exact: false,
    band: 0.05,
    factor: 1,
    summary: "Gemma 3 vocabulary, which Google's SDK uses for Gemini 2.x and 3.0 text",
    bandSource:
      "Assumed, not measured: no Gemini count_tokens results are available offline. Google's SDK counts these models' text with the same vocabulary but calls its local count experimental; ±5% covers its framing and normalisation differences.",
  },
  'gemini-gemma4': {
    tokenizer: 'gemma3',
    counter: 'gemma3',
    exact: false,
    band: 0.15,
    factor: 1,
    summary: 'Gemma 3 vocabulary standing in for the Gemma 4 vocabulary of Gemini 3.1 and later',
    examplesFrom: /^gemini/,
    bandSource:
      "Assumed, not measured: Google's SDK maps Gemini 3.1+ to a Gemma 4 vocabulary that no npm package ships, so the Gemma 3 count stands in; ±15% allows for a new vocabulary generation.",
  },
  'deepseek-v3': {
    tokenizer: 'deepseek3',
    counter: 'deepseek3',
    exact: true,
    band: 0,
    factor: 1,
    summary: "DeepSeek V3's own tokenizer (128k vocabulary): exact",
    bandSource: "The model's published tokenizer.json (parity-tested against transformers.js).",
  },
  qwen3: {
    tokenizer: 'qwen3',
    counter: 'qwen3',
    exact: true,
    band: 0,
    factor: 1,
    summary: "Qwen3's own tokenizer (151k vocabulary, shared with Qwen2 and 2.5): exact",
    bandSource: "The model's published tokenizer.json (parity-tested against transformers.js).",
  },
  'qwen-next': {
    tokenizer: 'qwen3',
    counter: 'qwen3',
    exact: false,
    band: 0.1,
    factor: 1,
    summary: 'Qwen3 vocabulary standing in for Qwen 3.5 and later',
    examplesFrom: /^qwen3\.[5-9]/,
    bandSource: 'Assumed: no package ships a newer Qwen vocabulary; ±10% allows for one generation.',
  },
  'deepseek-next': {
    tokenizer: 'deepseek3',
    counter: 'deepseek3',
    exact: false,
    band: 0.1,
    factor: 1,
    summary: 'DeepSeek V3 vocabulary standing in for DeepSeek V4 and later',
    examplesFrom: /^deepseek-v[4-9]/,
    bandSource: 'Assumed: no package ships a V4 vocabulary; ±10% allows for one generation.',
  },
  'sonar-cl100k': {
    tokenizer: 'cl100k',
    counter: 'cl100k',
    exact: false,
    band: 0.1,
    factor: 1,
    summary: "cl100k_base for Perplexity's Sonar (built on Llama 3.3, whose vocabulary is cl100k_base plus 28k tokens)",
    bandSource: "Llama 3 keeps cl100k's tokens and pre-tokenizer and adds 28k mostly non-English ones: near-exact on English, ±10% assumed elsewhere.",
  },
  'o200k-estimate': {
    tokenizer: 'o200k',
    counter: 'o200k',
    exact: false,
    band: 0.15,
    factor: 1,
    summary: 'o200k_base as the nearest public vocabulary (Grok, Mistral Tekken, Llama 4)',
    bandSource: 'Measured spread of public 128k–200k vocabularies (DeepSeek V3, Qwen3) against o200k on the test corpus: median 6%, within ±15% on 3 texts in 4, 20–50% on Cyrillic/Arabic and digit runs (scripts/vocab-spread.ts).',
  },
} as const satisfies Record<string, CountingRule>;

export type CountingRuleId = keyof typeof COUNTING_RULES;

export interface ModelRule {
  provider: ProviderId;
  /** Tested against the lower-case model id. */
  match?: RegExp;
  /** The family version the rule starts at ("4.7": Claude Opus 4.7 and every later version). */
  fromVersion?: string;
  rule: CountingRuleId;
  why: string;
}

/** First match wins: the specific and newest rules of a provider come before its catch-all. */
export const MODEL_RULES: readonly ModelRule[] = [
  { provider: 'openai', match: /^(gpt-3\.5|gpt-35|gpt-4(?![o.\d]))/, rule: 'cl100k', why: 'GPT-4, GPT-4 Turbo and GPT-3.5 use cl100k_base.' },
  { provider: 'openai', rule: 'o200k', why: 'GPT-4o and every later GPT (4.1, 4.5, 5.x, 6), the o-series, Codex and gpt-oss use o200k_base.' },
  { provider: 'anthropic', fromVersion: '4.7', rule: 'claude-4.7', why: 'Opus 4.7 (April 2026) introduced a new tokenizer, shared by every later Claude model.' },
  { provider: 'anthropic', rule: 'claude-3', why: 'Claude 3 up to 4.6 (Sonnet 4.6, Opus 4.6, Haiku 4.5) share one tokenizer.' },
  { provider: 'google', match: /^gemma-3/, rule: 'gemma-3', why: 'Gemma 3 models use the bundled Gemma 3 tokenizer itself.' },
  { provider: 'google', match: /^gemma/, fromVersion: '4', rule: 'gemini-gemma4', why: 'Gemma 4 models use the Gemma 4 vocabulary.' },
  { provider: 'google', match: /^gemini/, fromVersion: '3.1', rule: 'gemini-gemma4', why: "Since 2026-06 Google's SDK maps Gemini 3.1 and later to a Gemma 4 vocabulary." },
  { provider: 'google', rule: 'gemini-gemma3', why: "Google's SDK maps Gemini 2.x, 3 Pro and 3 Flash to the Gemma 3 vocabulary (and it is the closest for 1.x and Gemma 2)." },
  { provider: 'deepseek', match: /^deepseek-v([4-9]|\d\d)/, rule: 'deepseek-next', why: 'V4+: the V3 vocabulary stands in.' },
  { provider: 'deepseek', rule: 'deepseek-v3', why: 'deepseek-chat, -reasoner and V3.x share the V3 tokenizer.' },
  { provider: 'alibaba', match: /^qwen(3\.[5-9]|[4-9])/, rule: 'qwen-next', why: 'Qwen 3.5+: the Qwen3 vocabulary stands in.' },
  { provider: 'alibaba', rule: 'qwen3', why: 'Qwen2 to 3 and QwQ share one tokenizer.' },
  { provider: 'perplexity', rule: 'sonar-cl100k', why: 'Sonar is Llama 3.3, whose vocabulary extends cl100k.' },
  { provider: 'meta', match: /^llama-3/, rule: 'sonar-cl100k', why: "Llama 3's vocabulary extends cl100k." },
  { provider: 'meta', rule: 'o200k-estimate', why: 'Llama 4: a 202k byte-level vocabulary near o200k.' },
  { provider: 'x-ai', rule: 'o200k-estimate', why: 'No published tokenizer.' },
  { provider: 'mistral', rule: 'o200k-estimate', why: 'Tekken (131k) has no package.' },
];

/**
 * For a model the page names in a way nothing recognises: each provider's newest generation, the
 * likeliest for a name too new to read. Counted this way, shown as an unknown model, never priced.
 */
export const UNKNOWN_MODEL_RULES: Readonly<Record<TokenProviderId, CountingRuleId>> = {
  openai: 'o200k',
  anthropic: 'claude-4.7',
  google: 'gemini-gemma4',
  deepseek: 'deepseek-v3',
  'x-ai': 'o200k-estimate',
  mistral: 'o200k-estimate',
  meta: 'o200k-estimate',
  perplexity: 'sonar-cl100k',
  alibaba: 'qwen3',
};

/** The rule for any model id of a known family, catalogued or not; undefined for other providers. */
export function ruleForModel(id: string, provider: ProviderId | undefined = providerOfId(id)): { ruleId: CountingRuleId; rule: CountingRule; why: string } | undefined {
  if (!provider) return undefined;
  const lower = id.toLowerCase();
  const version = versionOfId(lower);
  for (const r of MODEL_RULES) {
    if (r.provider !== provider) continue;
    if (r.match && !r.match.test(lower)) continue;
    if (r.fromVersion && (!version || compareVersions(version, parseVersion(r.fromVersion)) < 0)) continue;
    return { ruleId: r.rule, rule: COUNTING_RULES[r.rule], why: r.why };
  }
  return undefined;
}
