import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * Every provider whose usage is counted in tokens (Clay counts credits), in the order cards,
 * limits and pickers list them. Ids are genai-prices' own where it has them ("x-ai").
 */
export const TOKEN_PROVIDER_IDS = ['openai', 'anthropic', 'google', 'deepseek', 'x-ai', 'mistral', 'meta', 'perplexity', 'alibaba'] as const;
export type TokenProviderId = (typeof TOKEN_PROVIDER_IDS)[number];

/** Names people know the providers by. */
export const PROVIDER_NAMES: Readonly<Record<ProviderId, string>> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  clay: 'Clay',
  deepseek: 'DeepSeek',
  'x-ai': 'xAI',
  mistral: 'Mistral',
  meta: 'Meta',
  perplexity: 'Perplexity',
  alibaba: 'Alibaba (Qwen)',
};
