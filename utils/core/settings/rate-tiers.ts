import type { ProviderId } from '@/utils/core/models/model-types';

/**
 * Published API rate tiers as data, for the TPM presets on the options page.
 *
 * Providers set limits per model and per tier and revise them often, so each
 * preset names the model class it was read for and where. The user's own console
 * shows the real figure; "Custom" takes any number.
 */
export interface RateTierPreset {
  id: string;
  provider: ProviderId;
  label: string;
  /** Tokens per minute this tier allows (Anthropic: input tokens per minute, ITPM). */
  tpm: number;
  /** Anthropic limits output separately (OTPM); shown for information. */
  outputTpm?: number;
}

export interface RateTierSource {
  provider: ProviderId;
  /** What the numbers were read for and where. */
  basis: string;
  url: string;
  checked: string;
}

export const RATE_TIER_SOURCES: readonly RateTierSource[] = [
  {
    provider: 'openai',
    basis: 'OpenAI usage tiers, TPM for GPT-4o / GPT-4.1 (input + output tokens)',
    url: 'https://platform.openai.com/docs/guides/rate-limits',
    checked: '2025-10',
  },
  {
    provider: 'anthropic',
    basis: 'Anthropic usage tiers, input tokens per minute (ITPM) for Claude Sonnet 4.x; output (OTPM) is limited separately',
    url: 'https://docs.anthropic.com/en/api/rate-limits',
    checked: '2025-10',
  },
];

export const RATE_TIER_PRESETS: readonly RateTierPreset[] = [
  { id: 'openai-tier-1', provider: 'openai', label: 'OpenAI Tier 1', tpm: 30_000 },
  // Clay's Claygent web research needs OpenAI Tier 2 (>= 450,000 TPM).
  { id: 'openai-tier-2', provider: 'openai', label: 'OpenAI Tier 2', tpm: 450_000 },
  { id: 'openai-tier-3', provider: 'openai', label: 'OpenAI Tier 3', tpm: 800_000 },
  { id: 'openai-tier-4', provider: 'openai', label: 'OpenAI Tier 4', tpm: 2_000_000 },
  { id: 'openai-tier-5', provider: 'openai', label: 'OpenAI Tier 5', tpm: 30_000_000 },
  { id: 'anthropic-tier-1', provider: 'anthropic', label: 'Anthropic Tier 1', tpm: 30_000, outputTpm: 8_000 },
  { id: 'anthropic-tier-2', provider: 'anthropic', label: 'Anthropic Tier 2', tpm: 450_000, outputTpm: 90_000 },
  { id: 'anthropic-tier-3', provider: 'anthropic', label: 'Anthropic Tier 3', tpm: 800_000, outputTpm: 160_000 },
  // Clay cites ">= 400,000 TPM" for Anthropic Tier 4, the figure Anthropic published for Claude 3.5 Sonnet.
  { id: 'anthropic-tier-4', provider: 'anthropic', label: 'Anthropic Tier 4', tpm: 2_000_000, outputTpm: 400_000 },
];

export function presetsFor(provider: ProviderId): RateTierPreset[] {
  return RATE_TIER_PRESETS.filter((p) => p.provider === provider);
}

/** The preset whose TPM equals `tpm` for this provider, or undefined (custom / not set). */
export function presetMatching(provider: ProviderId, tpm: number | null): RateTierPreset | undefined {
  return tpm === null ? undefined : presetsFor(provider).find((p) => p.tpm === tpm);
}
