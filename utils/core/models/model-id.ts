import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * What a model id says by itself: its provider, family, version and a display label. Shared by the
 * tokenizer rules (a rule can start at a version: "Claude 4.7 onwards") and the page-label reader,
 * so a model nobody has catalogued yet ("claude-opus-6", "gemini-4-pro") still gets its family's
 * rule and a readable name.
 */

/** Id prefixes per provider, most specific first. */
const PROVIDER_PREFIXES: ReadonlyArray<readonly [RegExp, ProviderId]> = [
  [/^(gpt|chatgpt|o\d+(-|$)|codex)/, 'openai'],
  [/^claude/, 'anthropic'],
  [/^(gemini|gemma)/, 'google'],
  [/^deepseek/, 'deepseek'],
  [/^grok/, 'x-ai'],
  [/^(mistral|magistral|ministral|codestral|devstral|pixtral|mixtral)/, 'mistral'],
  [/^(llama|muse-spark)/, 'meta'],
  [/^(sonar|r1-1776)/, 'perplexity'],
  [/^(qwen|qwq)/, 'alibaba'],
];

export function providerOfId(id: string): ProviderId | undefined {
  const lower = id.toLowerCase();
  return PROVIDER_PREFIXES.find(([pattern]) => pattern.test(lower))?.[1];
}

/** 8-digit snapshot dates (20250929) and ISO dates (2024-08-06) end an id's name part. */
const DATE = /^(\d{8}|\d{4}-\d{2}-\d{2})$/;

/** The id's words, with an ISO date kept as one word. */
function words(id: string): string[] {
  return id.toLowerCase().replace(/-(\d{4})-(\d{2})-(\d{2})(?=-|$)/g, '-$1$2$3').split('-').filter(Boolean);
}

/**
 * The family's version as numbers: claude-opus-4-8 -> [4, 8], claude-3-5-sonnet -> [3, 5],
 * claude-sonnet-5 -> [5], gemini-3.1-pro-preview -> [3, 1], gemini-flash-1.5 -> [1, 5],
 * gpt-5.5-pro -> [5, 5], gpt-4o -> [4], gemma-3n -> [3]. gemini-pro (Gemini 1.0) -> [1, 0].
 * Null when the id carries no version.
 */
export function versionOfId(id: string): number[] | null {
  const w = words(id);
  const provider = providerOfId(id);
  if (provider === 'anthropic') {
    // Claude ids spell 4.5 as "4-5" (or "4.5"): consecutive small numbers before any date.
    const nums: number[] = [];
    for (const word of w.slice(1)) {
      if (DATE.test(word)) break;
      if (/^\d{1,2}(\.\d{1,2})?$/.test(word)) nums.push(...word.split('.').map(Number));
      else if (nums.length) break;
    }
    return nums.length ? nums : null;
  }
  for (const word of w.slice(1)) {
    const m = /^(\d{1,2})(?:\.(\d{1,2}))?[a-z]?$/.exec(word);
    if (m && !DATE.test(word)) return m[2] === undefined ? [Number(m[1])] : [Number(m[1]), Number(m[2])];
  }
  if (/^gpt-(\d+(?:\.\d+)?)/.test(id)) return /^gpt-(\d+)(?:\.(\d+))?/.exec(id)!.slice(1).filter(Boolean).map(Number);
  if (/^gemini-(pro|ultra)$/.test(id)) return [1, 0];
  return null;
}

export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function parseVersion(text: string): number[] {
  return text.split('.').map(Number);
}

/** Words written a fixed way in labels; others are capitalised. */
const WORD_LABELS: Readonly<Record<string, string>> = {
  gpt: 'GPT', chatgpt: 'ChatGPT', claude: 'Claude', gemini: 'Gemini', gemma: 'Gemma',
  mini: 'mini', nano: 'nano', oss: 'oss', it: 'it', latest: 'latest', o: 'o',
};

function wordLabel(word: string): string {
  if (WORD_LABELS[word]) return WORD_LABELS[word];
  if (/^\d+(\.\d+)?[bkm]$/.test(word)) return word.toUpperCase().replace(/K$/, 'k'); // 120B, 16k
  if (/^\d{8}$/.test(word)) return `(${word.slice(0, 4)}-${word.slice(4, 6)}-${word.slice(6)})`;
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A readable name from the id alone: "Claude Opus 4.8", "Claude Haiku 3.5", "GPT-5.5 Pro",
 * "GPT-4o mini", "o4-mini", "Gemini 3.1 Pro Preview", "gpt-oss-120b".
 */
export function labelOfId(id: string): string {
  const lower = id.toLowerCase();
  if (/^o\d/.test(lower) || lower.startsWith('gpt-oss')) return lower;
  const w = words(lower);
  if (providerOfId(lower) === 'anthropic') {
    const version = versionOfId(lower);
    const family = w.slice(1).filter((x) => /^[a-z]+$/.test(x) && x !== 'latest' && x !== 'claude');
    const v = version ? (version.length > 1 && version[1] === 0 ? [version[0]] : version).join('.') : '';
    const dated = w.find((x) => /^\d{8}$/.test(x));
    return ['Claude', ...family.map(wordLabel), v, dated ? wordLabel(dated) : ''].filter(Boolean).join(' ');
  }
  if ((w[0] === 'gpt' || w[0] === 'chatgpt') && /^\d/.test(w[1] ?? '')) {
    // "gpt-4o-mini" -> "GPT-4o mini": the version stays joined to the name.
    const [head, version, ...rest] = w;
    return [`${wordLabel(head!)}-${version ?? ''}`, ...rest.map(wordLabel)].join(' ');
  }
  return w.map(wordLabel).join(' ');
}
