import type { ProviderId } from '@/utils/core/models/model-types';
import { normaliseHost } from '@/utils/core/sites/host';

/**
 * Which providers' models each supported site serves, so a setting can't give a site a model
 * it never runs (a Claude model for chatgpt.com). The same facts as the site adapters'
 * `hosts` and `provider` (utils/sites/adapters; site-providers.test.ts checks they agree), kept
 * here because settings are checked in core, which does not load the adapters. Clay runs
 * every provider's models in its columns.
 */
const ALL: readonly ProviderId[] = ['openai', 'anthropic', 'google', 'clay'];
// The chats added 2026-12: Copilot runs OpenAI's models; the others their makers' own.
const SITE_PROVIDERS: Readonly<Record<string, readonly ProviderId[]>> = {
  'chatgpt.com': ['openai'],
  'chat.openai.com': ['openai'],
  'platform.openai.com': ['openai'],
  'claude.ai': ['anthropic'],
  'console.anthropic.com': ['anthropic'],
  'platform.claude.com': ['anthropic'],
  'gemini.google.com': ['google'],
  'aistudio.google.com': ['google'],
  'app.clay.com': ALL,
  'chat.deepseek.com': ['deepseek'],
  'copilot.microsoft.com': ['openai'],
  'www.perplexity.ai': ['perplexity'],
  'perplexity.ai': ['perplexity'],
  'grok.com': ['x-ai'],
  'chat.mistral.ai': ['mistral'],
  'www.meta.ai': ['meta'],
  'meta.ai': ['meta'],
  'chat.qwen.ai': ['alibaba'],
};

/** The providers `host` serves; null for a site TokenTally has no adapter for (one the user added: any provider). */
export function providersServedBy(host: string): readonly ProviderId[] | null {
  const key = normaliseHost(host);
  return Object.hasOwn(SITE_PROVIDERS, key) ? SITE_PROVIDERS[key]! : null;
}

export const SUPPORTED_SITE_HOSTS: readonly string[] = Object.keys(SITE_PROVIDERS);
